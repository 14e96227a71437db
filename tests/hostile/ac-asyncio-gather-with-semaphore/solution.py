# asyncio.run (epoll, a socketpair self-pipe) with gather under a Semaphore.
import asyncio


async def main():
    sem = asyncio.Semaphore(3)
    running = 0
    peak = 0

    async def task(i):
        nonlocal running, peak
        async with sem:
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.01)
            running -= 1
            return i * i

    results = await asyncio.gather(*(task(i) for i in range(10)))
    return [sum(results), peak]


def solve():
    return asyncio.run(main())
