#include "judge/report.hpp"

#include <fmt/format.h>

#include "judge/escape.hpp"

namespace pyjudge {

namespace {

double ms(Micros t) { return static_cast<double>(t.count()) / 1000.0; }

std::string indent(const std::string& raw, const std::string& prefix = "    ") {
  std::string text = terminal_text(raw);
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out.empty() ? prefix + "(empty)\n" : out;
}

// `layers`: the active ones ("landlock (ABI 4)"), `missing`: "name: why"; `status`: each layer
// as the box sent it.
nlohmann::json sandbox_json(const std::vector<LayerStatus>& layers) {
  nlohmann::json active = nlohmann::json::array(), missing = nlohmann::json::array(), status = nlohmann::json::array();
  for (const auto& l : layers) {
    if (l.state == LayerState::Active) active.push_back(l.detail.empty() ? l.name : l.name + " (" + l.detail + ")");
    if (l.state == LayerState::Missing) missing.push_back(l.name + ": " + l.detail);
    status.push_back({{"name", l.name}, {"state", layer_state_name(l.state)}, {"detail", l.detail}});
  }
  return {{"layers", active}, {"missing", missing}, {"status", status}};
}

}  // namespace

nlohmann::json to_json(const TestReport& t) {
  nlohmann::json jt = {{"name", t.name},         {"verdict", verdict_code(t.verdict)},
                       {"time_ms", ms(t.cpu)},   {"wall_ms", ms(t.wall)},
                       {"memory_kib", t.memory.kib()}, {"sample", t.sample},
                       {"message", t.message}};
  if (t.error_line) jt["line"] = *t.error_line;
  if (t.rerun) jt["rerun"] = true;
  if (t.interactor_cpu && t.interactor_wall) {
    jt["interactor"] = {{"time_ms", ms(*t.interactor_cpu)}, {"wall_ms", ms(*t.interactor_wall)}};
  }
  jt["memory_source"] = t.memory_from_cgroup ? "cgroup" : "rusage";
  if (t.memory_from_cgroup) jt["rusage_kib"] = t.rusage_memory.kib();
  if (t.hidden_redacted) jt["redacted"] = true;
  if (t.custom) jt["custom"] = true;
  if (!t.stdout_text.empty()) jt["stdout"] = t.stdout_text;
  // Whatever the report still holds: redacted() has already emptied a hidden test's detail
  // for a candidate. A custom test shows its input, expected value and result whatever the
  // verdict (LeetCode's "Run").
  if (t.verdict != Verdict::AC || t.custom) {
    if (!t.input.empty()) jt["input"] = t.input;
    if (!t.expected.empty()) jt["expected"] = t.expected;
    if (!t.got.empty()) jt["got"] = t.got;
    if (!t.diff.empty()) jt["diff"] = t.diff;
    if (!t.traceback.empty()) jt["traceback"] = t.traceback;
    if (!t.stderr_text.empty()) jt["stderr"] = t.stderr_text;
  }
  return jt;
}

nlohmann::json to_json(const SubmissionReport& r) {
  nlohmann::json j;
  j["schema"] = kReportSchema;
  j["problem"] = r.problem;
  j["solution"] = r.solution;
  j["verdict"] = verdict_code(r.verdict);
  j["passed"] = r.passed;
  j["total"] = r.total;
  j["score"] = r.score;
  j["max_score"] = r.max_score;
  j["time_ms"] = ms(r.max_cpu);
  j["wall_ms"] = ms(r.max_wall);
  j["memory_kib"] = r.max_memory.kib();
  j["limits"] = {{"time_ms", r.limits.time.count()},
                 {"wall_ms", r.limits.wall.count()},
                 {"memory_kib", r.limits.memory.kib()},
                 {"output_kib", r.limits.output.kib()}};
  j["sandbox"] = sandbox_json(r.sandbox);
  if (!r.python_version.empty()) j["python"] = r.python_version;
  if (r.isolation) j["isolation"] = *r.isolation == Isolation::Shared ? "shared" : "process";
  if (r.setup) j["setup"] = {{"time_ms", ms(r.setup->cpu)}, {"memory_kib", r.setup->memory.kib()}};
  if (!r.compile_error.empty()) {
    j["compile_error"] = {{"message", r.compile_error}, {"line", r.compile_error_line.value_or(0)}};
    if (!r.compile_error_kind.empty()) j["compile_error"]["kind"] = r.compile_error_kind;
  }
  if (!r.internal_error.empty()) j["internal_error"] = r.internal_error;
  j["tests"] = nlohmann::json::array();
  for (const auto& t : r.tests) j["tests"].push_back(to_json(t));
  return j;
}

// Every string below that a submission could have shaped goes through terminal_text or
// terminal_line: CR, ESC and OSC sequences must not redraw the verdict or reach the clipboard.
void TextReport::test_finished(const TestReport& t) {
  out_ << fmt::format("  {:<28} {} {:>9} {:>11}{}\n",
                      terminal_line(t.name) + (t.custom ? " (custom)" : t.sample ? " (sample)" : ""),
                      paint(fmt::format("{:<3}", verdict_code(t.verdict)), t.verdict),
                      fmt::format("{:.0f} ms", ms(t.cpu)), fmt::format("{:.1f} MiB", t.memory.mib()),
                      t.verdict == Verdict::AC || t.message.empty() ? "" : dim("  " + terminal_line(t.message)));
  // A passing sample's prints show here; a failing one's with its details at the end.
  if (t.sample && t.verdict == Verdict::AC && !t.custom && !t.stdout_text.empty()) {
    out_ << dim("    stdout:") << "\n" << indent(t.stdout_text, "      ");
  }
  out_.flush();
}

void TextReport::start(const JudgeStart& what) {
  const Problem& p = *what.problem;
  out_ << fmt::format("{} — {} ({} mode), {}\n", p.id, p.title, mode_name(p.mode), what.solution);
  out_.flush();
}

void TextReport::preparing(const std::string& what) {
  if (!show_preparing_) return;
  out_ << dim("  " + terminal_line(what)) << "\n";
  out_.flush();
}

void TextReport::details(const TestReport& t) {
  out_ << "\n" << paint(fmt::format("{} on test {}", verdict_name(t.verdict), terminal_line(t.name)), t.verdict) << "\n";
  if (t.custom && t.verdict == Verdict::AC) out_ << "  your output agrees with the reference solution's\n";
  if (!t.message.empty()) out_ << "  " << terminal_line(t.message) << "\n";
  if (t.hidden_redacted) {
    out_ << dim("  (hidden test: input and expected output are not shown)") << "\n";
    return;
  }
  if (!t.input.empty()) out_ << "  input:\n" << indent(t.input);
  if (!t.expected.empty()) out_ << "  expected:\n" << indent(t.expected);
  if (!t.got.empty() || t.verdict == Verdict::WA) out_ << "  got:\n" << indent(t.got);
  if (!t.diff.empty()) out_ << "  diff (-expected +got):\n" << indent(t.diff);
  if (!t.stdout_text.empty()) out_ << "  stdout:\n" << indent(t.stdout_text);
  if (!t.traceback.empty()) out_ << "  traceback:\n" << indent(t.traceback);
  if (!t.stderr_text.empty() && t.traceback.empty()) out_ << "  stderr:\n" << indent(t.stderr_text);
}

void TextReport::end(const SubmissionReport& r) {
  if (!r.compile_error.empty()) {
    out_ << paint("Compile Error", Verdict::CE) << "\n" << indent(r.compile_error, "  ");
  }
  // Custom tests always show in full (input, expected beside got); else the first failure.
  bool shown_failure = false;
  for (const auto& t : r.tests) {
    if (t.custom) {
      details(t);
      shown_failure = shown_failure || t.verdict != Verdict::AC;
    } else if (t.verdict != Verdict::AC && !shown_failure) {
      details(t);
      shown_failure = true;
    }
  }
  if (!r.internal_error.empty()) out_ << "\n" << paint("Internal error: ", Verdict::IE) << terminal_line(r.internal_error) << "\n";
  out_ << "\n" << paint(fmt::format("{} ({})", verdict_name(r.verdict), verdict_code(r.verdict)), r.verdict)
       << fmt::format("  {}/{} tests passed", r.passed, r.total) << "\n";
  if (!r.tests.empty()) {
    out_ << fmt::format("  max CPU time {:.0f} ms of {} ms, peak memory {:.1f} MiB of {:.0f} MiB\n", ms(r.max_cpu),
                        r.limits.time.count(), r.max_memory.mib(), r.limits.memory.mib());
  }
  if (r.setup) {
    out_ << fmt::format("  set-up (module code, once per child; counted in its first test) {:.0f} ms, {:.1f} MiB\n",
                        ms(r.setup->cpu), r.setup->memory.mib());
  }
  for (const auto& l : r.sandbox) {
    if (l.state == LayerState::Missing) out_ << dim("  sandbox: " + terminal_line(l.name + ": " + l.detail)) << "\n";
  }
  out_.flush();
}

}  // namespace pyjudge

namespace pyjudge {

void JsonReport::end(const SubmissionReport& r) {
  nlohmann::json j = to_json(r);
  for (const auto& [key, value] : extra_.items()) j[key] = value;
  out_ << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  out_.flush();
}

}  // namespace pyjudge
