#include "judge/errors.hpp"
#include "batch/grade.hpp"

#include "judge/complexity.hpp"
#include "judge/sha256.hpp"
#include "judge/problems.hpp"
#include "judge/report.hpp"

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

void add_identity(Record& r, const Submission& s) {
  r.candidate = s.candidate;
  r.problem = s.problem;
  r.file = name_as_text(s.file.string());
}

// A submission intake would not read: a CE record that says why, nothing judged.
Record refused_record(const Submission& s, const std::string& why) {
  Record r = error_record(s, "");
  r.verdict = Verdict::CE;
  r.refused = why;
  r.compile_error = CompileErrorRecord{"not judged: the submission is " + why, "", 0};
  return r;
}

// What the judge runs: the bytes intake read, not the path again (the file may have been swapped
// since). A folder's entry is named inside it, as tracebacks show it.
SourceFile source_file(const Submission& s, const SubmissionFile& file) {
  std::string name = file.entry.empty() ? s.file.string() : (s.file / file.entry).string();
  return SourceFile{name_as_text(name), file.source, file.modules};
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

Record error_record(const Submission& s, const std::string& error) {
  Record r;
  r.verdict = Verdict::IE;
  r.error = error;
  r.rest = {{"schema", kReportSchema}, {"solution", name_as_text(s.file.string())}};
  add_identity(r, s);
  return r;
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
nlohmann::json complexity_json(const Problem& problem, const SourceFile& source,
                               const RunnerFactory& make_runner, double budget_s) {
  ComplexityOptions options;
  options.budget = Micros(static_cast<std::int64_t>(budget_s * 1e6));
  ComplexityReport report;
  try {
    report = analyse_complexity(problem, source, make_runner, options);
  } catch (const std::exception& e) {
    report.inconclusive = std::string("the analysis failed: ") + e.what();
  }
  return to_json(report);
}

}  // namespace

Record grade(const Submission& s, ProblemCache& problems, const JudgeOptions& options, double complexity_budget_s) {
  SubmissionFile file = read_submission(s.file);
  if (!file.refused.empty()) return refused_record(s, file.refused);
  std::string sha = file.fingerprint();
  const ProblemCache::Entry& entry = problems.get(s.problem);
  Record r;
  if (!entry.error.empty()) {
    r = error_record(s, entry.error);
  } else {
    try {
      JudgeOptions with = options;
      with.tests = &entry.tests;
      with.make_runner = problems.runner_factory();
      const SourceFile source = source_file(s, file);
      RecordSink record;
      judge_submission(entry.problem, source, with, record);
      nlohmann::json j = record.take();
      if (complexity_budget_s > 0 && !j.contains("compile_error") && j.value("verdict", "IE") != "IE") {
        j["complexity"] = complexity_json(entry.problem, source, problems.runner_factory(), complexity_budget_s);
      }
      j["candidate"] = s.candidate;
      r = record_from_json(j);
    } catch (const std::exception& e) {
      r = error_record(s, e.what());
    }
  }
  add_identity(r, s);
  r.file_sha256 = sha;
  r.problem_version = entry.version;
  return r;
}

}  // namespace pyjudge::batch
