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
#include <chrono>
#include <cstring>
#include <fmt/format.h>
#include <utility>

#include "box/child.hpp"
#include "protocol/files.hpp"
#include "protocol/wire.hpp"
#include "python/interpreter.hpp"
#include "sandbox/contain.hpp"

namespace pyjudge::box {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSetupErrorFd = 4;  // child -> box, closed before candidate code runs
// The child's own copy of its stdin (see child.cpp) sits at 7; everything from here closes.
constexpr int kFirstFdToClose = 8;
// The box keeps a child's channels above every number the child dup2()s them onto.
constexpr int kFirstChannelFd = 20;
constexpr std::size_t kStderrWindow = 64 * 1024;
// The reader keeps no more of the result channel than the judge will decode (a larger report is
// OLE whatever it holds): a 256 MiB flood then costs the box and the judge 16 MiB, not 256.
constexpr std::size_t kMaxReport = kMaxChildReport;
constexpr std::size_t kMaxFailure = 4096;
// Room above the memory limit for thread stacks and allocator slack: a program that exceeds the
// limit is still measured (and judged MLE) rather than stopped at the first byte over.
constexpr Bytes kDataHeadroom = mib(32);
// Processes and threads of one test, where a pids cgroup enforces it (threads are allowed).
constexpr unsigned kMaxPids = 128;

UniqueFd high(int fd) {
  if (fd < 0) return UniqueFd();
  int moved = fcntl(fd, F_DUPFD_CLOEXEC, kFirstChannelFd);
  close(fd);
  return UniqueFd(moved);
}

struct Pipe {
  UniqueFd read, write;
};

bool make_pipe(Pipe& p, bool nonblocking_read, bool nonblocking_write = false) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) return false;
  p.read = high(fds[0]);
  p.write = high(fds[1]);
  if (p.read.get() < 0 || p.write.get() < 0) return false;
  if (nonblocking_read) fcntl(p.read.get(), F_SETFL, O_NONBLOCK);
  if (nonblocking_write) fcntl(p.write.get(), F_SETFL, O_NONBLOCK);
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

// A child's descriptors, box side (its stdin is the box's read-only stdin file).
struct Channels {
  Pipe out, err, report, setup_error, control, command;
};

bool make_channels(Channels& ch) {
  return make_pipe(ch.out, true) && make_pipe(ch.err, true) &&
         make_pipe(ch.report, true) && make_pipe(ch.setup_error, true) && make_pipe(ch.control, true) &&
         make_pipe(ch.command, false, true);
}

[[noreturn]] void child_main(const Program& program, Channels& ch, int stdin_fd, int stdout_fd,
                             const sandbox::RlimitPolicy& limits, const sandbox::SeccompProgram& seccomp,
                             const sandbox::TestCgroup* cgroup) {
  PyOS_AfterFork_Child();
  const std::pair<int, int> moves[] = {
      {stdin_fd, 0},          {stdout_fd, 1},           {ch.err.write.get(), 2},
      {ch.report.write.get(), kReportFd}, {ch.setup_error.write.get(), kSetupErrorFd},
      {ch.control.write.get(), kControlFd}, {ch.command.read.get(), kCommandFd},
      {stdin_fd, 7}};
  for (auto [from, to] : moves) {
    if (dup2(from, to) < 0) _exit(126);
  }
  fcntl(0, F_SETFL, 0);
  install_forbidden_call_reporter();
  sandbox::Status s = sandbox::contain_test_child(limits, kFirstFdToClose, seccomp, getpid(), cgroup);
  if (!s) {
    std::string msg = "cannot contain the test process: " + s.describe();
    write_all(kSetupErrorFd, msg);
    _exit(126);
  }
  close(kSetupErrorFd);  // from here on only candidate-visible channels remain
  serve_tests(program);
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
      // A short read took all the pipe held: no second read just to meet EAGAIN.
      if (static_cast<std::size_t>(n) < sizeof buf) return total;
      continue;
    }
    if (n == 0) eof = true;
    if (n < 0 && errno == EINTR) continue;
    return total;
  }
}

Micros to_micros(const timeval& tv) { return Micros(tv.tv_sec * 1'000'000 + tv.tv_usec); }

}  // namespace

