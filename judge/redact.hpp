// What each audience may see of a judged submission. The judge keeps every test's full detail;
// this file alone decides, from the audience and never from anything the child sent, what
// leaves for whom.
#pragma once

#include <string>

#include "judge/judge.hpp"

namespace pyjudge {

/// Who reads a report. Candidate: `run` by default (and every live view): a hidden test shows
/// its name, verdict, the judge's own CPU/wall/memory figures and a message from a closed
/// vocabulary. Grader: `batch` records and reports, `check`, `run --reveal-hidden`: everything
/// the judge kept (bounded by the judge; each output escapes it for its place).
enum class Audience { Candidate, Grader };

/// The message a candidate reads for a hidden test: built by the judge from the verdict and, for
/// an exception, a name on the judge's closed list of builtin exceptions, nothing else.
std::string hidden_test_message(const TestReport& t);

TestReport redacted(const TestReport& t, Audience audience);
SubmissionReport redacted(const SubmissionReport& r, Audience audience);

/// The one place redaction meets the stream: passes judge_submission()'s events on to `inner`
/// as `audience` may see them (each test and the end report through redacted()).
class RedactingSink final : public JudgeSink {
 public:
  RedactingSink(Audience audience, JudgeSink& inner) : audience_(audience), inner_(inner) {}
  void start(const JudgeStart& what) override { inner_.start(what); }
  void preparing(const std::string& what) override { inner_.preparing(what); }
  void test_finished(const TestReport& t) override { inner_.test_finished(redacted(t, audience_)); }
  void end(const SubmissionReport& r) override { inner_.end(redacted(r, audience_)); }

 private:
  Audience audience_;
  JudgeSink& inner_;
};

}  // namespace pyjudge
