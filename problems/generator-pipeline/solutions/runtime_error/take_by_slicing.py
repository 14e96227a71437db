# Crashes: take() slices its input, which only works on sequences -> TypeError on a generator.
def parse_records(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, score = line.split(",")
        yield name.strip(), int(score)


def at_least(records, threshold):
    for record in records:
        if record[1] >= threshold:
            yield record


def as_labels(records):
    for name, score in records:
        yield f"{name}:{score}"


def take(iterable, n):
    return iter(iterable[:n])


def top_labels(lines, threshold, n):
    return take(as_labels(at_least(parse_records(lines), threshold)), n)