/// An interactive test's pipe ends, as the judge passed them: the child's stdin (from the
/// interactor) and stdout (to it).
struct Interaction {
  UniqueFd child_stdin, child_stdout;
};

// Takes the pipe ends the judge sent just before an interactive RunTest, moved above the
// numbers a child dup2()s onto.
std::optional<Interaction> receive_interaction(int socket) {
  auto fds = receive_fd_pair(socket);
  if (!fds) return std::nullopt;
  return Interaction{high(fds->first), high(fds->second)};
}

/// One child, box side: it may serve many tests (shared isolation) or one.
class WarmChild {
 public:
  WarmChild(const Program& program, BoxState& box, Interaction* interaction = nullptr)
      : program_(program), box_(box), interaction_(interaction) {}
  ~WarmChild() { retire(); }

  std::optional<Fatal> start();
  std::variant<TestOutcome, Fatal> run(const RunTestView& test, std::string_view payload);
  bool reusable() const { return alive_ && fit_; }

 private:
  Micros cpu_clock() const;
  Micros charged_cpu(Micros now) const;
  void kill_for(KilledBy why);
  bool handle_control(Clock::time_point now);
  void on_begin(Clock::time_point now);
  bool poll_once(int timeout_ms);
  void read_pipes();
  void drain_to_eof();
  void flush_command();
  std::string reap();
  void retire();
  void judge_fitness();
  TestOutcome outcome();

  bool interactor_left() const;

  const Program& program_;
  BoxState& box_;
  Interaction* interaction_;  ///< an interactive test's pipes, else null
  Channels ch_;
  pid_t pid_ = -1;
  UniqueFd pidfd_;
  clockid_t cpu_clock_id_{};
  bool alive_ = false, fit_ = true, set_up_ = false;
  Clock::time_point forked_at_;
  Bytes usage_at_fork_, usage_after_setup_, child_baseline_;
  Micros setup_cpu_{0};
  Bytes setup_memory_;
  rusage final_usage_{};
  rlim_t cpu_rlimit_ = 0;
  int final_status_ = 0;

  // The current test.
  struct Current {
    bool first = false;     ///< the child's first test: the set-up is charged to it
    bool began = false, ended = false, exited = false, failed = false;
    bool peak_reset = false;  ///< the cgroup's peak restarted at Begin: the test is measured from there
    Clock::time_point wall_start;
    Micros cpu_set_up{0}, cpu_begin{0};
    Micros cpu_at_kill{0};  ///< the charged CPU that decided a CPU-limit kill
    Bytes usage_begin;
    KilledBy killed_by = KilledBy::None;
    std::string command;  ///< the frame still to write to the child
    std::size_t command_sent = 0;
    std::string stdout_data, stderr_data, report, failure;
    std::size_t stdout_total = 0, stderr_total = 0, report_total = 0;
    bool out_eof = false, err_eof = false, report_eof = false, control_eof = false;
  } t_;
};

std::optional<Fatal> WarmChild::start() {
  if (!make_channels(ch_)) return Fatal{fmt::format("cannot create the test's channels: {}", std::strerror(errno))};
  const Limits& limits = program_.setup.limits;
  Statm baseline = read_statm(box_.statm.get());
  // Without a cgroup, a child's memory is its rusage peak net of what a child holds before
  // running anything: the calibrated figure, plus what the box gained since.
  std::uint64_t grown = baseline.anonymous > box_.calibration.anonymous
                            ? baseline.anonymous.value - box_.calibration.anonymous.value : 0;
  child_baseline_ = Bytes{box_.calibration.child_rss.value + grown};
  sandbox::RlimitPolicy rl;
  rl.cpu = limits.time;
  rl.data = Bytes{baseline.data.value + limits.memory.value + kDataHeadroom.value};
  rl.file_size = limits.output;
  if (box_.cgroup) {
    box_.cgroup->before_test();
    usage_at_fork_ = box_.cgroup->current();
  }
  forked_at_ = Clock::now();
  pid_ = fork();
  if (pid_ < 0) return Fatal{fmt::format("fork: {}", std::strerror(errno))};
  if (pid_ == 0) {
    child_main(program_, ch_, interaction_ ? interaction_->child_stdin.get() : box_.stdin_read.get(),
               interaction_ ? interaction_->child_stdout.get() : ch_.out.write.get(), rl, box_.seccomp, box_.cgroup.get());
  }
  alive_ = true;
  // The box keeps its copies of both pipe ends while the child lives: the stdin end to see when
  // the interactor has left, the stdout end so that the interactor cannot see the child's end
  // (EOF) before the box has looked (see run()): who ended first is then not a race.
  for (Pipe* p : {&ch_.out, &ch_.err, &ch_.report, &ch_.setup_error, &ch_.control}) p->write.reset();
  ch_.command.read.reset();
  pidfd_ = UniqueFd(static_cast<int>(syscall(SYS_pidfd_open, pid_, 0)));
  if (pidfd_.get() < 0) return Fatal{fmt::format("pidfd_open: {}", std::strerror(errno))};
  clock_getcpuclockid(pid_, &cpu_clock_id_);
  return std::nullopt;
}

