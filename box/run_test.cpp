#include "box/run_test.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <utility>
#include <chrono>
#include <cstring>
#include <fmt/format.h>

#include "protocol/wire.hpp"
#include "python/bridge.hpp"
#include "python/interpreter.hpp"
#include "sandbox/contain.hpp"

namespace pyjudge::box {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSetupErrorFd = 4;           // child -> box, closed before candidate code runs
constexpr std::size_t kStderrWindow = 64 * 1024;
constexpr std::size_t kMaxReport = std::size_t{256} << 20;
// Room above the memory limit for thread stacks and allocator slack: a program that exceeds the
// limit is still measured (and judged MLE) rather than stopped at the first byte over.
constexpr Bytes kDataHeadroom = mib(32);
// Processes and threads of one test, where a pids cgroup enforces it (threads are allowed).
constexpr unsigned kMaxPids = 128;

struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(Fd&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    reset();
    fd = std::exchange(o.fd, -1);
    return *this;
  }
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

struct Pipe {
  Fd read, write;
};

bool make_pipe(Pipe& p, bool nonblocking_read) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) return false;
  p.read = Fd(fds[0]);
  p.write = Fd(fds[1]);
  if (nonblocking_read) fcntl(fds[0], F_SETFL, O_NONBLOCK);
  return true;
}

struct Statm {
  Bytes resident, data, anonymous;
};

Statm read_statm(int fd) {
  char buf[256];
  ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return {};
  buf[n] = 0;
  unsigned long size, resident, shared, text, lib, data;
  if (sscanf(buf, "%lu %lu %lu %lu %lu %lu", &size, &resident, &shared, &text, &lib, &data) != 6) return {};
  auto page = static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
  return {Bytes{resident * page}, Bytes{data * page}, Bytes{(resident - shared) * page}};
}

