#include "judge/errors.hpp"
#include "batch/grade.hpp"

#include "judge/problems.hpp"
#include "judge/report.hpp"

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

void add_identity(nlohmann::json& j, const Submission& s) {
  j["candidate"] = s.candidate;
  j["problem"] = s.problem;
  j["file"] = s.file.string();
}

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

nlohmann::json grade(const Submission& s, ProblemCache& problems, const JudgeOptions& options) {
  std::string sha = file_sha256(s.file);
  std::error_code ec;
  if (sha.empty() || !fs::is_regular_file(s.file, ec)) {
    auto j = error_record(s, "cannot read " + s.file.string());
    j["file_sha256"] = sha;
    return j;
  }
  const ProblemCache::Entry& entry = problems.get(s.problem);
  nlohmann::json j;
  if (!entry.error.empty()) {
    j = error_record(s, entry.error);
  } else {
    try {
      j = to_json(judge_file(entry.problem, entry.tests, s.file, problems.runner_factory(), options));
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