Micros WarmChild::cpu_clock() const {
  timespec ts{};
  if (clock_gettime(cpu_clock_id_, &ts) < 0) return Micros(0);
  return std::chrono::duration_cast<Micros>(std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec));
}

// The test's CPU: from Go to now; the child's first test also carries the set-up (fork to
// SetUp). Decoding the input (SetUp or End to Begin) is the harness's, not the candidate's.
Micros WarmChild::charged_cpu(Micros now) const {
  if (t_.first) return t_.began ? now - (t_.cpu_begin - t_.cpu_set_up) : now;
  return t_.began ? now - t_.cpu_begin : Micros(0);
}

void WarmChild::kill_for(KilledBy why) {
  if (t_.killed_by == KilledBy::None) t_.killed_by = why;
  ::kill(pid_, SIGKILL);
}

void WarmChild::on_begin(Clock::time_point now) {
  t_.began = true;
  t_.cpu_begin = cpu_clock();
  // The child waits for Go with the test's input built: nothing of the test has run, so the peak
  // restarts from here, for a child's first test too (its set-up, measured at SetUp, is added to
  // it; decoding the input is the harness's, in either isolation mode).
  if (box_.cgroup && (!t_.first || box_.cgroup->peak_resettable())) {
    box_.cgroup->reset_peak();
    t_.usage_begin = box_.cgroup->current();
    t_.peak_reset = true;
  }
  if (!t_.first) {
    t_.wall_start = now;
    // RLIMIT_CPU counts the child's whole life: the backstop moves on with the tests (whole
    // seconds, so it changes only now and then).
    auto soft = static_cast<rlim_t>((std::chrono::duration_cast<Millis>(t_.cpu_begin) +
                                     program_.setup.limits.time).count() / 1000 + 2);
    if (soft != cpu_rlimit_) {
      rlimit lim{soft, soft + 1};
      prlimit(pid_, RLIMIT_CPU, &lim, nullptr);
      cpu_rlimit_ = soft;
    }
  }
  char go = kMarkerGo;
  t_.command.push_back(go);
  flush_command();
}

// Reads markers; returns false when the control channel is closed.
bool WarmChild::handle_control(Clock::time_point now) {
  char buf[256];
  for (;;) {
    ssize_t n = read(ch_.control.read.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) t_.control_eof = true;
    if (n <= 0) return !t_.control_eof;
    bool drained = static_cast<std::size_t>(n) < sizeof buf;
    for (ssize_t i = 0; i < n; ++i) {
      char m = buf[i];
      if (t_.failed) {
        if (t_.failure.size() < kMaxFailure) t_.failure.push_back(m);
      } else if (m == kMarkerSetUp && !set_up_) {
        set_up_ = true;
        t_.cpu_set_up = setup_cpu_ = cpu_clock();
        if (box_.cgroup) {
          Bytes peak = box_.cgroup->peak();
          setup_memory_ = Bytes{peak > usage_at_fork_ ? peak.value - usage_at_fork_.value : 0};
          usage_after_setup_ = box_.cgroup->current();
        }
      } else if (m == kMarkerBegin && !t_.began && set_up_) {
        on_begin(now);
      } else if ((m == kMarkerEnd || m == kMarkerEndUnfit) && t_.began && !t_.ended) {
        t_.ended = true;
        if (m == kMarkerEndUnfit) fit_ = false;
      } else if (m == kMarkerFailed) {
        t_.failed = true;
      }
    }
    if (drained) return true;
  }
}

