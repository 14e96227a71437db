// The seccomp allowlist, loaded in a forked child as the box loads it in every test's child:
// what CPython needs works, and a forbidden call kills the process with SIGSYS.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "sandbox/layers.hpp"

using namespace pyjudge::sandbox;

namespace {

// Runs `body` in a child under the filter; SIGSYS keeps its default action (the box installs a
// reporter instead), so a forbidden call ends the child with that signal.
int status_under_filter(const SeccompProgram& program, const std::function<int()>& body) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!load_seccomp(program, getpid())) _exit(100);
    _exit(body());
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

bool killed_by_sigsys(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS; }
bool exited_zero(int status) { return WIFEXITED(status) && WEXITSTATUS(status) == 0; }

}  // namespace

TEST_CASE("Under the seccomp filter, what CPython needs works and a forbidden call dies with SIGSYS") {
  if (!probe_seccomp().available) {
    MESSAGE("skipped: seccomp unavailable here: ", probe_seccomp().detail);
    return;
  }
  SeccompProgram program;
  REQUIRE(compile_seccomp(program));
  REQUIRE_FALSE(program.allowlist.empty());

  SUBCASE("allowed: reading a file, a pipe, memory, time, signalling itself") {
    int status = status_under_filter(program, [] {
      int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
      char buf[64];
      if (fd < 0 || read(fd, buf, sizeof buf) <= 0) return 1;
      close(fd);
      int p[2];
      if (pipe2(p, O_CLOEXEC) != 0 || write(p[1], "x", 1) != 1) return 2;
      void* mem = mmap(nullptr, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (mem == MAP_FAILED) return 3;
      timespec ts{};
      if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) return 4;
      signal(SIGUSR1, SIG_IGN);
      if (kill(getpid(), SIGUSR1) != 0) return 5;
      return 0;
    });
    CHECK(exited_zero(status));
  }
  SUBCASE("forbidden: creating a process") {
    CHECK(killed_by_sigsys(status_under_filter(program, [] { return fork() >= 0 ? 0 : 1; })));
  }
  SUBCASE("forbidden: executing a program") {
    CHECK(killed_by_sigsys(status_under_filter(program, [] {
      execl("/bin/true", "true", nullptr);
      return 1;
    })));
  }
  SUBCASE("forbidden: an internet socket") {
    CHECK(killed_by_sigsys(status_under_filter(program, [] { return socket(AF_INET, SOCK_STREAM, 0) >= 0 ? 0 : 1; })));
  }
  SUBCASE("forbidden: opening a file for writing") {
    CHECK(killed_by_sigsys(status_under_filter(program, [] {
      return open("/tmp/pyjudge-seccomp-test", O_WRONLY | O_CREAT | O_CLOEXEC, 0600) >= 0 ? 0 : 1;
    })));
  }
  SUBCASE("forbidden: signalling another process (the parent)") {
    CHECK(killed_by_sigsys(status_under_filter(program, [] { return kill(getppid(), 0) == 0 ? 0 : 1; })));
  }
}

TEST_CASE("Landlock: after the layer, only the readable paths can be read and nothing written") {
  Probe probe = probe_landlock();
  if (!probe.available) {
    MESSAGE("skipped: Landlock unavailable here: ", probe.detail);
    return;
  }
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!apply_landlock({"/usr/lib"})) _exit(100);
    int inside = open("/usr/lib/os-release", O_RDONLY | O_CLOEXEC);
    if (inside < 0) _exit(1);
    if (open("/etc/hostname", O_RDONLY | O_CLOEXEC) >= 0 || errno != EACCES) _exit(2);
    if (open("/tmp/pyjudge-landlock-test", O_WRONLY | O_CREAT | O_CLOEXEC, 0600) >= 0) _exit(3);
    _exit(0);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(exited_zero(status));
}
