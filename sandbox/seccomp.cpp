#include "sandbox/seccomp.hpp"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <seccomp.h>
#include <stddef.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>

namespace pyjudge::sandbox {

namespace {

// What a warm CPython needs once it is running: memory, reading files it may see (Landlock
// decides which), its own pipes, time, threads, signals to itself, and what asyncio's event
// loop uses (socketpair, epoll, eventfd). Nothing that creates processes, executes programs,
// opens network sockets or writes files.
constexpr const char* kAllowed[] = {
    "read", "write", "readv", "writev", "pread64", "preadv", "close", "lseek",
    "fstat", "newfstatat", "statx", "stat", "lstat", "access", "faccessat", "faccessat2",
    "getdents64", "getcwd", "readlink", "readlinkat", "dup", "dup2", "dup3",
    "pipe", "pipe2", "fsync", "fdatasync", "fstatfs", "statfs",
    "brk", "munmap", "mprotect", "mremap", "madvise", "mincore",
    "futex", "set_robust_list", "get_robust_list", "rseq", "sched_yield", "sched_getaffinity",
    "exit", "exit_group", "gettid", "getpid", "getppid", "getpgrp", "getsid",
    "getuid", "geteuid", "getgid", "getegid", "getgroups", "getresuid", "getresgid",
    "uname", "sysinfo", "getrusage", "times", "getpriority", "getrlimit", "restart_syscall",
    "clock_gettime", "clock_getres", "clock_nanosleep", "nanosleep", "gettimeofday", "time",
    "getitimer", "setitimer", "alarm", "pause",
    "getrandom", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending", "rt_sigsuspend",
    "rt_sigtimedwait", "sigaltstack",
    "select", "pselect6", "poll", "ppoll", "epoll_create", "epoll_create1", "epoll_ctl",
    "epoll_wait", "epoll_pwait", "epoll_pwait2", "eventfd", "eventfd2",
    "recvfrom", "sendmsg", "recvmsg", "shutdown", "getsockopt",
    "getsockname", "getpeername",
};

using Ctx = std::unique_ptr<void, decltype(&seccomp_release)>;

// libseccomp returns -errno and leaves errno alone.
Status check(int rc, const char* call) {
  return rc < 0 ? Status::fail(call, -rc) : Status::ok();
}

Status allow(scmp_filter_ctx ctx, const char* name) {
  int nr = seccomp_syscall_resolve_name(name);
  if (nr == __NR_SCMP_ERROR) return Status::ok();  // not a syscall on this architecture
  return check(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0), "seccomp_rule_add");
}

template <typename... Cmp>
Status allow_if(scmp_filter_ctx ctx, int nr, Cmp... cmp) {
  return check(seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, sizeof...(Cmp), cmp...),
               "seccomp_rule_add");
}

// The fcntl commands CPython uses (descriptors, flags, locks, pipe size read-only). Not
// F_SETOWN / F_SETOWN_EX / F_SETSIG (with O_ASYNC they make the kernel signal any process, the
// box included, outside kill()'s filter), not O_ASYNC itself, not F_SETPIPE_SZ (a pipe's buffer
// is kernel memory no limit of the child counts), not leases or directory notifications.
Status add_fcntl_rules(scmp_filter_ctx ctx) {
  for (int cmd : {F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_GETLK, F_SETLK, F_SETLKW,
                  F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW, F_GETPIPE_SZ, F_GET_SEALS}) {
    PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(fcntl), SCMP_A1(SCMP_CMP_EQ, static_cast<scmp_datum_t>(cmd))));
  }
  return allow_if(ctx, SCMP_SYS(fcntl), SCMP_A1(SCMP_CMP_EQ, static_cast<scmp_datum_t>(F_SETFL)),
                  SCMP_A2(SCMP_CMP_MASKED_EQ, static_cast<scmp_datum_t>(O_ASYNC), 0));
}

