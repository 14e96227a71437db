#include "judge/author_worker.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>

#include "judge/python_host.hpp"
#include "protocol/wire.hpp"

extern char** environ;

namespace pyjudge::host {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

enum Frames : std::uint8_t { kGenerate = 1, kCheck = 2, kAnswer = 3, kFailed = 4 };

// A generated test can be large (a list of 10^6 numbers); far past this it is a runaway.
constexpr std::size_t kMaxAnswer = std::size_t{512} << 20;

std::string seconds(milliseconds ms) { return fmt::format("{:g} s", static_cast<double>(ms.count()) / 1000); }

std::string memory_text(Bytes b) { return fmt::format("{:g} MiB", b.mib()); }

fs::path worker_executable() {
  if (const char* given = std::getenv("PYJUDGE_AUTHOR_BINARY"); given && *given) return given;
  std::error_code ec;
  auto self = fs::read_symlink("/proc/self/exe", ec);
  auto worker = self.parent_path() / "pyjudge-author";
  if (ec || !fs::exists(worker)) throw std::runtime_error("cannot find pyjudge-author next to " + self.string());
  return worker;
}

// Why a call ended without an answer, in the author's terms.
struct CallFailure {
  std::string what;
};

// The parent's side: one worker process, started on first use and after a call that killed it.
// Calls are serialised: a judge checks tests on one thread, prepares generated ones on another.
class Worker {
 public:
  ~Worker() { stop(); }

  Frame call(std::uint8_t type, const std::string& payload, milliseconds budget, const AuthorBudget& all) {
    if (pid_ >= 0 && memory_ != all.memory) stop();  // another problem's memory budget: a fresh worker
    if (pid_ < 0) start(all);
    if (!write_frame(to_, type, payload)) {
      stop();
      throw CallFailure{"the author worker could not take the call (it exited)"};
    }
    auto deadline = std::chrono::steady_clock::now() + budget + milliseconds(500);
    for (;;) {
      auto left = std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        stop();
        throw CallFailure{fmt::format("stopped after {}: over its time budget ({} a call)", seconds(budget), seconds(budget))};
      }
      pollfd p{from_, POLLIN, 0};
      int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno == EINTR) continue;
      if (ready > 0) break;
    }
    try {
      if (auto frame = read_frame(from_, kMaxAnswer + 64)) return std::move(*frame);
    } catch (const ProtocolError& e) {
      stop();
      throw CallFailure{fmt::format("its answer is malformed or larger than {} MiB ({})", kMaxAnswer >> 20, e.what())};
    }
    int status = stop();
    throw CallFailure{died(status, budget, all.memory)};
  }

 private:
  void start(const AuthorBudget& all) {
    int request[2], answer[2];
    if (pipe2(request, O_CLOEXEC) < 0) throw std::runtime_error(fmt::format("pipe2: {}", std::strerror(errno)));
    if (pipe2(answer, O_CLOEXEC) < 0) {
      ::close(request[0]);
      ::close(request[1]);
      throw std::runtime_error(fmt::format("pipe2: {}", std::strerror(errno)));
    }
    std::string exe = worker_executable().string(), memory = std::to_string(all.memory.value);
    char* argv[] = {exe.data(), memory.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, request[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, answer[1], STDOUT_FILENO);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(request[0]);
    ::close(answer[1]);
    if (rc != 0) {
      ::close(request[1]);
      ::close(answer[0]);
      throw std::runtime_error(fmt::format("cannot start {}: {}", exe, std::strerror(rc)));
    }
    pid_ = pid;
    memory_ = all.memory;
    to_ = request[1];
    from_ = answer[0];
  }

  // Kills and reaps the worker; its wait status (-1 if none was running).
  int stop() {
    if (pid_ < 0) return -1;
    ::close(to_);
    ::close(from_);
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = to_ = from_ = -1;
    return status;
  }

  // The worker died during a call: it hit a limit, or the author's code crashed it.
  static std::string died(int status, milliseconds budget, Bytes memory) {
    if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)) {
      return fmt::format("stopped: over its CPU time budget ({} a call)", seconds(budget));
    }
    if (WIFSIGNALED(status)) {
      return fmt::format("the author worker died of signal {} (its memory budget is {})", WTERMSIG(status),
                         memory_text(memory));
    }
    return fmt::format("the author worker exited with status {} (its memory budget is {})",
                       WIFEXITED(status) ? WEXITSTATUS(status) : -1, memory_text(memory));
  }

  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  Bytes memory_;
};

std::mutex g_worker_mutex;

Worker& worker() {
  static auto& w = *new Worker;  // never destroyed: the worker dies with this process (EOF)
  return w;
}

