#include "serve/metrics.hpp"

#include <fmt/format.h>

namespace pyjudge::serve {

namespace {

using Clock = std::chrono::steady_clock;

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

void Metrics::attempt_queued(const std::string& kind) {
  std::lock_guard lock(m_);
  ++queued_[kind];
}

void Metrics::attempt_rejected(int status) {
  std::lock_guard lock(m_);
  ++rejected_[std::to_string(status)];
}

void Metrics::test_finished(const std::string& verdict) {
  std::lock_guard lock(m_);
  ++tests_;
  ++test_verdicts_[verdict];
  auto now = Clock::now();
  recent_tests_.push_back(now);
  while (!recent_tests_.empty() && now - recent_tests_.front() > std::chrono::minutes(1)) recent_tests_.pop_front();
}

void Metrics::attempt_finished(const std::string& verdict, double seconds) {
  std::lock_guard lock(m_);
  ++attempt_verdicts_[verdict];
  ++latency_count_;
  latency_sum_ += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) latency_buckets_[i] += seconds <= kBuckets[i];
}

std::string Metrics::render(std::size_t queue_depth, std::size_t running, int workers) {
  std::lock_guard lock(m_);
  auto now = Clock::now();
  while (!recent_tests_.empty() && now - recent_tests_.front() > std::chrono::minutes(1)) recent_tests_.pop_front();
  std::string out;
  family(out, "pyjudge_queue_depth", "gauge", "Attempts waiting for a worker.");
  out += fmt::format("pyjudge_queue_depth {}\n", queue_depth);
  family(out, "pyjudge_attempts_running", "gauge", "Attempts being judged.");
  out += fmt::format("pyjudge_attempts_running {}\n", running);
  family(out, "pyjudge_workers", "gauge", "Worker threads (-j).");
  out += fmt::format("pyjudge_workers {}\n", workers);
  family(out, "pyjudge_attempts_queued_total", "counter", "Attempts accepted, by kind.");
  for (const auto& [k, v] : queued_) out += fmt::format("pyjudge_attempts_queued_total{{kind=\"{}\"}} {}\n", k, v);
  family(out, "pyjudge_attempts_rejected_total", "counter", "Attempts refused, by HTTP status.");
  for (const auto& [k, v] : rejected_) out += fmt::format("pyjudge_attempts_rejected_total{{status=\"{}\"}} {}\n", k, v);
  family(out, "pyjudge_attempts_total", "counter", "Attempts judged, by verdict.");
  for (const auto& [k, v] : attempt_verdicts_) out += fmt::format("pyjudge_attempts_total{{verdict=\"{}\"}} {}\n", k, v);
  family(out, "pyjudge_tests_total", "counter", "Tests judged, by verdict.");
  for (const auto& [k, v] : test_verdicts_) out += fmt::format("pyjudge_tests_total{{verdict=\"{}\"}} {}\n", k, v);
  family(out, "pyjudge_tests_per_second", "gauge", "Tests judged per second over the last minute.");
  out += fmt::format("pyjudge_tests_per_second {:.3f}\n", static_cast<double>(recent_tests_.size()) / 60.0);
  family(out, "pyjudge_judge_latency_seconds", "histogram", "Time from an attempt's POST to its end event.");
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    out += fmt::format("pyjudge_judge_latency_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], latency_buckets_[i]);
  }
  out += fmt::format("pyjudge_judge_latency_seconds_bucket{{le=\"+Inf\"}} {}\n", latency_count_);
  out += fmt::format("pyjudge_judge_latency_seconds_sum {:.6f}\n", latency_sum_);
  out += fmt::format("pyjudge_judge_latency_seconds_count {}\n", latency_count_);
  return out;
}

}  // namespace pyjudge::serve
