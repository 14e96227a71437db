// `-j N` worker threads: each takes attempts from the queue, judges them in fresh boxes, and
// turns the judge's progress into the session's events.
#pragma once

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "serve/attempt_queue.hpp"
#include "serve/event_log.hpp"
#include "serve/judging.hpp"
#include "serve/metrics.hpp"

namespace pyjudge::serve {

class Workers {
 public:
  Workers(int count, AttemptQueue& queue, EventLog& log, Metrics& metrics,
          const std::map<std::string, CatalogueEntry>& catalogue, double complexity_budget_s = 0);
  /// Closes the queue (if still open) and joins: what is left waiting is the caller's to mark.
  ~Workers();
  /// Returns once every worker has finished its running attempt (after the queue is closed).
  void join();
  int count() const { return static_cast<int>(threads_.size()); }

 private:
  void work();
  void judge(const Job& job, std::map<std::string, std::shared_ptr<const PreparedProblem>>& prepared);

  AttemptQueue& queue_;
  EventLog& log_;
  Metrics& metrics_;
  const std::map<std::string, CatalogueEntry>& catalogue_;
  double complexity_budget_s_;  ///< a Submit's complexity report; 0: none
  std::vector<std::thread> threads_;
};

std::int64_t now_ms();

}  // namespace pyjudge::serve
