#include "judge/errors.hpp"
#include "batch/grade.hpp"

#include "judge/complexity.hpp"
#include "judge/problems.hpp"
#include "judge/report.hpp"

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

void add_identity(nlohmann::json& j, const Submission& s) {
  j["candidate"] = s.candidate;
  j["problem"] = s.problem;
  j["file"] = name_as_text(s.file.string());
}

// A submission intake would not read: a CE record that says why, nothing judged.
nlohmann::json refused_record(const Submission& s, const std::string& why) {
  nlohmann::json j = error_record(s, "");
  j.erase("error");
  j["verdict"] = "CE";
  j["refused"] = why;
  j["compile_error"] = {{"message", "not judged: the submission is " + why}, {"line", 0}};
  return j;
}

// Batch's sink of judge_submission(): the record is the `run --json` object of the end report,
// unredacted (a grader's).
class RecordSink final : public JudgeSink {
 public:
  void end(const SubmissionReport& r) override { record_ = to_json(r); }
  nlohmann::json take() { return std::move(record_); }

 private:
  nlohmann::json record_;
};

}  // namespace

const ProblemCache::Entry& ProblemCache::get(const std::string& id) {
  auto& slot = entries_[id];
  if (slot) return *slot;
  slot = std::make_unique<Entry>();
  try {
    if (id.find('/') != std::string::npos || id.empty() || id[0] == '.' || !fs::is_directory(dir_ / id)) {
      throw UsageError("unknown problem '" + id + "' (no folder " + (dir_ / id).string() + ")");
    }
    slot->problem = load_problem(dir_ / id, tests_);
    slot->version = problem_version(dir_ / id);
    slot->tests = all_tests(slot->problem, make_runner_, tests_);
  } catch (const std::exception& e) {
    slot->error = e.what();
  }
  return *slot;
}

nlohmann::json error_record(const Submission& s, const std::string& error) {
  nlohmann::json j = {{"schema", kReportSchema}, {"verdict", "IE"}, {"passed", 0}, {"total", 0},
                      {"score", 0}, {"max_score", 1}, {"time_ms", 0}, {"wall_ms", 0}, {"memory_kib", 0},
                      {"solution", s.file.string()}, {"tests", nlohmann::json::array()}, {"error", error}};
  add_identity(j, s);
  return j;
}

std::chrono::milliseconds submission_deadline(const fs::path& problem_dir) {
  constexpr std::chrono::milliseconds kFixed{60'000};
  try {
    Problem p = load_problem(problem_dir);
    std::int64_t tests = static_cast<std::int64_t>(p.tests.size());
    for (const auto& g : p.generators) tests += static_cast<std::int64_t>(g.count) * std::max<std::int64_t>(1, static_cast<std::int64_t>(g.sizes.size()));
    return kFixed + 2 * tests * (p.limits.wall + std::chrono::milliseconds(500));
  } catch (const std::exception&) {
    return kFixed;  // the worker reports the broken spec itself, quickly
  }
}

namespace {

// The scaling report of a graded submission; a failure of the analysis is an inconclusive
// report, never the submission's.
nlohmann::json complexity_json(const Problem& problem, const Submission& s, const std::string& source,
                               const RunnerFactory& make_runner, double budget_s) {
  ComplexityOptions options;
  options.budget = Micros(static_cast<std::int64_t>(budget_s * 1e6));
  ComplexityReport report;
  try {
    report = analyse_complexity(problem, SourceFile{name_as_text(s.file.filename().string()), source}, make_runner, options);
  } catch (const std::exception& e) {
    report.inconclusive = std::string("the analysis failed: ") + e.what();
  }
  return to_json(report);
}

}  // namespace

nlohmann::json grade(const Submission& s, ProblemCache& problems, const JudgeOptions& options,
                     double complexity_budget_s) {
  SubmissionFile file = read_submission(s.file);
  if (!file.refused.empty()) {
    auto j = refused_record(s, file.refused);
    j["file_sha256"] = "";
    return j;
  }
  std::string sha = sha256_hex(file.source);
  const ProblemCache::Entry& entry = problems.get(s.problem);
  nlohmann::json j;
  if (!entry.error.empty()) {
    j = error_record(s, entry.error);
  } else {
    try {
      // The bytes intake read, not the path again: the file may have been swapped since.
      JudgeOptions with = options;
      with.tests = &entry.tests;
      with.make_runner = problems.runner_factory();
      RecordSink record;
      judge_submission(entry.problem, SourceFile{name_as_text(s.file.string()), file.source}, with, record);
      j = record.take();
      if (complexity_budget_s > 0 && !j.contains("compile_error") && j.value("verdict", "IE") != "IE") {
        j["complexity"] = complexity_json(entry.problem, s, file.source, problems.runner_factory(), complexity_budget_s);
      }
    } catch (const std::exception& e) {
      j = error_record(s, e.what());
    }
  }
  add_identity(j, s);
  j["file_sha256"] = sha;
  j["problem_version"] = entry.version;
  return j;
}

}  // namespace pyjudge::batch
