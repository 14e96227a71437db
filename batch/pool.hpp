// Parallel judging: N worker processes (`pyjudge worker`, spawned with Boost.Process), each with
// its own boxes and its own cache of prepared problems. A worker takes one submission at a time
// as a JSON line on stdin and answers with its result record as one JSON line on stdout. A
// worker that dies costs only the submission it held (an error record), and is replaced.
#pragma once

#include <filesystem>
#include <optional>
#include <functional>
#include <memory>
#include <vector>

#include "batch/results.hpp"
#include "batch/submissions.hpp"

namespace pyjudge::batch {

class WorkerPool {
 public:
  /// `required_layers`: sandbox layers every box must have (see JudgeOptions). `cache_dir`: the
  /// prepared-test cache the workers share (none: each prepares its problems afresh).
  /// `complexity_budget_s` > 0: each record also carries the complexity report (see grade()).
  WorkerPool(unsigned workers, std::filesystem::path problems_dir, std::vector<std::string> required_layers = {},
             std::optional<std::filesystem::path> cache_dir = std::nullopt, double complexity_budget_s = 0);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Judges every submission in `todo`, `workers` at a time, calling `done` in this thread as
  /// each finishes (in completion order).
  void run(const std::vector<Submission>& todo,
           const std::function<void(const Submission&, Record)>& done);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The worker's side: reads jobs from stdin until EOF, judges each, writes records to stdout.
int worker_main(const std::filesystem::path& problems_dir, const std::vector<std::string>& required_layers,
                const std::optional<std::filesystem::path>& cache_dir = std::nullopt, double complexity_budget_s = 0);

}  // namespace pyjudge::batch