Status add_conditional_rules(scmp_filter_ctx ctx) {
  // Threads only: a clone without CLONE_THREAD would be a new process.
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(clone),
                                     SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)));
  // clone3 passes its flags in memory, out of a filter's reach. glibc tries clone3 first and
  // falls back to clone only on ENOSYS, so that is the answer it gets.
  PYJUDGE_RETURN_ON_FAILURE(
      check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "seccomp_rule_add"));
  // O_TMPFILE's own bit only: glibc's __O_TMPFILE includes O_DIRECTORY, and a read-only open of
  // a directory is what every import that lists a package does.
  constexpr scmp_datum_t kTmpfileBit = 020000000;
  static_assert((O_TMPFILE & ~O_DIRECTORY) == kTmpfileBit);
  constexpr scmp_datum_t kWriteFlags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND | kTmpfileBit;
  PYJUDGE_RETURN_ON_FAILURE(
      allow_if(ctx, SCMP_SYS(openat), SCMP_A2(SCMP_CMP_MASKED_EQ, kWriteFlags, 0)));
  PYJUDGE_RETURN_ON_FAILURE(
      allow_if(ctx, SCMP_SYS(open), SCMP_A1(SCMP_CMP_MASKED_EQ, kWriteFlags, 0)));
  for (unsigned long request : {TCGETS, TIOCGWINSZ, FIONREAD, FIONBIO, FIOCLEX, FIONCLEX}) {
    PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(ioctl), SCMP_A1(SCMP_CMP_EQ, request)));
  }
  // Reading limits is harmless; raising them is not.
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(prlimit64), SCMP_A2(SCMP_CMP_EQ, 0)));
  // Stream pairs only (asyncio's self-pipe): an AF_UNIX datagram socket can sendto() any named
  // socket on the host (/dev/log), which Landlock does not see.
  constexpr scmp_datum_t kSocketType = 0xf;  // the type without SOCK_NONBLOCK / SOCK_CLOEXEC
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(socketpair), SCMP_A0(SCMP_CMP_EQ, AF_UNIX),
                                     SCMP_A1(SCMP_CMP_MASKED_EQ, kSocketType, SOCK_STREAM)));
  // send() is sendto() without an address; with one, it is a datagram to somewhere else.
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(sendto), SCMP_A4(SCMP_CMP_EQ, 0)));
  PYJUDGE_RETURN_ON_FAILURE(add_fcntl_rules(ctx));
  // Memory the data rlimit counts: private mappings, and file mappings (of files opened read-only).
  // Shared anonymous memory escapes RLIMIT_DATA (and a child's accounting): refused. So is
  // MAP_GROWSDOWN: the kernel counts such a mapping as stack, not data, and it grows past
  // RLIMIT_DATA.
  PYJUDGE_RETURN_ON_FAILURE(
      allow_if(ctx, SCMP_SYS(mmap), SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_SHARED | MAP_GROWSDOWN, 0)));
  PYJUDGE_RETURN_ON_FAILURE(
      allow_if(ctx, SCMP_SYS(mmap), SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_ANONYMOUS | MAP_GROWSDOWN, 0)));
  // Socket options, except the buffer sizes: SO_SNDBUF / SO_RCVBUF (up to net.core.wmem_max,
  // 4 MiB on many hosts, per socket) and SO_SNDBUFFORCE / SO_RCVBUFFORCE (unlimited with
  // CAP_NET_ADMIN) park memory in kernel buffers that no limit of the child sees without a
  // cgroup. asyncio never sets them.
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(setsockopt), SCMP_A1(SCMP_CMP_NE, SOL_SOCKET)));
  // One comparison per argument in a rule (libseccomp): the other SOL_SOCKET options one by one.
  constexpr int kLastSocketOption = 80;
  for (int opt = 0; opt <= kLastSocketOption; ++opt) {
    if (opt == SO_SNDBUF || opt == SO_RCVBUF || opt == SO_SNDBUFFORCE || opt == SO_RCVBUFFORCE) continue;
    PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(setsockopt), SCMP_A1(SCMP_CMP_EQ, SOL_SOCKET),
                                       SCMP_A2(SCMP_CMP_EQ, static_cast<scmp_datum_t>(opt))));
  }
  // Signals: allowed here, and narrowed to the child itself by the second filter (signal_filter).
  PYJUDGE_RETURN_ON_FAILURE(allow(ctx, "kill"));
  PYJUDGE_RETURN_ON_FAILURE(allow(ctx, "tgkill"));
  // The box's SIGSYS handler reports forbidden calls; the candidate may not replace it.
  PYJUDGE_RETURN_ON_FAILURE(allow_if(ctx, SCMP_SYS(rt_sigaction), SCMP_A0(SCMP_CMP_NE, SIGSYS)));
  return allow_if(ctx, SCMP_SYS(rt_sigaction), SCMP_A1(SCMP_CMP_EQ, 0));
}

}  // namespace

