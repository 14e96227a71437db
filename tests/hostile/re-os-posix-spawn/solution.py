# os.posix_spawn: glibc tries clone3 (answered ENOSYS), then clone(CLONE_VM|CLONE_VFORK).
import os


def solve():
    pid = os.posix_spawn("/bin/true", ["true"], {})
    os.waitpid(pid, 0)
    return 0
