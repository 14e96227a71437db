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

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

double num(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::ofstream open_out(const fs::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return out;
}

std::string csv_cell(const std::string& s) { return csv_field(s); }

// XML 1.0 text and attribute values: the HTML escaping fits (&#39; is XML too).
std::string xml(const std::string& s) { return html_text(s); }

const char* colour_of(const std::string& verdict) {
  if (verdict == "AC") return "\x1b[32m";
  if (verdict == "TLE" || verdict == "MLE" || verdict == "OLE") return "\x1b[33m";
  if (verdict == "IE" || verdict == "CE") return "\x1b[35m";
  return "\x1b[31m";
}

}  // namespace

std::string first_failure(const nlohmann::json& r) {
  if (r.contains("error")) return str(r, "error");
  if (r.contains("compile_error")) return "compile error: " + str(r["compile_error"], "message");
  if (r.contains("internal_error")) return "internal error: " + str(r, "internal_error");
  for (const auto& t : r.value("tests", nlohmann::json::array())) {
    if (str(t, "verdict") != "AC") return str(t, "name") + ": " + str(t, "message");
  }
  return "";
}

void print_summary(std::ostream& out, const Records& records, bool colour) {
  std::set<std::string> problems_set;
  std::map<std::string, std::map<std::string, const nlohmann::json*>> grid;
  for (const auto& r : records) {
    problems_set.insert(str(r, "problem"));
    grid[str(r, "candidate")][str(r, "problem")] = &r;
  }
  std::vector<std::string> problems(problems_set.begin(), problems_set.end());
  std::size_t name_width = 9;
  for (const auto& [c, row] : grid) name_width = std::max(name_width, terminal_line(c).size());
  std::vector<std::size_t> widths;
  out << fmt::format("{:<{}}", "CANDIDATE", name_width);
  for (const auto& p : problems) {
    widths.push_back(std::max<std::size_t>(terminal_line(p).size(), 9));
    out << "  " << fmt::format("{:<{}}", terminal_line(p), widths.back());
  }
  out << "  SOLVED  SCORE\n";
  for (const auto& [candidate, row] : grid) {
    out << fmt::format("{:<{}}", terminal_line(candidate), name_width);
    int solved = 0;
    double score = 0, max_score = 0;
    for (std::size_t i = 0; i < problems.size(); ++i) {
      auto it = row.find(problems[i]);
      std::string cell = "-";
      std::string verdict;
      if (it != row.end()) {
        const auto& r = *it->second;
        verdict = str(r, "verdict");
        solved += verdict == "AC";
        score += num(r, "score");
        max_score += num(r, "max_score");
        cell = fmt::format("{} {}/{}", verdict, r.value("passed", 0), r.value("total", 0));
      }
      std::string padded = fmt::format("{:<{}}", cell, widths[i]);
      out << "  " << (colour && !verdict.empty() ? colour_of(verdict) + padded + "\x1b[0m" : padded);
    }
    out << fmt::format("  {:>6}  {:g}/{:g}\n", solved, score, max_score);
  }
}

void write_csv(const fs::path& file, const Records& records) {
  auto out = open_out(file);
  out << "candidate,problem,verdict,passed,total,score,max_score,time_ms,memory_kib,file,first_failure\n";
  for (const auto& r : records) {
    out << csv_cell(str(r, "candidate")) << ',' << csv_cell(str(r, "problem")) << ',' << str(r, "verdict") << ','
        << r.value("passed", 0) << ',' << r.value("total", 0) << ',' << num(r, "score") << ','
        << num(r, "max_score") << ',' << num(r, "time_ms") << ',' << r.value("memory_kib", 0) << ','
        << csv_cell(str(r, "file")) << ',' << csv_cell(first_failure(r)) << '\n';
  }
}

