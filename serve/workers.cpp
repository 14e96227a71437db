#include "serve/workers.hpp"

#include <chrono>

#include "judge/report.hpp"

namespace pyjudge::serve {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

// The report of an attempt the judge could not run at all (a generator or the reference failed).
nlohmann::json internal_error_report(const std::string& problem, const std::string& what) {
  return {{"schema", kReportSchema}, {"problem", problem},  {"solution", "solution.py"}, {"verdict", "IE"},
          {"passed", 0},             {"total", 0},         {"score", 0},                {"max_score", 1},
          {"internal_error", what},  {"tests", nlohmann::json::array()}};
}

}  // namespace

Workers::Workers(int count, AttemptQueue& queue, EventLog& log, Metrics& metrics,
                 const std::map<std::string, CatalogueEntry>& catalogue, double complexity_budget_s)
    : queue_(queue), log_(log), metrics_(metrics), catalogue_(catalogue), complexity_budget_s_(complexity_budget_s) {
  for (int i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
}

Workers::~Workers() {
  queue_.close();
  join();
}

void Workers::join() {
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void Workers::work() {
  // Prepared once per problem per worker and kept: generators and the reference run are slow.
  std::map<std::string, std::shared_ptr<const PreparedProblem>> prepared;
  while (auto job = queue_.pop()) {
    judge(*job, prepared);
    queue_.done(job->session);
  }
}

void Workers::judge(const Job& job, std::map<std::string, std::shared_ptr<const PreparedProblem>>& prepared) {
  Store::AttemptUpdate running{job.attempt, "running", now_ms(), nullptr};
  log_.append(job.session, "start", {{"attempt", job.attempt}, {"kind", job.kind}}, &running);
  nlohmann::json notes = nlohmann::json::array();
  nlohmann::json result;
  try {
    auto& p = prepared[job.problem];
    if (!p) p = prepare(catalogue_.at(job.problem).problem);
    result = judge_attempt(*p, {job.kind, job.source, job.inputs, complexity_budget_s_}, [&](const nlohmann::json& test) {
      metrics_.test_finished(test.value("verdict", "IE"));
      log_.append(job.session, "test", test);
    }, notes);
  } catch (const std::exception& e) {
    result = internal_error_report(job.problem, e.what());
  }
  if (!notes.empty()) log_.append(job.session, "inputs_rejected", {{"attempt", job.attempt}, {"inputs", notes}});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - job.posted).count();
  metrics_.attempt_finished(result.value("verdict", "IE"), seconds);
  Store::AttemptUpdate finished{job.attempt, "finished", now_ms(), &result};
  log_.append(job.session, "end", result, &finished);
}

}  // namespace pyjudge::serve