template <typename Decode>
auto call(std::uint8_t type, const std::string& payload, const AuthorBudget& budget, milliseconds AuthorBudget::*which,
          const fs::path& file, const std::string& what, Decode decode) {
  std::lock_guard lock(g_worker_mutex);
  try {
    Frame frame = worker().call(type, payload, budget.*which, budget);
    Reader r(frame.payload);
    if (frame.type == kFailed) {
      std::string message = r.bytes(64 << 10, "author error");
      // The author's error names the file already: say it once.
      if (message.starts_with(file.string() + ": ")) message.erase(0, file.string().size() + 2);
      if (message.starts_with("MemoryError")) {
        // After the exception's line, before the traceback's.
        message.insert(std::min(message.find('\n'), message.size()),
                       fmt::format(" (the memory budget is {})", memory_text(budget.memory)));
      }
      throw std::runtime_error(what + ": " + message);
    }
    if (frame.type != kAnswer) throw std::runtime_error(what + ": the author worker sent an unknown answer");
    auto out = decode(r);
    r.expect_done();
    return out;
  } catch (const CallFailure& f) {
    throw std::runtime_error(what + ": " + f.what);
  } catch (const ProtocolError& e) {
    throw std::runtime_error(what + ": the author worker's answer is malformed: " + e.what());
  }
}

// ---- the worker's side ----

// Each call may use `budget` more CPU seconds than the worker has used so far: SIGXCPU past it.
void limit_cpu(std::uint64_t budget_ms) {
  rusage used{};
  getrusage(RUSAGE_SELF, &used);
  rlim_t so_far = static_cast<rlim_t>(used.ru_utime.tv_sec + used.ru_stime.tv_sec);
  rlim_t allowed = so_far + static_cast<rlim_t>((budget_ms + 999) / 1000) + 1;
  rlimit cpu{allowed, allowed + 1};
  setrlimit(RLIMIT_CPU, &cpu);
}

std::string serve(const Frame& request, std::uint8_t& type) {
  Reader r(request.payload);
  fs::path file = r.bytes();
  limit_cpu(r.u64());
  Writer w;
  if (request.type == kGenerate) {
    std::int64_t seed = r.i64(), size = r.i64(), index = r.i64();
    r.expect_done();
    encode(generate_here(file, seed, size, static_cast<int>(index)), w);
  } else if (request.type == kCheck) {
    Value args = decode_value(r), expected = decode_value(r), got = decode_value(r);
    r.expect_done();
    CheckerVerdict v = check_here(file, args, expected, got);
    w.u8(v.accepted);
    w.bytes(v.message);
  } else {
    throw ProtocolError("unknown request");
  }
  type = kAnswer;
  return w.take();
}

}  // namespace

Value generate_in_worker(const fs::path& file, std::int64_t seed, std::int64_t size, int index,
                         const AuthorBudget& budget) {
  Writer w;
  w.bytes(file.string());
  w.u64(static_cast<std::uint64_t>(budget.generator.count()));
  w.i64(seed);
  w.i64(size);
  w.i64(index);
  return call(kGenerate, w.take(), budget, &AuthorBudget::generator, file, fmt::format("{}: generate(rng, size={})", file.string(), size),
              [](Reader& r) { return decode_value(r); });
}

CheckerVerdict check_in_worker(const fs::path& file, const Value& args, const Value& expected, const Value& got,
                               const AuthorBudget& budget) {
  Writer w;
  w.bytes(file.string());
  w.u64(static_cast<std::uint64_t>(budget.checker.count()));
  encode(args, w);
  encode(expected, w);
  encode(got, w);
  return call(kCheck, w.take(), budget, &AuthorBudget::checker, file, file.string() + ": check(args, expected, got)", [](Reader& r) {
    CheckerVerdict v;
    v.accepted = r.u8() != 0;
    v.message = r.bytes(64 << 10, "checker message");
    return v;
  });
}

int author_worker_main(int argc, char** argv) {
  // Answers leave on a private descriptor: the author's print() goes to stderr, and can neither
  // forge nor shift an answer.
  int answers = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (answers < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  if (argc > 1) {
    rlim_t memory = std::strtoull(argv[1], nullptr, 10);
    rlimit as{memory, memory};
    if (memory > 0 && setrlimit(RLIMIT_AS, &as) < 0) return 1;
  }
  for (;;) {
    std::optional<Frame> request;
    try {
      request = read_frame(STDIN_FILENO, kMaxAnswer + 64);
    } catch (const ProtocolError&) {
      return 2;
    }
    if (!request) return 0;
    std::uint8_t type = kFailed;
    std::string answer;
    try {
      answer = serve(*request, type);
    } catch (const std::bad_alloc&) {
      Writer w;
      w.bytes("MemoryError: out of memory");
      answer = w.take();
      type = kFailed;
    } catch (const std::exception& e) {
      Writer w;
      w.bytes(e.what());
      answer = w.take();
      type = kFailed;
    }
    if (!write_frame(answers, type, answer)) return 1;
  }
}

}  // namespace pyjudge::host