std::string junit_xml(const Records& records) {
  std::string body;
  int all_tests = 0, all_failures = 0, all_errors = 0;
  for (const auto& r : records) {
    std::string suite = str(r, "candidate") + "/" + str(r, "problem");
    std::string classname = str(r, "candidate") + "." + str(r, "problem");
    std::string cases;
    int tests = 0, failures = 0, errors = 0;
    double seconds = 0;
    auto testcase = [&](const std::string& name, double ms, const std::string& inner) {
      ++tests;
      seconds += ms / 1000;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml(classname), xml(name), ms / 1000);
      cases += inner.empty() ? "/>\n" : ">\n" + inner + "    </testcase>\n";
    };
    if (r.contains("error") || r.contains("internal_error")) {
      ++errors;
      std::string msg = first_failure(r);
      testcase("judge", 0, fmt::format("      <error type=\"IE\" message=\"{}\">{}</error>\n", xml(msg), xml(msg)));
    } else if (r.contains("compile_error")) {
      ++failures;
      std::string msg = str(r["compile_error"], "message");
      std::string kind = str(r["compile_error"], "kind");  // IndentationError is not a SyntaxError to a reader
      testcase("compile", 0, fmt::format("      <failure type=\"CE\" message=\"{}\">{}</failure>\n",
                                         xml(kind.empty() ? "compile error" : kind), xml(msg)));
    }
    for (const auto& t : r.value("tests", nlohmann::json::array())) {
      std::string verdict = str(t, "verdict");
      std::string inner;
      if (verdict != "AC") {
        std::string detail = str(t, "message");
        for (const char* field : {"input", "expected", "got", "diff", "traceback"}) {
          if (t.contains(field)) detail += fmt::format("\n{}:\n{}", field, str(t, field));
        }
        const char* tag = verdict == "IE" ? "error" : "failure";
        (verdict == "IE" ? errors : failures) += 1;
        inner = fmt::format("      <{} type=\"{}\" message=\"{}\">{}</{}>\n", tag, verdict,
                            xml(verdict + ": " + str(t, "message")), xml(detail), tag);
      }
      testcase(str(t, "name"), num(t, "time_ms"), inner);
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

void write_html(const fs::path& file, const Records& records) {
  std::set<std::string> problems, candidates;
  nlohmann::json slim = nlohmann::json::array();
  for (const auto& r : records) {
    problems.insert(str(r, "problem"));
    candidates.insert(str(r, "candidate"));
    nlohmann::json s;
    for (const char* k : {"candidate", "problem", "file", "verdict", "passed", "total", "score", "max_score",
                          "time_ms", "memory_kib", "error"}) {
      if (r.contains(k)) s[k] = r[k];
    }
    // The cell's detail is its first failing test; the rest of the tests stay in results.jsonl.
    nlohmann::json tests = nlohmann::json::array();
    for (const auto& t : r.value("tests", nlohmann::json::array())) {
      if (str(t, "verdict") != "AC") {
        tests.push_back({{"name", t.value("name", "")}, {"verdict", t.value("verdict", "")},
                         {"sample", t.value("sample", false)}, {"message", t.value("message", "")},
                         {"time_ms", t.value("time_ms", 0.0)}, {"memory_kib", t.value("memory_kib", 0)}});
        break;
      }
    }
    if (r.contains("compile_error") && tests.empty()) {
      tests.push_back({{"name", "compile"}, {"verdict", "CE"}, {"sample", true},
                       {"message", str(r["compile_error"], "message")}, {"time_ms", 0}, {"memory_kib", 0}});
    }
    s["tests"] = tests;
    if (r.contains("complexity") && r["complexity"].is_object()) s["complexity"] = str(r["complexity"], "summary");
    slim.push_back(std::move(s));
  }
  auto now = std::chrono::system_clock::now();
  nlohmann::json data = {{"title", "pyjudge batch report"},
                         {"generated", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)))},
                         {"problems", problems},
                         {"candidates", candidates},
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
  for (const auto& r : records) accepted += str(r, "verdict") == "AC";
  std::string md = fmt::format("### pyjudge: {} of {} solutions accepted\n\n", accepted, records.size());
  md += "| solution | problem | verdict | tests | first failure |\n|---|---|---|---|---|\n";
  for (const auto& r : records) {
    md += fmt::format("| {} | {} | {} {} | {}/{} | {} |\n", cell(str(r, "file")), cell(str(r, "problem")),
                      str(r, "verdict") == "AC" ? "✅" : "❌", str(r, "verdict"), r.value("passed", 0),
                      r.value("total", 0), cell(first_failure(r)));
  }
  return md;
}

}  // namespace pyjudge::batch
