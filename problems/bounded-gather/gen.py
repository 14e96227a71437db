"""`size` URLs (with repeats) fetched through a fake `fetch` that yields to the event loop a
random number of times (0-6), under a random limit; the snippet checks the result order and
that the peak concurrency is exactly min(limit, number of URLs).
"""


def generate(rng, size):
    n = max(size, 0)
    urls = [f"u{rng.randrange(max(n, 1))}" for _ in range(n)]
    delays = {u: rng.randrange(7) for u in set(urls)}
    limit = rng.choice([1, 2, 3, 10, 50, n + 5])
    code = f"""\
import asyncio

urls = {urls!r}
delays = {dict(sorted(delays.items()))!r}
active = peak = 0

async def fetch(url):
    global active, peak
    active += 1
    peak = max(peak, active)
    try:
        for _ in range(delays[url]):
            await asyncio.sleep(0)
        return url.upper()
    finally:
        active -= 1

out = asyncio.run(fetch_all(urls, fetch, {limit}))
result = (len(out), out[:3], out == [u.upper() for u in urls], peak == min({limit}, len(urls)), active)
"""
    return {"code": code}