void WarmChild::flush_command() {
  while (t_.command_sent < t_.command.size()) {
    ssize_t n = write(ch_.command.write.get(), t_.command.data() + t_.command_sent, t_.command.size() - t_.command_sent);
    if (n > 0) {
      t_.command_sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return;  // full (EAGAIN), or the child is gone (EPIPE): its exit tells the rest
    }
  }
}

void WarmChild::read_pipes() {
  const Limits& limits = program_.setup.limits;
  t_.stdout_total += drain(ch_.out.read.get(), t_.stdout_data, limits.output.value + 1, t_.out_eof);
  t_.stderr_total += drain(ch_.err.read.get(), t_.stderr_data, kStderrWindow, t_.err_eof);
  t_.report_total += drain(ch_.report.read.get(), t_.report, kMaxReport, t_.report_eof);
  // Output beyond the limit is cut here, by the reader, and ends the test.
  if (t_.stdout_total > limits.output.value || t_.stderr_total > limits.output.value ||
      t_.report_total > kMaxReport) {
    kill_for(KilledBy::Output);
  }
}

// Whether every writer of the child's stdin is gone: the interactor has ended (or closed its
// output) before the child was seen to end.
bool WarmChild::interactor_left() const {
  if (!interaction_) return false;
  pollfd p{interaction_->child_stdin.get(), POLLIN, 0};
  return poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}

bool WarmChild::poll_once(int timeout_ms) {
  auto open_fd = [](bool eof, int fd) { return eof ? -1 : fd; };
  bool writing = t_.command_sent < t_.command.size();
  std::array<pollfd, 6> fds{{{pidfd_.get(), POLLIN, 0},
                             {open_fd(t_.out_eof, ch_.out.read.get()), POLLIN, 0},
                             {open_fd(t_.err_eof, ch_.err.read.get()), POLLIN, 0},
                             {open_fd(t_.report_eof, ch_.report.read.get()), POLLIN, 0},
                             {open_fd(t_.control_eof, ch_.control.read.get()), POLLIN, 0},
                             {writing ? ch_.command.write.get() : -1, POLLOUT, 0}}};
  int n = poll(fds.data(), fds.size(), timeout_ms);
  if (n <= 0) return false;
  if (fds[5].revents) flush_command();
  if (fds[1].revents || fds[2].revents || fds[3].revents) read_pipes();
  if (fds[4].revents) handle_control(Clock::now());
  return fds[0].revents != 0;
}

// The child is gone, so every write end is closed: read to EOF.
void WarmChild::drain_to_eof() {
  while (!(t_.out_eof && t_.err_eof && t_.report_eof)) {
    std::size_t before = t_.stdout_total + t_.stderr_total + t_.report_total;
    read_pipes();
    if (t_.stdout_total + t_.stderr_total + t_.report_total == before && !(t_.out_eof && t_.err_eof && t_.report_eof)) {
      pollfd fds[3] = {{t_.out_eof ? -1 : ch_.out.read.get(), POLLIN, 0},
                       {t_.err_eof ? -1 : ch_.err.read.get(), POLLIN, 0},
                       {t_.report_eof ? -1 : ch_.report.read.get(), POLLIN, 0}};
      if (poll(fds, 3, 1000) <= 0) break;  // a thread outlived exit_group? never wait forever
    }
  }
  handle_control(Clock::now());
}

// Waits for the (exited or killed) child; returns what it wrote on the set-up error channel.
std::string WarmChild::reap() {
  int status = 0;
  while (wait4(pid_, &status, 0, &final_usage_) < 0 && errno == EINTR) {}
  final_status_ = status;
  alive_ = false;
  std::string setup_error;
  bool eof = false;
  drain(ch_.setup_error.read.get(), setup_error, 4096, eof);
  return setup_error;
}

void WarmChild::retire() {
  if (!alive_) return;
  ::kill(pid_, SIGKILL);
  reap();
}

