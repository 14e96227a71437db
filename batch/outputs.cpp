#include "batch/outputs.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "batch/report_template.hpp"
#include "judge/escape.hpp"
#include "batch/submissions.hpp"

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

std::ofstream open_out(const fs::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return out;
}

std::string csv_cell(const std::string& s) { return csv_field(s); }

// XML 1.0 text and attribute values: the HTML escaping fits (&#39; is XML too).
std::string xml(const std::string& s) { return html_text(s); }

const char* colour_of(Verdict verdict) {
  switch (verdict) {
    case Verdict::AC: return "\x1b[32m";
    case Verdict::TLE: case Verdict::MLE: case Verdict::OLE: return "\x1b[33m";
    case Verdict::IE: case Verdict::CE: return "\x1b[35m";
    default: return "\x1b[31m";
  }
}

}  // namespace

std::string first_failure(const Record& r) {
  if (!r.error.empty()) return r.error;
  if (r.compile_error) return "compile error: " + r.compile_error->message;
  if (!r.internal_error.empty()) return "internal error: " + r.internal_error;
  for (const auto& t : r.tests) {
    if (t.verdict != Verdict::AC) return t.name + ": " + t.message;
  }
  return "";
}

std::optional<long> failing_line(const Record& r) {
  if (r.compile_error) return r.compile_error->line;
  for (const auto& t : r.tests) {
    if (t.verdict != Verdict::AC) return t.line;
  }
  return std::nullopt;
}

std::string github_annotations(const Records& records) {
  std::string out;
  for (const auto& r : records) {
    if (r.verdict == Verdict::AC) continue;
    std::string props = "file=" + workflow_property(r.file);
    if (auto line = failing_line(r); line && *line > 0) props += fmt::format(",line={}", *line);
    props += ",title=" + workflow_property(fmt::format("pyjudge: {} on {}", verdict_code(r.verdict), r.problem));
    out += "::error " + props + "::" + workflow_data(first_failure(r)) + "\n";
  }
  return out;
}

namespace {

// At most `most` items of a list for one line of the terminal, then how many more there are.
std::string listed(const std::vector<std::string>& items, std::size_t most = 20) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < most; ++i) out += (i ? ", " : "") + terminal_line(cut_text(items[i], 200));
  if (items.size() > most) out += fmt::format(", and {} more", items.size() - most);
  return out;
}

struct Standing {
  int solved = 0;
  double score = 0;
};

Standing standing(const Gradebook& book, const std::string& candidate) {
  Standing s;
  for (const auto& p : book.problems) {
    if (const Record* r = book.find(candidate, p)) {
      s.solved += r->verdict == Verdict::AC;
      s.score += r->score;
    }
  }
  return s;
}

double max_total(const Gradebook& book) {
  double total = 0;
  for (const auto& p : book.problems) total += book.max_score(p);
  return total;
}

}  // namespace

void print_summary(std::ostream& out, const Gradebook& book, bool colour) {
  std::size_t name_width = 9;
  for (const auto& c : book.candidates) name_width = std::max(name_width, terminal_line(c).size());
  std::vector<std::size_t> widths;
  out << fmt::format("{:<{}}", "CANDIDATE", name_width);
  for (const auto& p : book.problems) {
    widths.push_back(std::max<std::size_t>(terminal_line(p).size(), 9));
    out << "  " << fmt::format("{:<{}}", terminal_line(p), widths.back());
  }
  out << "  SOLVED  SCORE\n";
  const double max = max_total(book);
  for (const auto& candidate : book.candidates) {
    out << fmt::format("{:<{}}", terminal_line(candidate), name_width);
    for (std::size_t i = 0; i < book.problems.size(); ++i) {
      const Record* r = book.find(candidate, book.problems[i]);
      std::string padded = fmt::format("{:<{}}", r ? fmt::format("{} {}/{}", verdict_code(r->verdict), r->passed, r->total) : "-", widths[i]);
      out << "  " << (colour && r ? colour_of(r->verdict) + padded + "\x1b[0m" : padded);
    }
    Standing s = standing(book, candidate);
    out << fmt::format("  {:>6}  {:g}/{:g}\n", fmt::format("{}/{}", s.solved, book.problems.size()), s.score, max);
  }
  if (!book.unmatched.empty()) {
    out << fmt::format("files that match no problem ({}, not graded): {}\n", book.unmatched.size(), listed(book.unmatched));
  }
  if (!book.skipped.empty()) out << fmt::format("skipped ({}): {}\n", book.skipped.size(), listed(book.skipped));
}