Probe probe_seccomp() {
  Probe p;
  int mode = prctl(PR_GET_SECCOMP);
  if (mode < 0) {
    p.detail = errno == EINVAL ? "kernel built without CONFIG_SECCOMP" : "prctl(PR_GET_SECCOMP) failed";
    return p;
  }
  const scmp_version* v = seccomp_version();
  p.available = seccomp_api_get() >= 1;
  p.detail = "libseccomp " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." +
             std::to_string(v->micro) + ", API level " + std::to_string(seccomp_api_get()) +
             (mode ? " (already filtered by a parent)" : "");
  return p;
}

Status compile_seccomp(SeccompProgram& out) {
  // A forbidden call traps: the box's SIGSYS handler names it, then the process dies.
  Ctx ctx(seccomp_init(SCMP_ACT_TRAP), &seccomp_release);
  if (!ctx) return Status::fail("seccomp_init", ENOMEM);
  // x32 and i386 system calls reach a different table: not ours, kill the process.
  PYJUDGE_RETURN_ON_FAILURE(check(
      seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS), "seccomp_attr_set"));
  // A binary tree of syscall numbers rather than a linear list: every call the candidate makes
  // walks this filter.
  PYJUDGE_RETURN_ON_FAILURE(
      check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2), "seccomp_attr_set"));
  for (const char* name : kAllowed) PYJUDGE_RETURN_ON_FAILURE(allow(ctx.get(), name));
  PYJUDGE_RETURN_ON_FAILURE(add_conditional_rules(ctx.get()));

  int fd = static_cast<int>(syscall(SYS_memfd_create, "seccomp-bpf", MFD_CLOEXEC));
  if (fd < 0) return Status::fail("memfd_create");
  Status s = check(seccomp_export_bpf(ctx.get(), fd), "seccomp_export_bpf");
  off_t size = s ? lseek(fd, 0, SEEK_END) : -1;
  if (s && (size <= 0 || size % sizeof(sock_filter) != 0)) s = Status::fail("seccomp_export_bpf", EINVAL);
  if (s) {
    out.allowlist.resize(static_cast<std::size_t>(size) / sizeof(sock_filter));
    if (pread(fd, out.allowlist.data(), static_cast<std::size_t>(size), 0) != size) s = Status::fail("pread");
  }
  close(fd);
  return s;
}

namespace {

// kill(pid, sig) and tgkill(pid, tid, sig) only with pid == self. The pid is known only in the
// child, so this small filter is assembled there, stacked under the compiled allowlist (the
// kernel runs both and the strictest answer wins). pid_t is 32 bits: the low word of args[0].
constexpr std::uint32_t kArg0Low =
    offsetof(seccomp_data, args) + (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? 0 : 4);

Status load(const sock_filter* code, std::size_t length) {
  sock_fprog prog{static_cast<unsigned short>(length), const_cast<sock_filter*>(code)};
  return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0 ? Status::ok()
                                                                      : Status::fail("seccomp");
}

}  // namespace

Status load_seccomp(const SeccompProgram& program, pid_t self) {
  if (program.allowlist.empty()) return Status::fail("seccomp", EINVAL);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) return Status::fail("prctl(PR_SET_NO_NEW_PRIVS)");
  const sock_filter signal_filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_kill, 1, 0),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_tgkill, 0, 2),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, kArg0Low),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<std::uint32_t>(self), 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
  };
  // The signal filter first: once the allowlist is in, seccomp(2) itself is forbidden.
  PYJUDGE_RETURN_ON_FAILURE(load(signal_filter, std::size(signal_filter)));
  return load(program.allowlist.data(), program.allowlist.size());
}

std::string syscall_name(long number) {
  char* name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, static_cast<int>(number));
  if (!name) return "syscall " + std::to_string(number);
  std::string out = name;
  std::free(name);
  return out;
}

}  // namespace pyjudge::sandbox
