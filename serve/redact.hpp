// What each role may see of a report. The rule is decided here, from the role alone, and applied
// to every event and API answer the server sends.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace pyjudge::serve {

enum class Role { Candidate, Interviewer };

const char* role_name(Role r);

/// A `tests[i]` object for `role`. The candidate sees a hidden test's name, verdict, time_ms,
/// wall_ms, memory_kib, memory_source, sample and a message from a closed vocabulary (one per
/// verdict): never its input, expected value, output, traceback, line or a candidate-controlled
/// message. The interviewer sees everything.
nlohmann::json redact_test(const nlohmann::json& test, Role role);

/// A `run --json` object for `role`: its tests redacted, and for the candidate an internal
/// error's text (which may name a hidden test's data) replaced by a fixed sentence.
nlohmann::json redact_report(const nlohmann::json& report, Role role);

/// An event's data for `role` ("test": a test, "end": a report, others unchanged).
nlohmann::json redact_event(const std::string& type, const nlohmann::json& data, Role role);

}  // namespace pyjudge::serve
