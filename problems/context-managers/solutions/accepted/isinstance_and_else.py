# isinstance on the exception object (None never matches) and try/except/else around the yield.
import contextlib


class Suppress:
    def __init__(self, *exc_types):
        self.exc_types = tuple(exc_types)
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        suppress = isinstance(exc_value, self.exc_types)
        if suppress:
            self.caught.append(exc_value)
        return suppress


@contextlib.contextmanager
def tag(log, name):
    log.append("enter " + name)
    try:
        yield name
    except Exception as error:
        log.append("error " + name + " " + error.__class__.__name__)
        log.append("exit " + name)
        raise
    else:
        log.append("exit " + name)
