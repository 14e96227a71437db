#include "serve/judging.hpp"

#include <fstream>
#include <sstream>

#include "judge/custom_input.hpp"
#include "judge/feedback.hpp"
#include "judge/complexity.hpp"
#include "judge/redact.hpp"
#include "protocol/files.hpp"
#include "judge/problems.hpp"
#include "judge/python_host.hpp"
#include "judge/report.hpp"
#include "serve/markdown.hpp"

namespace pyjudge::serve {

namespace fs = std::filesystem;

namespace {


std::size_t indent_of(const std::string& line) { return line.find_first_not_of(' '); }

int paren_balance(const std::string& text) {
  int depth = 0;
  for (char c : text) depth += (c == '(' || c == '[') - (c == ')' || c == ']');
  return depth;
}

bool starts_def(const std::string& body) { return body.starts_with("def ") || body.starts_with("async def "); }

}  // namespace

std::string starter_skeleton(const std::string& reference) {
  std::istringstream in(reference);
  std::string line, out, header;
  bool in_class = false, class_empty = false, after_decorator = false;
  std::size_t header_indent = 0;
  auto close_class = [&] {
    if (in_class && class_empty) out += "    pass\n";
    in_class = false;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!header.empty()) {  // a signature over several lines
      header += line + "\n";
      if (paren_balance(header) > 0 || line.empty() || line.back() != ':') continue;
      out += header + std::string(header_indent + 4, ' ') + "pass\n";
      header.clear();
      continue;
    }
    std::size_t ind = indent_of(line);
    if (ind == std::string::npos || line[ind] == '#') continue;
    std::string body = line.substr(ind);
    if (ind == 0 && !body.starts_with("@") && !starts_def(body)) close_class();
    if (ind == 0 && (body.starts_with("import ") || body.starts_with("from "))) out += line + "\n";
    if (ind == 0 && body.starts_with("class ")) {
      out += "\n" + line + "\n";
      in_class = body.back() == ':';
      class_empty = in_class;
      continue;
    }
    bool method = ind == 4 && in_class;
    if (ind == 0 && (starts_def(body) || body.starts_with("@"))) close_class();
    if (!(ind == 0 || method)) continue;
    std::string blank = ind == 0 && !after_decorator ? "\n" : "";
    after_decorator = body.starts_with("@");
    if (after_decorator) {
      out += blank + line + "\n";
      continue;
    }
    if (!starts_def(body)) continue;
    if (method) class_empty = false;
    if (paren_balance(body) > 0) {
      header = blank + line + "\n";
      header_indent = ind;
      continue;
    }
    if (body.back() != ':') continue;  // a one-line def
    out += blank + line + "\n" + std::string(ind + 4, ' ') + "pass\n";
  }
  close_class();
  auto first = out.find_first_not_of('\n');
  return first == std::string::npos ? "" : out.substr(first);
}

namespace {

std::string starter_for(const Problem& p) {
  std::error_code ec;
  if (fs::is_regular_file(p.dir / "starter.py", ec)) return read_file_head(p.dir / "starter.py", 64 * 1024).data;
  if (p.mode != Mode::Stdio) {
    if (auto ref = reference_solution(p)) {
      std::string s = starter_skeleton(read_file_head(*ref, 256 * 1024).data);
      if (!s.empty()) return s;
    }
  }
  if (p.mode == Mode::Stdio) return "import sys\n\n# Read the input from sys.stdin and print the answer.\n";
  return "# Write your code here.\n";
}

nlohmann::json samples_of(const Problem& p) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : p.tests) {
    if (!t.sample) continue;
    nlohmann::json s = {{"name", t.name}, {"input", describe_input(p, t)}};
    if (t.expected) s["expected"] = repr(*t.expected);
    else if (t.expected_output) s["expected"] = *t.expected_output;
    else if (!t.raises.empty()) s["expected"] = "raises " + t.raises;
    out.push_back(std::move(s));
  }
  return out;
}

