#include "batch/pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

// Boost 1.81's Process v2 needs these before its headers (see judge/box_runner.cpp).
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/process/v2/environment.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>
#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <set>
#include <string>

#include "batch/grade.hpp"
#include "judge/cache.hpp"
#include "judge/runner.hpp"
#include "protocol/wire.hpp"

namespace bp = boost::process::v2;

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

// The file's path travels as hex: its bytes need not be UTF-8, and JSON strings must be.
std::string to_hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

nlohmann::json job_line(const Submission& s) {
  return {{"candidate", s.candidate}, {"problem", s.problem}, {"file_hex", to_hex(s.file.string())}};
}

// A worker's answer, typed: anything but a record for the job it was given is an error record.
Record from_worker(const Submission& s, const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  try {
    if (j.is_discarded()) throw std::invalid_argument("not JSON");
    Record r = record_from_json(j);
    if (r.key() != s.key()) throw std::invalid_argument("a record for " + r.key());
    return r;
  } catch (const std::invalid_argument& e) {
    return error_record(s, std::string("the worker sent a malformed record: ") + e.what());
  }
}

struct Worker {
  std::optional<bp::process> process;
  int to = -1, from = -1;  // its stdin (we write jobs), its stdout (we read records)
  std::string buffer;
  std::optional<std::size_t> job;  // index into todo
  std::chrono::steady_clock::time_point deadline;  // of the job it holds
  std::set<std::string> prepared;  // problems whose tests this worker has already prepared

  void close_fds() {
    if (to >= 0) ::close(to);
    if (from >= 0) ::close(from);
    to = from = -1;
  }
};

}  // namespace

struct WorkerPool::Impl {
  boost::asio::io_context ctx;
  fs::path problems_dir;
  std::vector<std::string> required;
  std::optional<fs::path> cache_dir;
  double complexity_budget_s = 0;
  std::vector<Worker> workers;

  void spawn(Worker& w) {
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0) {
      throw std::runtime_error(fmt::format("pipe2: {}", std::strerror(errno)));
    }
    fs::path self = fs::read_symlink("/proc/self/exe");
    std::vector<std::string> args{"worker", "--problems", problems_dir.string()};
    for (const auto& layer : required) args.insert(args.end(), {"--require", layer});
    if (cache_dir) args.insert(args.end(), {"--cache", cache_dir->string()});
    else args.push_back("--no-cache");
    if (complexity_budget_s > 0) args.insert(args.end(), {"--complexity-budget", fmt::format("{}", complexity_budget_s)});
    w.process.emplace(ctx, self, args,
                      bp::process_stdio{in[0], out[1], STDERR_FILENO});
    ::close(in[0]);
    ::close(out[1]);
    w.to = in[1];
    w.from = out[0];
    w.buffer.clear();
    w.job.reset();
    w.prepared.clear();
  }

  void stop(Worker& w) {
    w.close_fds();  // EOF on its stdin: the worker finishes and exits
    if (w.process) {
      boost::system::error_code ec;
      w.process->wait(ec);
      w.process.reset();
    }
  }
};

WorkerPool::WorkerPool(unsigned workers, fs::path problems_dir, std::vector<std::string> required_layers,
                       std::optional<fs::path> cache_dir, double complexity_budget_s)
    : impl_(std::make_unique<Impl>()) {
  impl_->required = std::move(required_layers);
  impl_->complexity_budget_s = complexity_budget_s;
  impl_->cache_dir = std::move(cache_dir);
  signal(SIGPIPE, SIG_IGN);  // a dead worker's pipe is detected by the write's error instead
  impl_->problems_dir = std::move(problems_dir);
  impl_->workers.resize(std::max(1u, workers));
}

WorkerPool::~WorkerPool() {
  for (auto& w : impl_->workers) impl_->stop(w);
}

