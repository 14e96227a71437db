# Debian's /usr/lib/python3.11/sitecustomize.py is a symlink to /etc/python3.11/: the path
# is inside the readable installation, the file it resolves to is not.


def solve():
    with open("/usr/lib/python3.11/sitecustomize.py") as f:
        return f.read()
