"""Non-decreasing timestamps in bursts: runs of repeated times, small steps, steps of exactly
3000 ms (a request lands on the window's lower edge), and rare jumps that empty the window.

`size` is the number of pings. The density (how many pings share a millisecond on average)
grows with the size: at 10^5 pings the window holds tens of thousands of requests, so
rescanning it on every ping is hopeless.
"""


def generate(rng, size):
    n = max(size, 1)
    if n >= 10000:  # ~0.05 ms per ping: the window holds ~6 * 10^4 requests; few jumps
        p_same, steps, p_jump, p_edge = 0.95, [1], 1 / n, 4 / n
    else:
        p_same, steps = rng.choice([0.0, 0.3, 0.7, 0.9]), [1, 1, 2, 5, 40, 700]
        p_jump, p_edge = 0.01, 0.03
    t = rng.randint(1, 1000)
    ops, args = ["RecentCounter"], [[]]
    for _ in range(n):
        r = rng.random()
        if r < p_jump:
            t += rng.randint(3001, 100000)
        elif r < p_jump + p_edge:
            t += 3000
        elif rng.random() >= p_same:
            t += rng.choice(steps)
        ops.append("ping")
        args.append([min(t, 10**9)])
    return {"ops": ops, "args": args}
