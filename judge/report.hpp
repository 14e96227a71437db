// Reports of a judged submission: JSON for machines, text for people.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "judge/judge.hpp"
#include "judge/palette.hpp"

namespace pyjudge {

/// Version of the `run --json` object; bumped when a field changes meaning or goes away.
inline constexpr int kReportSchema = 1;

nlohmann::json to_json(const SubmissionReport& report);

/// One test's object: exactly an element of the report's `tests` array.
nlohmann::json to_json(const TestReport& test);

/// The text report, a sink of judge_submission(): a header, one line per test as it finishes,
/// then the failing test's details and a summary.
class TextReport final : public JudgeSink {
 public:
  /// `show_preparing`: a dim note while the judge waits for tests being prepared (on a terminal).
  TextReport(std::ostream& out, Palette palette, bool show_preparing = false)
      : out_(out), palette_(palette), show_preparing_(show_preparing) {}
  void start(const JudgeStart& what) override;
  void test_finished(const TestReport& t) override;
  void preparing(const std::string& what) override;
  void end(const SubmissionReport& r) override;

 private:
  std::string paint(const std::string& text, Verdict v) const { return palette_.verdict(v, text); }
  std::string dim(const std::string& text) const { return palette_.dim(text); }
  void details(const TestReport& t);

  std::ostream& out_;
  Palette palette_;
  bool show_preparing_;
};

/// `--json`, a sink of judge_submission(): the report's one JSON object, written at the end.
class JsonReport final : public JudgeSink {
 public:
  explicit JsonReport(std::ostream& out) : out_(out) {}
  /// A field written beside the report's own (run --complexity's `complexity`).
  void also(const std::string& key, nlohmann::json value) { extra_[key] = std::move(value); }
  void end(const SubmissionReport& r) override;

 private:
  std::ostream& out_;
  nlohmann::json extra_ = nlohmann::json::object();
};

}  // namespace pyjudge
