# Wrong: awaits every task right after creating it, so the fetches run one at a time (peak 1).
import asyncio


async def fetch_all(urls, fetch, limit):
    semaphore = asyncio.Semaphore(limit)
    results = []
    for url in urls:
        async with semaphore:
            results.append(await asyncio.create_task(fetch(url)))
    return results