void write_csv(const fs::path& file, const Gradebook& book) {
  auto out = open_out(file);
  out << "candidate,problem,verdict,passed,total,score,max_score,time_ms,memory_kib,file,first_failure\n";
  for (const auto& r : book.records) {
    out << csv_cell(r.candidate) << ',' << csv_cell(r.problem) << ',' << verdict_code(r.verdict) << ',' << r.passed
        << ',' << r.total << ',' << r.score << ',' << r.max_score << ',' << r.time_ms << ',' << r.memory_kib << ','
        << csv_cell(book.shown_path(r)) << ',' << csv_cell(first_failure(r)) << '\n';
  }
}

void write_csv_wide(const fs::path& file, const Gradebook& book) {
  auto out = open_out(file);
  out << "candidate";
  for (const auto& p : book.problems) out << ',' << csv_cell(p);
  out << ",total,max_score\n";
  const double max = max_total(book);
  for (const auto& c : book.candidates) {
    out << csv_cell(c);
    for (const auto& p : book.problems) {
      out << ',';
      if (const Record* r = book.find(c, p)) out << r->score;
    }
    out << ',' << standing(book, c).score << ',' << max << '\n';
  }
}

nlohmann::json gradebook_json(const Gradebook& book) {
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& c : book.candidates) {
    nlohmann::json cells = nlohmann::json::object();
    for (const auto& p : book.problems) {
      const Record* r = book.find(c, p);
      cells[p] = r ? nlohmann::json{{"verdict", verdict_code(r->verdict)}, {"passed", r->passed}, {"total", r->total},
                                    {"score", r->score}, {"max_score", r->max_score}, {"file", book.shown_path(*r)}}
                   : nlohmann::json(nullptr);
    }
    Standing s = standing(book, c);
    candidates.push_back({{"name", c}, {"solved", s.solved}, {"score", s.score}, {"cells", cells}});
  }
  return {{"problems", book.problems}, {"max_score", max_total(book)}, {"candidates", candidates},
          {"unmatched", book.unmatched}, {"skipped", book.skipped}};
}

std::string junit_xml(const Records& records) {
  std::string body;
  int all_tests = 0, all_failures = 0, all_errors = 0;
  for (const auto& r : records) {
    std::string suite = r.candidate + "/" + r.problem;
    std::string classname = r.candidate + "." + r.problem;
    std::string cases;
    int tests = 0, failures = 0, errors = 0;
    double seconds = 0;
    auto testcase = [&](const std::string& name, double ms, const std::string& inner) {
      ++tests;
      seconds += ms / 1000;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml(classname), xml(name), ms / 1000);
      cases += inner.empty() ? "/>\n" : ">\n" + inner + "    </testcase>\n";
    };
    if (!r.error.empty() || !r.internal_error.empty()) {
      ++errors;
      std::string msg = first_failure(r);
      testcase("judge", 0, fmt::format("      <error type=\"IE\" message=\"{}\">{}</error>\n", xml(msg), xml(msg)));
    } else if (r.compile_error) {
      ++failures;
      const std::string& msg = r.compile_error->message;
      const std::string& kind = r.compile_error->kind;  // IndentationError is not a SyntaxError to a reader
      testcase("compile", 0, fmt::format("      <failure type=\"CE\" message=\"{}\">{}</failure>\n",
                                         xml(kind.empty() ? "compile error" : kind), xml(msg)));
    }
    for (const auto& t : r.tests) {
      std::string verdict = verdict_code(t.verdict);
      std::string inner;
      if (t.verdict != Verdict::AC) {
        std::string detail = t.message;
        for (auto [field, value] : {std::pair{"input", &t.input}, {"expected", &t.expected}, {"got", &t.got},
                                    {"diff", &t.diff}, {"traceback", &t.traceback}}) {
          if (!value->empty()) detail += fmt::format("\n{}:\n{}", field, *value);
        }
        const char* tag = t.verdict == Verdict::IE ? "error" : "failure";
        (t.verdict == Verdict::IE ? errors : failures) += 1;
        inner = fmt::format("      <{} type=\"{}\" message=\"{}\">{}</{}>\n", tag, verdict,
                            xml(verdict + ": " + t.message), xml(detail), tag);
      }
      testcase(t.name, t.time_ms, inner);
    }
    all_tests += tests;
    all_failures += failures;
    all_errors += errors;
    body += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n{}  </testsuite>\n",
                        xml(suite), tests, failures, errors, seconds, cases);
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"pyjudge\" tests=\"{}\" "
                     "failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
                     all_tests, all_failures, all_errors, body);
}

void write_junit(const fs::path& file, const Records& records) { open_out(file) << junit_xml(records); }

