import importlib


def solve():
    # Names only known at run time are not pre-imported by the box: the import happens in the
    # test's child, which must be able to list and read the standard library's directories.
    colorsys = importlib.import_module("col" + "orsys")
    email_utils = importlib.import_module("email.utils")
    assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
    assert email_utils.parseaddr("A <a@example.com>")[1] == "a@example.com"
    return 0
