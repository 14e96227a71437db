# Wrong: collects results with as_completed, i.e. in the order the fetches finish, not input order.
import asyncio


async def fetch_all(urls, fetch, limit):
    semaphore = asyncio.Semaphore(limit)

    async def bounded(url):
        async with semaphore:
            return await fetch(url)

    return [await done for done in asyncio.as_completed([bounded(url) for url in urls])]
