"""Random Coin Change instances with an amount close to `size`.

Up to 12 distinct denominations below 100, sometimes with a common factor > 1 so that an
amount that is not a multiple of it is impossible (answer -1), sometimes with a coin of 1.
"""


def generate(rng, size):
    amount = rng.randint(size * 9 // 10, size)
    k = rng.randint(3, 12)
    factor = rng.choice([1, 1, 2, 3])
    coins = rng.sample(range(1, 100 // factor), k)
    coins = [c * factor for c in coins]
    if factor == 1 and rng.random() < 0.3 and 1 not in coins:
        coins[0] = 1
    rng.shuffle(coins)
    return {"args": [coins, amount]}
