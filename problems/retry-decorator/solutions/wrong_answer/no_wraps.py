# Wrong: forgets functools.wraps, so the decorated function is called "wrapper" and loses its docstring.
def retry(times, exceptions=(Exception,)):
    if times < 1:
        raise ValueError("times must be at least 1")

    def decorator(func):
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                wrapper.attempts = attempt
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise

        wrapper.attempts = 0
        return wrapper

    return decorator
