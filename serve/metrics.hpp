// Counters for GET /metrics, in Prometheus' text exposition format.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace pyjudge::serve {

class Metrics {
 public:
  void attempt_queued(const std::string& kind);
  void attempt_rejected(int status);
  void test_finished(const std::string& verdict);
  /// An attempt's end: its verdict and the seconds from its POST to its end event.
  void attempt_finished(const std::string& verdict, double seconds);

  /// The exposition text; `queue_depth` and `running` are read when rendered.
  std::string render(std::size_t queue_depth, std::size_t running, int workers);

 private:
  static constexpr std::array<double, 10> kBuckets = {0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120};
  std::mutex m_;
  std::map<std::string, std::uint64_t> queued_, rejected_, test_verdicts_, attempt_verdicts_;
  std::array<std::uint64_t, kBuckets.size()> latency_buckets_{};
  std::uint64_t latency_count_ = 0;
  double latency_sum_ = 0;
  std::uint64_t tests_ = 0;
  std::deque<std::chrono::steady_clock::time_point> recent_tests_;  ///< the last minute's
};

}  // namespace pyjudge::serve
