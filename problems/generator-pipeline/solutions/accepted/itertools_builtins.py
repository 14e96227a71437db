# The same pipeline from lazy builtins: map/filter/islice and generator expressions.
from itertools import islice, starmap


def _split(line):
    name, score = line.split(",")
    return name.strip(), int(score)


def parse_records(lines):
    stripped = map(str.strip, lines)
    return map(_split, filter(lambda s: s and not s.startswith("#"), stripped))


def at_least(records, threshold):
    return filter(lambda record: record[1] >= threshold, records)


def as_labels(records):
    return starmap("{}:{}".format, records)


def take(iterable, n):
    return islice(iterable, n)


def top_labels(lines, threshold, n):
    return take(as_labels(at_least(parse_records(lines), threshold)), n)
