// Reports of a judged submission: JSON for machines, text for people.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "judge/judge.hpp"

namespace pyjudge {

/// Version of the `run --json` object; bumped when a field changes meaning or goes away.
inline constexpr int kReportSchema = 1;

nlohmann::json to_json(const SubmissionReport& report);

/// One test's object: exactly an element of the report's `tests` array.
nlohmann::json to_json(const TestReport& test);

/// Prints one line per test as it finishes, then the failing test's details and a summary.
class TextReport {
 public:
  TextReport(std::ostream& out, bool colour) : out_(out), colour_(colour) {}
  void test_finished(const TestReport& t);
  /// A dim note while the judge waits for tests being prepared (the CLI asks for it on a terminal).
  void preparing(const std::string& what);
  void finish(const SubmissionReport& r);

 private:
  std::string paint(const std::string& text, Verdict v) const;
  std::string dim(const std::string& text) const;
  void details(const TestReport& t);

  std::ostream& out_;
  bool colour_;
};

}  // namespace pyjudge
