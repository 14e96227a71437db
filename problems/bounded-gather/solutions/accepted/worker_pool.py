# A pool of `limit` workers taking indices from a shared queue and writing results by index.
import asyncio


async def fetch_all(urls, fetch, limit):
    results = [None] * len(urls)
    queue = asyncio.Queue()
    for i in range(len(urls)):
        queue.put_nowait(i)

    async def worker():
        while not queue.empty():
            i = queue.get_nowait()
            results[i] = await fetch(urls[i])

    workers = [asyncio.create_task(worker()) for _ in range(min(limit, len(urls)))]
    try:
        await asyncio.gather(*workers)
    finally:
        for w in workers:
            w.cancel()
    return results
