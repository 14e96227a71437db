# Reference: one Semaphore(limit) shared by all tasks; gather keeps the results in input order.
import asyncio


async def fetch_all(urls, fetch, limit):
    semaphore = asyncio.Semaphore(limit)

    async def bounded(url):
        async with semaphore:
            return await fetch(url)

    return await asyncio.gather(*(bounded(url) for url in urls))
