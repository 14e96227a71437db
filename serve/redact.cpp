#include "serve/redact.hpp"

#include <array>

namespace pyjudge::serve {

namespace {

// The closed vocabulary: a hidden test's message for the candidate depends on its verdict only.
std::string hidden_message(const std::string& verdict) {
  static const std::array<std::pair<const char*, const char*>, 7> kMessages = {{
      {"AC", ""},
      {"WA", "wrong answer on a hidden test"},
      {"TLE", "time limit exceeded on a hidden test"},
      {"MLE", "memory limit exceeded on a hidden test"},
      {"RE", "runtime error on a hidden test"},
      {"OLE", "output limit exceeded on a hidden test"},
      {"IE", "internal error on a hidden test"},
  }};
  for (const auto& [code, message] : kMessages) {
    if (verdict == code) return message;
  }
  return "hidden test";
}

}  // namespace

const char* role_name(Role r) { return r == Role::Candidate ? "candidate" : "interviewer"; }

nlohmann::json redact_test(const nlohmann::json& test, Role role) {
  if (!test.is_object()) return test;
  if (role == Role::Interviewer) {
    nlohmann::json out = test;
    out.erase("candidate");
    return out;
  }
  if (test.value("sample", false)) return test;
  // The judge's own redaction (judge/redact.cpp, as `run` applies it), made when the test was
  // judged; the fallback below only for a test stored without it.
  if (test.contains("candidate") && test["candidate"].is_object()) return test["candidate"];
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"name", "verdict", "time_ms", "wall_ms", "memory_kib", "memory_source", "sample"}) {
    if (test.contains(key)) out[key] = test[key];
  }
  out["sample"] = false;
  out["message"] = hidden_message(test.value("verdict", ""));
  return out;
}

nlohmann::json redact_report(const nlohmann::json& report, Role role) {
  if (role == Role::Interviewer || !report.is_object()) return report;
  nlohmann::json out = report;
  if (out.contains("internal_error")) out["internal_error"] = "the judge failed; the interviewer sees the details";
  out.erase("complexity");  // the scaling report is the interviewer's
  if (out.contains("tests") && out["tests"].is_array()) {
    for (auto& t : out["tests"]) t = redact_test(t, role);
  }
  return out;
}

nlohmann::json redact_event(const std::string& type, const nlohmann::json& data, Role role) {
  if (type == "test") return redact_test(data, role);
  if (type == "end") return redact_report(data, role);
  return data;
}

}  // namespace pyjudge::serve
