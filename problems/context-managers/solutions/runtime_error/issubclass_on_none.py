# Crashes: calls issubclass(exc_type, ...) even after a clean exit, where exc_type is None -> TypeError.
from contextlib import contextmanager


class Suppress:
    def __init__(self, *exc_types):
        self.exc_types = exc_types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if issubclass(exc_type, self.exc_types):
            self.caught.append(exc)
            return True
        return False


@contextmanager
def tag(log, name):
    log.append(f"enter {name}")
    try:
        yield name
    except Exception as e:
        log.append(f"error {name} {type(e).__name__}")
        raise
    finally:
        log.append(f"exit {name}")
