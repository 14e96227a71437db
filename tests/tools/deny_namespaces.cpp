// deny_namespaces COMMAND [ARGS...]: runs COMMAND the way a default Docker container or a CI runner
// that blocks unprivileged user namespaces would: creating namespaces fails with EPERM, and so
// does mkdir (the box cannot make its cgroup: no writable cgroup hierarchy). The hostile suite
// runs once through it to show the other layers contain every case on their own.
#include <linux/sched.h>
#include <seccomp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <initializer_list>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: deny_namespaces COMMAND [ARGS...]\n");
    return 2;
  }
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  bool ok = ctx && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(unshare), 0) == 0 &&
            seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(setns), 0) == 0 &&
            seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(mkdir), 0) == 0 &&
            seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(mkdirat), 0) == 0 &&
            // clone3 hides its flags in memory: ENOSYS makes glibc fall back to clone.
            seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0;
  for (scmp_datum_t flag : {CLONE_NEWUSER, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWIPC, CLONE_NEWUTS,
                            CLONE_NEWCGROUP}) {
    ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)) == 0;
  }
  if (!ok) {
    std::fprintf(stderr, "deny_namespaces: cannot build the filter\n");
    return 1;
  }
  if (seccomp_load(ctx) < 0) {
    std::fprintf(stderr, "deny_namespaces: cannot load the filter\n");
    return 1;
  }
  seccomp_release(ctx);
  execvp(argv[1], argv + 1);
  std::perror("deny_namespaces: exec");
  return 127;
}