// Whether the child may serve another test: it said so (no timers, handlers, open files or
// cwd left behind), no thread of the test is still running, and it did not keep a large part
// of the memory limit (a later test would start with less than its limit).
void WarmChild::judge_fitness() {
  if (!fit_ || !alive_ || box_.isolation != Isolation::Shared || !box_.cgroup) {
    fit_ = false;
    return;
  }
  if (box_.cgroup->threads() > 1) fit_ = false;
  Bytes now = box_.cgroup->current();
  if (now.value > usage_after_setup_.value + program_.setup.limits.memory.value / 4) fit_ = false;
}

TestOutcome WarmChild::outcome() {
  TestOutcome out;
  out.killed_by = t_.killed_by;
  out.stdout_data = std::move(t_.stdout_data);
  out.stderr_data = std::move(t_.stderr_data);
  out.stderr_truncated = t_.stderr_total > kStderrWindow;
  out.report = std::move(t_.report);
  out.report_truncated = t_.report_total > kMaxReport;
  out.first_in_child = t_.first;
  out.ran_setup = t_.first && set_up_ && program_.setup.mode != Mode::Stdio;
  if (out.ran_setup) {
    out.setup_cpu = setup_cpu_;
    out.setup_memory = setup_memory_;
  }
  return out;
}

std::variant<TestOutcome, Fatal> WarmChild::run(const RunTestView& test, std::string_view payload) {
  t_ = Current{};
  t_.first = !set_up_;
  t_.wall_start = t_.first ? forked_at_ : Clock::now();
  // This test's stdin, in place before the child reads its command.
  if (!interaction_ && (!test.stdin_data.empty() || box_.stdin_size != 0)) {
    if (ftruncate(box_.stdin_write.get(), 0) < 0 || pwrite(box_.stdin_write.get(), test.stdin_data.data(), test.stdin_data.size(), 0) !=
                                                 static_cast<ssize_t>(test.stdin_data.size())) {
      return Fatal{fmt::format("cannot write the test's stdin: {}", std::strerror(errno))};
    }
    box_.stdin_size = test.stdin_data.size();
  }
  // The child reads its stdin from the file, never from the command: a 36 MB input is not
  // copied into (and charged to) the child's memory.
  if (test.stdin_data.empty()) {
    t_.command = encode_frame(static_cast<std::uint8_t>(MessageType::RunTest), payload);
  } else {
    RunTestView without_stdin = test;
    without_stdin.stdin_data = {};
    t_.command = encode_frame(static_cast<std::uint8_t>(MessageType::RunTest), encode(without_stdin));
  }
  flush_command();
  const Limits& limits = program_.setup.limits;
  Micros last_cpu{0};
  auto next_cpu_check = Clock::now() + Millis(1);
  while (!t_.ended && !t_.exited && !t_.failed) {
    auto now = Clock::now();
    auto deadline = t_.wall_start + limits.wall;
    if (now >= deadline) kill_for(KilledBy::WallClock);
    // The child's CPU clock is a system call: read it when the budget could have run out since
    // the last reading (CPU time grows at most as fast as wall time, per thread), not on every
    // marker of a short test.
    Micros cpu = last_cpu;
    if (now >= next_cpu_check) {
      cpu = last_cpu = charged_cpu(cpu_clock());
      if (cpu > limits.time) {
        t_.cpu_at_kill = cpu;
        kill_for(KilledBy::CpuTime);
      }
      next_cpu_check = now + Millis(1);
    }
    // Wake at the wall deadline, or when the CPU budget could next run out.
    auto cpu_left = std::max(Millis(2), std::min(Millis(50), std::chrono::duration_cast<Millis>(limits.time - cpu) + Millis(1)));
    auto wall_left = std::chrono::duration_cast<Millis>(deadline - now) + Millis(1);
    int timeout = static_cast<int>(std::max(Millis(1), std::min(cpu_left, wall_left)).count());
    t_.exited = poll_once(timeout);
  }
  auto end = Clock::now();
  Micros cpu_end = t_.exited ? Micros(0) : cpu_clock();
  bool interactor_first = interactor_left();
  TestOutcome out;
  if (t_.failed || t_.exited) {
    kill(pid_, SIGKILL);  // a harness failure: nothing more from this child
    drain_to_eof();
    // Its CPU clock before wait4 reaps it: a zombie's clock reads its final total, on the clock
    // the CPU limit was enforced on (rusage, the kernel's other account, is the fallback).
    cpu_end = cpu_clock();
    std::string setup_error = reap();
    if (!setup_error.empty()) return Fatal{setup_error};
    if (t_.failed) return Fatal{"the test's child failed: " + t_.failure};
    out = outcome();
    out.signaled = WIFSIGNALED(final_status_);
    out.status = out.signaled ? WTERMSIG(final_status_) : WEXITSTATUS(final_status_);
    if (cpu_end == Micros(0)) cpu_end = to_micros(final_usage_.ru_utime) + to_micros(final_usage_.ru_stime);
  } else {
    read_pipes();  // everything the test wrote is in the pipes before its End marker
    out = outcome();
    judge_fitness();
  }
  if (interaction_) {
    out.interactor_left_first = interactor_first;
    interaction_->child_stdout.reset();  // looked: the interactor may see the end now
    fit_ = false;  // its stdio is this interaction's: the child ends with the test
  }
  out.wall = std::chrono::duration_cast<Micros>(end - t_.wall_start);
  // The figure comes from the clock the kill was decided on, and is never under the reading
  // that decided it: a TLE shows a time over its limit.
  out.user = std::max(charged_cpu(cpu_end), t_.cpu_at_kill);
  if (box_.cgroup) {
    Bytes peak = box_.cgroup->peak();
    Bytes base = t_.peak_reset ? t_.usage_begin : usage_at_fork_;
    out.cgroup_peak = Bytes{peak > base ? peak.value - base.value : 0};
    if (t_.peak_reset && out.ran_setup && peak.value > 0) out.cgroup_peak = Bytes{out.cgroup_peak.value + setup_memory_.value};
    // The OOM killer ends the child, so only a test whose child died can have met it.
    out.cgroup_oom = t_.exited && box_.cgroup->oom_killed();
  }
  if (!reusable()) {
    retire();
    if (box_.isolation == Isolation::Process) {  // one test per child: its rusage is the test's
      out.max_rss = Bytes{static_cast<std::uint64_t>(final_usage_.ru_maxrss) * 1024};
      out.baseline = child_baseline_;
    }
  }
  return out;
}