Fd stdin_file(const std::string& data) {
  Fd fd(memfd_create("stdin", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (fd.fd < 0 || !write_all(fd.fd, data)) return Fd();
  // Sealed: the candidate cannot rewrite its input for a later read.
  fcntl(fd.fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
  lseek(fd.fd, 0, SEEK_SET);
  return fd;
}

struct Channels {
  Fd stdin_fd;
  Pipe out, err, report, setup_error;
};

[[noreturn]] void child_main(const Program& program, const TestInput& input, Channels& ch,
                             const sandbox::RlimitPolicy& limits,
                             const sandbox::SeccompProgram& seccomp, const sandbox::TestCgroup* cgroup) {
  PyOS_AfterFork_Child();
  if (dup2(ch.stdin_fd.fd, 0) < 0 || dup2(ch.out.write.fd, 1) < 0 || dup2(ch.err.write.fd, 2) < 0 ||
      dup2(ch.report.write.fd, kReportFd) < 0 || dup2(ch.setup_error.write.fd, kSetupErrorFd) < 0) {
    _exit(126);
  }
  install_forbidden_call_reporter();
  sandbox::Status s = sandbox::contain_test_child(limits, kSetupErrorFd + 1, seccomp, getpid(), cgroup);
  if (!s) {
    std::string msg = "cannot contain the test process: " + s.describe();
    write_all(kSetupErrorFd, msg);
    _exit(126);
  }
  close(kSetupErrorFd);  // from here on only candidate-visible channels remain
  run_child(program, input);
}

// Drains what is readable from `fd` into `out`, keeping at most `keep` bytes. Returns the number
// of bytes read this call, and sets `eof`.
std::size_t drain(int fd, std::string& out, std::size_t keep, bool& eof) {
  char buf[65536];
  std::size_t total = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      total += static_cast<std::size_t>(n);
      if (out.size() < keep) out.append(buf, std::min<std::size_t>(n, keep - out.size()));
      continue;
    }
    if (n == 0) eof = true;
    if (n < 0 && errno == EINTR) continue;
    return total;
  }
}

class Watch {
 public:
  Watch(pid_t pid, int pidfd, const Limits& limits, Channels& ch)
      : pid_(pid), pidfd_(pidfd), limits_(limits), ch_(ch) {
    clock_getcpuclockid(pid, &cpu_clock_);
  }

  TestOutcome run(Clock::time_point start) {
    const auto deadline = start + limits_.wall;
    bool exited = false;
    while (!exited) {
      auto now = Clock::now();
      if (now >= deadline) kill_for(KilledBy::WallClock);
      Millis cpu = cpu_used();
      if (cpu > limits_.time) kill_for(KilledBy::CpuTime);
      // Wake at the wall deadline, or when the CPU budget could next run out.
      auto cpu_left = std::max(Millis(2), std::min(Millis(50), limits_.time - cpu + Millis(1)));
      auto wall_left = std::chrono::duration_cast<Millis>(deadline - now) + Millis(1);
      int timeout = static_cast<int>(std::max(Millis(1), std::min(cpu_left, wall_left)).count());
      exited = wait_once(timeout);
    }
    auto wall = Clock::now() - start;
    drain_all();
    TestOutcome out;
    reap(out);
    out.wall = std::chrono::duration_cast<Micros>(wall);
    out.killed_by = killed_by_;
    out.stdout_data = std::move(stdout_);
    out.stderr_data = std::move(stderr_);
    out.stderr_truncated = stderr_total_ > kStderrWindow;
    out.report = std::move(report_);
    out.report_truncated = report_total_ > kMaxReport;
    return out;
  }

 private:
  Millis cpu_used() const {
    timespec ts{};
    if (clock_gettime(cpu_clock_, &ts) < 0) return Millis(0);
    return std::chrono::duration_cast<Millis>(std::chrono::seconds(ts.tv_sec) +
                                              std::chrono::nanoseconds(ts.tv_nsec));
  }

  void kill_for(KilledBy why) {
    if (killed_by_ == KilledBy::None) killed_by_ = why;
    ::kill(pid_, SIGKILL);
  }

  bool wait_once(int timeout_ms) {
    std::array<pollfd, 4> fds{{{pidfd_, POLLIN, 0},
                               {open_fd(out_eof_, ch_.out.read.fd), POLLIN, 0},
                               {open_fd(err_eof_, ch_.err.read.fd), POLLIN, 0},
                               {open_fd(report_eof_, ch_.report.read.fd), POLLIN, 0}}};
    int n = poll(fds.data(), fds.size(), timeout_ms);
    if (n <= 0) return false;
    read_pipes();
    return fds[0].revents != 0;
  }

  static int open_fd(bool eof, int fd) { return eof ? -1 : fd; }

  void read_pipes() {
    stdout_total_ += drain(ch_.out.read.fd, stdout_, limits_.output.value + 1, out_eof_);
    stderr_total_ += drain(ch_.err.read.fd, stderr_, kStderrWindow, err_eof_);
    report_total_ += drain(ch_.report.read.fd, report_, kMaxReport, report_eof_);
    // Output beyond the limit is cut here, by the reader, and ends the test.
    if (stdout_total_ > limits_.output.value || stderr_total_ > limits_.output.value ||
        report_total_ > kMaxReport) {
      kill_for(KilledBy::Output);
    }
  }

  // The child is gone, so every write end is closed: read to EOF.
  void drain_all() {
    while (!(out_eof_ && err_eof_ && report_eof_)) {
      std::size_t before = stdout_total_ + stderr_total_ + report_total_;
      read_pipes();
      if (stdout_total_ + stderr_total_ + report_total_ == before && !(out_eof_ && err_eof_ && report_eof_)) {
        pollfd fds[3] = {{open_fd(out_eof_, ch_.out.read.fd), POLLIN, 0},
                         {open_fd(err_eof_, ch_.err.read.fd), POLLIN, 0},
                         {open_fd(report_eof_, ch_.report.read.fd), POLLIN, 0}};
        if (poll(fds, 3, 1000) <= 0) break;  // a thread outlived exit_group? never wait forever
      }
    }
  }

  void reap(TestOutcome& out) {
    int status = 0;
    rusage ru{};
    while (wait4(pid_, &status, 0, &ru) < 0 && errno == EINTR) {}
    out.signaled = WIFSIGNALED(status);
    out.status = out.signaled ? WTERMSIG(status) : WEXITSTATUS(status);
    out.user = Micros(ru.ru_utime.tv_sec * 1'000'000 + ru.ru_utime.tv_usec);
    out.system = Micros(ru.ru_stime.tv_sec * 1'000'000 + ru.ru_stime.tv_usec);
    out.max_rss = Bytes{static_cast<std::uint64_t>(ru.ru_maxrss) * 1024};
  }

  pid_t pid_;
  int pidfd_;
  const Limits& limits_;
  Channels& ch_;
  clockid_t cpu_clock_{};
  KilledBy killed_by_ = KilledBy::None;
  std::string stdout_, stderr_, report_;
  std::size_t stdout_total_ = 0, stderr_total_ = 0, report_total_ = 0;
  bool out_eof_ = false, err_eof_ = false, report_eof_ = false;
};

// Python objects for the test, built before the fork (owned references, released after).
struct PreparedInput {
  TestInput input;
  ~PreparedInput() {
    Py_XDECREF(input.args);
    Py_XDECREF(input.kwargs);
    Py_XDECREF(input.snippet);
  }
};

std::optional<Fatal> prepare_input(const RunTest& test, PreparedInput& prepared) {
  TestInput& in = prepared.input;
  in.test = &test;
  in.args = python::to_python(test.args);
  in.kwargs = python::to_python(test.kwargs);
  if (!in.args || !in.kwargs || !PyList_Check(in.args) || !PyDict_Check(in.kwargs)) {
    return Fatal{"cannot build the test's arguments: " + python::take_error()};
  }
  if (!test.code.empty()) {
    in.snippet = Py_CompileString(test.code.c_str(), "<test>", Py_file_input);
    if (!in.snippet) return Fatal{"the test's code does not compile: " + python::take_error()};
  }
  return std::nullopt;
}

}  // namespace

