# Wrong: runs fixed batches of `limit` fetches, so a free slot waits for the batch's slowest fetch.
import asyncio


async def fetch_all(urls, fetch, limit):
    results = []
    for start in range(0, len(urls), limit):
        batch = urls[start:start + limit]
        results.extend(await asyncio.gather(*(fetch(url) for url in batch)))
    return results