// Custom inputs become sample-like tests `custom-N` (judge/custom_input), each with the expected
// value the reference computes in its own box; an input that does not parse, or on which the
// reference fails, is left out with the reason (a note), and the others still run.
std::vector<TestCase> custom_tests(const Problem& p, const std::vector<std::string>& inputs, nlohmann::json& notes) {
  std::vector<TestCase> out;
  if (inputs.empty()) return out;
  if (!reference_solution(p)) {
    notes.push_back({{"index", 0}, {"reason", "this problem has no reference solution to compute expected values"}});
    return out;
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    CustomInput in;
    if (p.mode == Mode::Stdio) in.stdin_data = inputs[i];
    else in.args = inputs[i];
    try {
      TestCase test = custom_test(p, in);
      test.name = "custom-" + std::to_string(i + 1);
      out.push_back(with_reference_expected(p, std::move(test), make_box_runner));
    } catch (const std::exception& e) {  // UsageError (the input), JudgeError (the reference)
      std::string what = e.what();
      notes.push_back({{"index", i}, {"reason", what.substr(0, what.find('\n')).substr(0, 500)}});
    }
  }
  return out;
}

// A test as the interviewer sees it (everything the judge kept), carrying the candidate's view
// under "candidate" when the two differ: that view is made by redacted(), the one function that
// redacts `run` too, and serve/redact.cpp picks it for the candidate's role.
nlohmann::json test_json(const TestReport& t) {
  nlohmann::json jt = to_json(t);
  if (!t.sample) jt["candidate"] = to_json(redacted(t, Audience::Candidate));
  return jt;
}

// The interviewer's scaling report of a submit; a failure of the analysis is an inconclusive
// report, never the attempt's.
ComplexityReport complexity_of(const Problem& p, const AttemptRequest& request) {
  ComplexityOptions options;
  options.budget = Micros(static_cast<std::int64_t>(request.complexity_budget_s * 1e6));
  try {
    return analyse_complexity(p, SourceFile{"solution.py", request.source}, make_box_runner, options);
  } catch (const std::exception& e) {
    ComplexityReport failed;
    failed.inconclusive = std::string("the analysis failed: ") + e.what();
    return failed;
  }
}

}  // namespace

void start_host_python() {
  // Starts the interpreter on this thread; the host then takes the interpreter's lock around
  // each of its calls, from whichever worker thread makes them.
  host::is_builtin_name("len");
}

std::map<std::string, CatalogueEntry> load_catalogue(const fs::path& dir, std::ostream& warnings) {
  std::map<std::string, CatalogueEntry> out;
  for (const auto& d : problem_dirs(dir)) {
    try {
      CatalogueEntry e{load_problem(d), "", "", nlohmann::json::array()};
      e.statement_html = markdown_to_html(read_file_head(d / "statement.md", 256 * 1024).data);
      e.starter = starter_for(e.problem);
      e.samples = samples_of(e.problem);
      std::string id = e.problem.id;
      out.emplace(id, std::move(e));
    } catch (const SpecError& e) {
      warnings << "pyjudge serve: skipping " << d.string() << ": " << e.what() << "\n";
    }
  }
  return out;
}

std::shared_ptr<const PreparedProblem> prepare(const Problem& problem) {
  auto p = std::make_shared<PreparedProblem>();
  p->problem = &problem;
  p->tests = all_tests(problem, make_box_runner);
  return p;
}

bool accepts_custom_inputs(const Problem& problem) {
  return problem.mode == Mode::Function || problem.mode == Mode::Stdio;
}

namespace {

// The server's sink of judge_submission(): each finished test leaves as its event object.
class EventSink final : public JudgeSink {
 public:
  explicit EventSink(const std::function<void(const nlohmann::json&)>& on_test) : on_test_(on_test) {}
  void test_finished(const TestReport& t) override { on_test_(test_json(t)); }
  void end(const SubmissionReport& r) override {
    result_ = to_json(r);
    for (std::size_t i = 0; i < r.tests.size(); ++i) result_["tests"][i] = test_json(r.tests[i]);
  }
  nlohmann::json take() { return std::move(result_); }

 private:
  const std::function<void(const nlohmann::json&)>& on_test_;
  nlohmann::json result_;
};

}  // namespace

nlohmann::json judge_attempt(const PreparedProblem& prepared, const AttemptRequest& request,
                             const std::function<void(const nlohmann::json&)>& on_test, nlohmann::json& notes) {
  const Problem& p = *prepared.problem;
  JudgeOptions options;
  options.tests = &prepared.tests;
  if (request.kind != "submit") {
    options.samples_only = true;
    if (accepts_custom_inputs(p)) options.custom = custom_tests(p, request.inputs, notes);
  }
  EventSink events(on_test);
  judge_submission(p, SourceFile{"solution.py", request.source}, options, events);
  nlohmann::json j = events.take();
  if (request.kind == "submit" && request.complexity_budget_s > 0 && !j.contains("compile_error")) {
    j["complexity"] = to_json(complexity_of(p, request));
  }
  return j;
}

}  // namespace pyjudge::serve
