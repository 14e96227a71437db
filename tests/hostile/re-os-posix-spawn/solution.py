# os.posix_spawn: glibc tries clone3 (answered ENOSYS), then clone(CLONE_VM|CLONE_VFORK) with
# every signal blocked, so the trap kills the process with SIGSYS instead of being reported by
# name: "forbidden operation (killed by SIGSYS)".
import os


def solve():
    pid = os.posix_spawn("/bin/true", ["true"], {})
    os.waitpid(pid, 0)
    return 0
