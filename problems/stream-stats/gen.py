"""An access log of `size` records, about 35 bytes a line (35 MB for size = 10^6).

Paths follow a skewed distribution over a few dozen endpoints, statuses are mostly 2xx with
some 3xx/4xx/5xx, latencies mostly 1..2000 ms with a few slow outliers.
"""

METHODS = ["GET", "POST", "PUT", "DELETE"]
METHOD_WEIGHTS = [70, 20, 7, 3]
STATUSES = ["200", "201", "204", "301", "304", "400", "404", "429", "500", "502", "503"]
STATUS_WEIGHTS = [600, 60, 30, 20, 40, 30, 100, 20, 50, 30, 20]
RESOURCES = ["users", "orders", "items", "cart", "search", "login", "logout", "pay",
             "health", "admin", "reviews", "images", "stats", "feed", "tags", "sessions"]


def generate(rng, size):
    n = max(size, 1)
    paths = [f"/api/{r}" for r in RESOURCES] + [f"/api/{r}/{k}" for r in RESOURCES[:8] for k in range(3)]
    path_weights = [rng.randint(1, 50) for _ in paths]
    path_col = rng.choices(paths, path_weights, k=n)
    method_col = rng.choices(METHODS, METHOD_WEIGHTS, k=n)
    status_col = rng.choices(STATUSES, STATUS_WEIGHTS, k=n)
    latency_col = rng.choices(range(1, 2001), k=n)
    for _ in range(max(1, n // 10000)):
        latency_col[rng.randrange(n)] = rng.randint(2001, 120000)
    start = 1714557600 + rng.randrange(10**6)
    lines = [str(n)]
    lines += [f"{start + i // 25} {m} {p} {s} {t}"
              for i, (m, p, s, t) in enumerate(zip(method_col, path_col, status_col, latency_col))]
    return {"input": "\n".join(lines) + "\n"}
