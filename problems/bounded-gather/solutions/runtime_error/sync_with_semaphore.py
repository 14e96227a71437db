# Crashes: uses `with semaphore:` instead of `async with`; asyncio.Semaphore has no __enter__.
import asyncio


async def fetch_all(urls, fetch, limit):
    semaphore = asyncio.Semaphore(limit)

    async def bounded(url):
        with semaphore:
            return await fetch(url)

    return await asyncio.gather(*(bounded(url) for url in urls))