namespace {

// What the report embeds of candidate text: enough to grade from, bounded so that 36+
// submissions of hostile output still make a page a browser opens.
constexpr std::size_t kShownField = 8 << 10;
constexpr std::size_t kShownCode = 64 << 10;

// Every test of a cell, with its data: the report is the grader's, hidden tests included.
nlohmann::json html_tests(const Record& r) {
  nlohmann::json tests = nlohmann::json::array();
  if (r.compile_error) {
    tests.push_back({{"name", "compile"}, {"verdict", "CE"}, {"sample", true},
                     {"message", cut_text(r.compile_error->message, kShownField)}});
  }
  for (const auto& t : r.tests) {
    nlohmann::json j = {{"name", cut_text(t.name, 200)}, {"verdict", verdict_code(t.verdict)}, {"sample", t.sample},
                        {"message", cut_text(t.message, kShownField)}, {"time_ms", t.time_ms},
                        {"memory_kib", t.memory_kib}};
    for (auto [key, value] : {std::pair{"input", &t.input}, {"expected", &t.expected}, {"got", &t.got},
                              {"diff", &t.diff}, {"traceback", &t.traceback}}) {
      if (!value->empty()) j[key] = cut_text(*value, kShownField);
    }
    tests.push_back(std::move(j));
  }
  return tests;
}

// The candidate's code as judged: read again through intake (bounded, no symlinks), and marked
// when the file (or any file of a solution folder) has changed since. A folder shows its entry.
void add_code(nlohmann::json& cell, const Record& r) {
  SubmissionFile f = read_submission(r.file);
  if (!f.refused.empty() || r.file_sha256.empty()) return;
  cell["code"] = cut_text(f.source, kShownCode);
  if (f.fingerprint() != r.file_sha256) cell["code_changed"] = true;
}

}  // namespace

void write_html(const fs::path& file, const Gradebook& book) {
  nlohmann::json slim = nlohmann::json::array();
  for (const auto& r : book.records) {
    nlohmann::json s = {{"candidate", r.candidate}, {"problem", r.problem}, {"file", book.shown_path(r)},
                        {"verdict", verdict_code(r.verdict)}, {"passed", r.passed}, {"total", r.total},
                        {"score", r.score}, {"max_score", r.max_score}, {"time_ms", r.time_ms},
                        {"memory_kib", r.memory_kib}};
    if (!r.error.empty()) s["error"] = cut_text(r.error, kShownField);
    if (!r.internal_error.empty()) s["error"] = cut_text("internal error: " + r.internal_error, kShownField);
    s["tests"] = html_tests(r);
    add_code(s, r);
    if (auto c = r.rest.find("complexity"); c != r.rest.end() && c->is_object()) {
      s["complexity"] = cut_text(c->value("summary", ""), kShownField);
    }
    slim.push_back(std::move(s));
  }
  auto now = std::chrono::system_clock::now();
  nlohmann::json data = {{"title", "pyjudge batch report"},
                         {"generated", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)))},
                         {"problems", book.problems},
                         {"candidates", book.candidates},
                         {"max_score", max_total(book)},
                         {"unmatched", book.unmatched},
                         {"skipped", book.skipped},
                         {"records", slim}};
  // Inside <script>: no "</script>", no "<!--" can appear once <, > and & are escaped.
  std::string json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), safe;
  for (char c : json) {
    if (c == '<') safe += "\\u003c";
    else if (c == '>') safe += "\\u003e";
    else if (c == '&') safe += "\\u0026";
    else safe += c;
  }
  std::string page(kReportTemplate);
  const std::string marker = "/*PYJUDGE_DATA*/null";
  auto at = page.find(marker);
  if (at == std::string::npos) throw std::logic_error("report template without its data marker");
  page.replace(at, marker.size(), safe);
  open_out(file) << page;
}

std::string markdown_summary(const Records& records) {
  // Markdown renders HTML and links: candidate text is escaped as HTML, '|' and line breaks
  // never end a cell or a row.
  auto cell = [](std::string s) {
    for (auto& c : s) {
      if (c == '|' || c == '\n' || c == '\r') c = ' ';
    }
    std::string out;
    for (char c : html_text(cut_text(s, 200))) out += c == '[' || c == ']' || c == '`' ? std::string("\\") + c : std::string(1, c);
    return out;
  };
  int accepted = 0;
  for (const auto& r : records) accepted += r.verdict == Verdict::AC;
  std::string md = fmt::format("### pyjudge: {} of {} solutions accepted\n\n", accepted, records.size());
  md += "| solution | problem | verdict | tests | first failure |\n|---|---|---|---|---|\n";
  for (const auto& r : records) {
    md += fmt::format("| {} | {} | {} {} | {}/{} | {} |\n", cell(r.file), cell(r.problem),
                      r.verdict == Verdict::AC ? "✅" : "❌", verdict_code(r.verdict), r.passed, r.total,
                      cell(first_failure(r)));
  }
  return md;
}

void append_step_summary(const fs::path& file, const Records& records) {
  std::ofstream out(file, std::ios::binary | std::ios::app);
  if (out) out << markdown_summary(records) << "\n";
  if (!out) throw std::runtime_error("cannot append to the step summary " + file.string());
}

}  // namespace pyjudge::batch
