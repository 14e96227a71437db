#include "serve/redact.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using pyjudge::serve::Role;
using pyjudge::serve::redact_report;
using pyjudge::serve::redact_test;
using pyjudge::serve::redact_event;

namespace {

json hidden(const std::string& verdict, const std::string& message) {
  return {{"name", "big-1"}, {"verdict", verdict}, {"time_ms", 3.5}, {"wall_ms", 4.0}, {"memory_kib", 120},
          {"memory_source", "cgroup"}, {"rusage_kib", 300}, {"sample", false}, {"message", message},
          {"line", 7}, {"input", "twoSum([5, 1, 9, 2], 10)"}, {"expected", "[1, 2]"}, {"got", "[0, 1]"},
          {"traceback", "..."}, {"stderr", "LEAK [5, 1, 9, 2]"}};
}

}  // namespace

TEST_CASE("A hidden test keeps only its allowed fields and a message chosen by its verdict") {
  const std::pair<const char*, const char*> table[] = {
      {"WA", "wrong answer on a hidden test"},        {"RE", "runtime error on a hidden test"},
      {"TLE", "time limit exceeded on a hidden test"}, {"MLE", "memory limit exceeded on a hidden test"},
      {"OLE", "output limit exceeded on a hidden test"}, {"IE", "internal error on a hidden test"},
      {"AC", ""},
  };
  for (const auto& [verdict, message] : table) {
    CAPTURE(verdict);
    json t = redact_test(hidden(verdict, "Leak[5, 1, 9, 2] on a hidden test (line 7)"), Role::Candidate);
    CHECK(t == json{{"name", "big-1"}, {"verdict", verdict}, {"time_ms", 3.5}, {"wall_ms", 4.0}, {"memory_kib", 120},
                    {"memory_source", "cgroup"}, {"sample", false}, {"message", message}});
  }
}

TEST_CASE("The interviewer sees a hidden test whole, and a sample test is the same for both roles") {
  json h = hidden("WA", "at [0]: expected 1, got 0");
  CHECK(redact_test(h, Role::Interviewer) == h);
  json sample = h;
  sample["sample"] = true;
  CHECK(redact_test(sample, Role::Candidate) == sample);
}

TEST_CASE("A report for the candidate has every hidden test redacted and no internal error text") {
  json report = {{"verdict", "WA"}, {"internal_error", "reference failed on [5, 1, 9, 2]"},
                 {"tests", json::array({hidden("WA", "Leak"), hidden("AC", "")})}};
  json c = redact_report(report, Role::Candidate);
  CHECK(c.dump().find("5, 1, 9, 2") == std::string::npos);
  CHECK(c.dump().find("Leak") == std::string::npos);
  CHECK(c["tests"].size() == 2);
  CHECK(redact_report(report, Role::Interviewer) == report);
}

TEST_CASE("The complexity report of a submit reaches the interviewer and never the candidate") {
  json report = {{"verdict", "TLE"},
                 {"tests", json::array({hidden("TLE", "")})},
                 {"complexity", {{"text", "time: yours n^2.00 …"}, {"time", {{"comparison", "faster"}}}}}};
  CHECK_FALSE(redact_report(report, Role::Candidate).contains("complexity"));
  CHECK(redact_report(report, Role::Interviewer)["complexity"] == report["complexity"]);
  CHECK_FALSE(redact_event("end", report, Role::Candidate).contains("complexity"));
}
