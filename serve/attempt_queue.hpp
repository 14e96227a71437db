// The bounded queue between the HTTP side and the workers: at most one attempt running and one
// waiting per session, a new Run replacing a waiting Run, and a full queue refused (503).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pyjudge::serve {

struct Job {
  std::string session;
  std::int64_t attempt = 0;
  std::string kind;  ///< "run" | "submit"
  std::string problem;
  std::string source;
  std::vector<std::string> inputs;
  std::chrono::steady_clock::time_point posted;
};

class AttemptQueue {
 public:
  explicit AttemptQueue(std::size_t capacity) : capacity_(capacity) {}

  enum class Admission { Queued, Full, SubmitWaiting, Closed };
  struct Pushed {
    Admission admission = Admission::Queued;
    std::optional<std::int64_t> replaced;  ///< the waiting Run this one took the place of
  };
  /// Whether `job` may enter; call push() with the same job only if it may (the caller stores
  /// the attempt in between). Both under the caller's admission lock.
  Pushed admit(const Job& job);
  void push(Job job);

  /// The oldest job whose session has nothing running; blocks; nullopt once closed.
  std::optional<Job> pop();
  /// The worker finished the session's running job.
  void done(const std::string& session);
  /// Refuses new jobs, wakes the workers, and returns the jobs still waiting.
  std::vector<Job> close();

  std::size_t depth();
  std::size_t running();
  /// Serialises admit() + storing the attempt + push() across HTTP requests.
  std::mutex& admission_lock() { return admission_; }

 private:
  std::size_t capacity_;
  std::mutex m_, admission_;
  std::condition_variable ready_;
  std::deque<Job> waiting_;
  std::set<std::string> running_;
  bool closed_ = false;
};

}  // namespace pyjudge::serve
