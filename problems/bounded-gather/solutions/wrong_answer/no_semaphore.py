# Wrong: gathers every fetch at once and ignores `limit`, so all of them run concurrently.
import asyncio


async def fetch_all(urls, fetch, limit):
    return await asyncio.gather(*(fetch(url) for url in urls))