BoxState::BoxState() = default;

bool open_stdin_file(BoxState& box) {
  box.stdin_write = high(memfd_create("stdin", MFD_CLOEXEC));
  if (!box.stdin_write) return false;
  // Read-only: a test cannot rewrite (or truncate) its input; only the box writes it.
  std::string self = "/proc/self/fd/" + std::to_string(box.stdin_write.get());
  box.stdin_read = high(open(self.c_str(), O_RDONLY | O_CLOEXEC));
  return static_cast<bool>(box.stdin_read);
}
BoxState::~BoxState() = default;

sandbox::Status limit_test_cgroup(sandbox::TestCgroup& cgroup, const Limits& limits) {
  // The same headroom as RLIMIT_DATA: a test over the limit is measured, and judged MLE.
  return cgroup.set_limits(Bytes{limits.memory.value + kDataHeadroom.value}, kMaxPids);
}

bool can_share_child(sandbox::TestCgroup* cgroup) {
  if (!cgroup) return false;
  cgroup->before_test();
  return cgroup->peak_resettable() && cgroup->threads_countable();
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

std::variant<TestOutcome, Fatal> run_test(const Program& program, const RunTestView& test,
                                          std::string_view payload, BoxState& box) {
  if (test.interactive) {
    // Its own child, with the interactor's pipes as stdio; ended (and so EOF to the
    // interactor) before the outcome goes back.
    box.child.reset();
    std::optional<Interaction> pipes = box.interaction ? receive_interaction(box.interaction.get()) : std::nullopt;
    if (!pipes || pipes->child_stdin.get() < 0 || pipes->child_stdout.get() < 0) {
      return Fatal{"an interactive test came without its pipes from the judge"};
    }
    WarmChild child(program, box, &*pipes);
    if (auto fatal = child.start()) return *fatal;
    return child.run(test, payload);
  }
  if (test.fresh || (box.child && !box.child->reusable())) box.child.reset();
  if (!box.child) {
    auto child = std::make_unique<WarmChild>(program, box);
    if (auto fatal = child->start()) return *fatal;
    box.child = std::move(child);
  }
  auto result = box.child->run(test, payload);
  if (!box.child->reusable()) box.child.reset();
  return result;
}

}  // namespace pyjudge::box
