#include "sandbox/namespaces.hpp"

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "sandbox/credentials.hpp"

namespace pyjudge::sandbox {

namespace {

// New network (no interface but a down loopback: no network at all), IPC, UTS, pid and mount
// namespaces. In the pid namespace the box itself is init (pid 1): a test's child sees no process
// of the host, and when the box goes, the kernel kills whatever is left in the namespace. The
// mount namespace gives it its own /proc and an empty /tmp (Landlock narrows the rest).
constexpr int kNamespaces = CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWPID | CLONE_NEWNS;

bool write_file(const char* path, const std::string& text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

// Without root, a user namespace comes first (it grants the right to make the others); then our
// own uid and gid map to themselves.
Status map_own_ids() {
  uid_t uid = geteuid();
  gid_t gid = getegid();
  // A non-dumpable process's /proc/self files belong to root: writable again only while dumpable.
  prctl(PR_SET_DUMPABLE, 1);
  bool mapped = write_file("/proc/self/setgroups", "deny") &&
                write_file("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1") &&
                write_file("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1");
  int saved = errno;
  prctl(PR_SET_DUMPABLE, 0);
  if (!mapped) return Status::fail("write /proc/self/uid_map", saved);
  return Status::ok();
}

// What the layer gives where the host allows it.
constexpr const char* kApplied = "pid, mount (private /proc and /tmp), net, ipc, uts";

std::string unavailable_reason(int err) {
  return std::string("unshare: ") + std::strerror(err) +
         (geteuid() == 0 ? " (a container without CAP_SYS_ADMIN?)"
                         : " (unprivileged user namespaces disabled: kernel.unprivileged_userns_clone, "
                           "user.max_user_namespaces or AppArmor's apparmor_restrict_unprivileged_userns)");
}

// A private view of /proc (this pid namespace's processes only: the box and its tests) and an
// empty, tiny /tmp. Mount events stay here: the root is made private first.
Status private_mounts() {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) < 0) return Status::fail("mount(/, MS_PRIVATE)");
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) < 0) return Status::fail("mount(/proc)");
  if (access("/tmp", F_OK) == 0 &&
      mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k,mode=0755") < 0) {
    return Status::fail("mount(/tmp)");
  }
  return Status::ok();
}

// unshare(CLONE_NEWPID) puts the caller's next child, not the caller, in the new namespace. So the
// process the judge spawned forks once more: the child carries on as the box, pid 1 of the
// namespace; the parent only relays its exit status (and dies with the judge, taking the box
// along through the box's parent-death signal). Returns in the box only.
Status enter_pid_namespace(bool root) {
  int relay_alive[2];
  if (pipe2(relay_alive, O_CLOEXEC) < 0) return Status::fail("pipe2");
  pid_t box = fork();
  if (box < 0) return Status::fail("fork");
  if (box == 0) {
    close(relay_alive[1]);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) return Status::fail("prctl(PR_SET_PDEATHSIG)");
    // The relay may have died before the line above: then its end of the pipe is closed.
    pollfd p{relay_alive[0], POLLIN, 0};
    if (poll(&p, 1, 0) > 0) return Status::fail("poll", ESRCH);
    close(relay_alive[0]);
    return private_mounts();  // root still: the box drops it next (credentials layer)
  }
  // The relay keeps no descriptor of the box's: the judge's pipes must close when the box's do.
  for (int fd = 0; fd < 1024; ++fd) {
    if (fd != relay_alive[1]) close(fd);
  }
  std::string dropped;
  if (root && !drop_root(dropped)) _exit(126);
  int status = 0;
  while (waitpid(box, &status, 0) < 0 && errno == EINTR) {
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace

Probe probe_namespaces() {
  Probe p;
  // Try it in a throwaway child: unshare changes the caller for good.
  pid_t pid = fork();
  if (pid == 0) {
    bool ok = geteuid() == 0 ? unshare(kNamespaces) == 0
                             : unshare(CLONE_NEWUSER | kNamespaces) == 0 && map_own_ids();
    _exit(ok ? 0 : (errno & 0x7f));
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
    p.detail = "could not probe (fork failed)";
    return p;
  }
  int err = WEXITSTATUS(status);
  p.available = err == 0;
  p.detail = p.available ? kApplied : unavailable_reason(err);
  return p;
}

Status apply_namespaces(bool& applied, std::string& detail) {
  applied = false;
  const bool root = geteuid() == 0;
  if (unshare(root ? kNamespaces : CLONE_NEWUSER | kNamespaces) < 0) {
    // Nothing changed: report why, and carry on with the other layers (root is dropped next,
    // by the credentials layer, either way).
    detail = unavailable_reason(errno);
    return Status::ok();
  }
  if (!root) PYJUDGE_RETURN_ON_FAILURE(map_own_ids());
  PYJUDGE_RETURN_ON_FAILURE(enter_pid_namespace(root));
  applied = true;
  detail = std::string(root ? "" : "user, ") + kApplied;
  return Status::ok();
}

}  // namespace pyjudge::sandbox