sandbox::Status limit_test_cgroup(sandbox::TestCgroup& cgroup, const Limits& limits) {
  // The same headroom as RLIMIT_DATA: a test over the limit is measured, and judged MLE.
  return cgroup.set_limits(Bytes{limits.memory.value + kDataHeadroom.value}, kMaxPids);
}

Calibration calibrate(int statm_fd) {
  // A child's resident size right after fork is not the box's: fork copies page tables for
  // anonymous memory but leaves file-backed pages (the interpreter's code) to fault in again.
  // So measure it: a child that runs a few lines of Python through the interpreter loop, as
  // every test's harness does, and exits, peaks at what every test's child costs by itself.
  Calibration c;
  PyObject* warmup = Py_CompileString(
      "def f(n):\n    return sorted({str(i): [i] * 2 for i in range(n)}.items())\nf(200)\n",
      "<calibration>", Py_file_input);
  c.anonymous = read_statm(statm_fd).anonymous;
  pid_t pid = fork();
  if (pid == 0) {
    PyOS_AfterFork_Child();
    PyObject* globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    if (warmup) Py_XDECREF(PyEval_EvalCode(warmup, globals, globals));
    _exit(0);
  }
  Py_XDECREF(warmup);
  int status = 0;
  rusage ru{};
  if (pid > 0 && wait4(pid, &status, 0, &ru) == pid) {
    c.child_rss = Bytes{static_cast<std::uint64_t>(ru.ru_maxrss) * 1024};
  }
  return c;
}

std::variant<TestOutcome, Fatal> run_test(const Program& program, const RunTest& test,
                                          const BoxState& box) {
  PreparedInput prepared;
  if (auto fatal = prepare_input(test, prepared)) return *fatal;
  Channels ch;
  ch.stdin_fd = stdin_file(test.stdin_data);
  if (ch.stdin_fd.fd < 0 || !make_pipe(ch.out, true) || !make_pipe(ch.err, true) ||
      !make_pipe(ch.report, true) || !make_pipe(ch.setup_error, true)) {
    return Fatal{fmt::format("cannot create the test's channels: {}", std::strerror(errno))};
  }
  const Limits& limits = program.setup.limits;
  Statm baseline = read_statm(box.statm);
  // What a child holds before running anything: the calibrated figure, plus whatever anonymous
  // memory the box gained since (this test's decoded arguments, for instance).
  std::uint64_t grown = baseline.anonymous > box.calibration.anonymous
                            ? baseline.anonymous.value - box.calibration.anonymous.value : 0;
  Bytes child_baseline{box.calibration.child_rss.value + grown};
  sandbox::RlimitPolicy rl;
  rl.cpu = limits.time;
  rl.data = Bytes{baseline.data.value + limits.memory.value + kDataHeadroom.value};
  rl.file_size = limits.output;

  if (box.cgroup) box.cgroup->before_test();
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) return Fatal{fmt::format("fork: {}", std::strerror(errno))};
  if (pid == 0) child_main(program, prepared.input, ch, rl, box.seccomp, box.cgroup.get());

  ch.out.write.reset();
  ch.err.write.reset();
  ch.report.write.reset();
  ch.setup_error.write.reset();
  Fd pidfd(static_cast<int>(syscall(SYS_pidfd_open, pid, 0)));
  if (pidfd.fd < 0) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return Fatal{fmt::format("pidfd_open: {}", std::strerror(errno))};
  }
  TestOutcome outcome = Watch(pid, pidfd.fd, limits, ch).run(start);
  outcome.baseline = child_baseline;
  if (box.cgroup) {
    outcome.cgroup_peak = box.cgroup->peak();
    outcome.cgroup_oom = box.cgroup->oom_killed();
  }

  std::string setup_error;
  bool eof = false;
  drain(ch.setup_error.read.fd, setup_error, 4096, eof);
  if (!setup_error.empty()) return Fatal{setup_error};
  return outcome;
}

}  // namespace pyjudge::box
