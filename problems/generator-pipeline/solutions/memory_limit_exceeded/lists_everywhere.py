# Too much memory: every stage returns a list, so parsing an endless input keeps every record.
def parse_records(lines):
    records = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            name, score = line.split(",")
            records.append((name.strip(), int(score)))
    return records


def at_least(records, threshold):
    return [r for r in records if r[1] >= threshold]


def as_labels(records):
    return [f"{name}:{score}" for name, score in records]


def take(iterable, n):
    return list(iterable)[:n]


def top_labels(lines, threshold, n):
    return take(as_labels(at_least(parse_records(lines), threshold)), n)