void WorkerPool::run(const std::vector<Submission>& todo,
                     const std::function<void(const Submission&, Record)>& done) {
  // Preparing a problem's tests (generators, the reference's run) is a worker's biggest fixed
  // cost, so a free worker takes a submission for a problem it has prepared, else one for a
  // problem no worker has touched, else the next one.
  std::vector<bool> taken(todo.size(), false);
  std::map<std::string, std::chrono::milliseconds> deadlines;
  auto deadline_of = [&](const std::string& problem) {
    auto it = deadlines.find(problem);
    if (it == deadlines.end()) {
      // A complexity analysis adds its CPU budget, four times over as wall time on a loaded host.
      auto analysis = std::chrono::milliseconds(static_cast<std::int64_t>(impl_->complexity_budget_s * 4000));
      it = deadlines.emplace(problem, submission_deadline(impl_->problems_dir / problem) + analysis).first;
    }
    return it->second;
  };
  std::size_t given = 0, finished = 0;
  auto pick = [&](const Worker& w) -> std::optional<std::size_t> {
    std::optional<std::size_t> untouched, first;
    for (std::size_t i = 0; i < todo.size(); ++i) {
      if (taken[i]) continue;
      if (!first) first = i;
      if (w.prepared.count(todo[i].problem)) return i;
      if (!untouched && std::none_of(impl_->workers.begin(), impl_->workers.end(), [&](const Worker& o) {
            return o.prepared.count(todo[i].problem) > 0;
          })) {
        untouched = i;
      }
    }
    return untouched ? untouched : first;
  };
  auto give = [&](Worker& w) {
    while (given < todo.size()) {
      if (!w.process) impl_->spawn(w);
      std::size_t next = *pick(w);
      std::string line = job_line(todo[next]).dump() + "\n";
      if (::write(w.to, line.data(), line.size()) == static_cast<ssize_t>(line.size())) {
        taken[next] = true;
        ++given;
        w.job = next;
        w.deadline = std::chrono::steady_clock::now() + deadline_of(todo[next].problem);
        w.prepared.insert(todo[next].problem);
        return;
      }
      impl_->stop(w);  // could not even take a job: replace it
    }
  };
  for (auto& w : impl_->workers) give(w);
  while (finished < todo.size()) {
    std::vector<pollfd> fds;
    std::vector<Worker*> owners;
    for (auto& w : impl_->workers) {
      if (w.job) {
        fds.push_back({w.from, POLLIN, 0});
        owners.push_back(&w);
      }
    }
    if (fds.empty()) break;
    auto now = std::chrono::steady_clock::now();
    auto first_deadline = std::min_element(owners.begin(), owners.end(), [](auto* a, auto* b) { return a->deadline < b->deadline; });
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>((*first_deadline)->deadline - now);
    int ready = poll(fds.data(), fds.size(), static_cast<int>(std::clamp<std::int64_t>(wait.count() + 1, 0, 60'000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(fmt::format("poll: {}", std::strerror(errno)));
    }
    // A worker past its submission's deadline (a judge stalled by what a submission sent, a hung
    // read) is killed: the submission gets an IE record naming the cause, the batch goes on.
    bool killed = false;
    for (Worker* w : owners) {
      if (std::chrono::steady_clock::now() < w->deadline || !w->job) continue;
      killed = true;
      const Submission& s = todo[*w->job];
      auto limit = std::chrono::duration_cast<std::chrono::seconds>(deadline_of(s.problem)).count();
      w->job.reset();
      boost::system::error_code ec;
      if (w->process) w->process->terminate(ec);
      impl_->stop(*w);
      ++finished;
      done(s, error_record(s, fmt::format("the judging worker passed this submission's deadline ({} s, from the "
                                          "problem's limits) and was killed",
                                          limit)));
      give(*w);
    }
    if (killed || ready == 0) continue;  // descriptors may have been reused: poll again
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (!fds[i].revents) continue;
      Worker& w = *owners[i];
      char buf[65536];
      ssize_t n = ::read(w.from, buf, sizeof buf);
      if (n > 0) {
        w.buffer.append(buf, static_cast<std::size_t>(n));
        std::size_t nl = w.buffer.find('\n');
        if (nl == std::string::npos) continue;
        const Submission& s = todo[*w.job];
        Record record = from_worker(s, w.buffer.substr(0, nl));
        w.buffer.erase(0, nl + 1);
        w.job.reset();
        ++finished;
        done(s, std::move(record));
        give(w);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      // EOF or error: the worker died holding this job.
      const Submission& s = todo[*w.job];
      w.job.reset();
      impl_->stop(w);
      ++finished;
      done(s, error_record(s, "the judging worker died while judging this submission"));
      give(w);
    }
  }
}

int worker_main(const fs::path& problems_dir, const std::vector<std::string>& required_layers,
                const std::optional<fs::path>& cache_dir, double complexity_budget_s) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // the batch was killed: stop judging
  if (getppid() == 1) return 1;
  // Records leave on a private descriptor: the worker's stdout is also sys.stdout of a problem's
  // checker.py and generators, and a leftover print() there must not forge or shift a record.
  int records = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (records < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  // Workers share the on-disk cache: the first to prepare a problem stores it, the others read
  // it (two preparing at once both store whole entries; see TestCache).
  std::optional<TestCache> cache;
  if (cache_dir) cache.emplace(*cache_dir);
  ProblemCache problems(problems_dir, [] { return std::make_unique<BoxRunner>(); }, cache ? &*cache : nullptr);
  JudgeOptions options;
  options.required_layers = required_layers;
  std::string line;
  while (std::getline(std::cin, line)) {
    nlohmann::json job = nlohmann::json::parse(line, nullptr, false);
    if (!job.is_object()) return 2;
    Submission s{job.value("candidate", ""), job.value("problem", ""), from_hex(job.value("file_hex", ""))};
    if (!write_all(records, record_line(grade(s, problems, options, complexity_budget_s)))) return 1;
  }
  return 0;
}

}  // namespace pyjudge::batch
