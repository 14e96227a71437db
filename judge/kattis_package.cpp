#include "judge/kattis_package.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "judge/errors.hpp"
#include "judge/default_validator.hpp"
#include "judge/output_validator.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

// A YAML file of the package; an empty file is an empty mapping (problemtools accepts both).
YAML::Node load_yaml(const fs::path& file) {
  try {
    YAML::Node n = YAML::Load(read_problem_file(file));
    if (n.IsNull()) return YAML::Node(YAML::NodeType::Map);
    if (!n.IsMap()) throw SpecError(file, n.Mark().line + 1, "", "expected a mapping of fields");
    return n;
  } catch (const YAML::ParserException& e) {
    throw SpecError(file, e.mark.line + 1, "", e.msg);
  }
}

[[noreturn]] void fail(const fs::path& file, const YAML::Node& n, const std::string& field, const std::string& msg) {
  throw SpecError(file, n.Mark().line + 1, field, msg);
}

double number(const fs::path& file, const YAML::Node& n, const std::string& field) {
  try {
    double v = n.as<double>();
    if (!std::isfinite(v) || v <= 0) fail(file, n, field, "expected a positive number");
    return v;
  } catch (const YAML::Exception&) {
    fail(file, n, field, "expected a number");
  }
}

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Validator arguments: a string of space-separated words (legacy, 2023-07) or a list (2025-09).
std::vector<std::string> arguments(const fs::path& file, const YAML::Node& n, const std::string& field) {
  if (n.IsScalar()) return split_words(n.Scalar());
  if (!n.IsSequence()) fail(file, n, field, "expected a string or a list of strings");
  std::vector<std::string> out;
  for (const auto& w : n) {
    if (!w.IsScalar()) fail(file, w, field, "expected a string");
    out.push_back(w.Scalar());
  }
  return out;
}

std::string format_of(const fs::path& file, const YAML::Node& root) {
  if (!root["problem_format_version"]) return "legacy";
  std::string v = root["problem_format_version"].as<std::string>("");
  if (v == "legacy" || v.starts_with("legacy")) return "legacy";
  if (v.starts_with("2023-07")) return "2023-07";
  if (v.starts_with("2025-09") || v == "draft") return "2025-09";
  fail(file, root["problem_format_version"], "problem_format_version",
       "'" + v + "' is not one of: legacy, 2023-07, 2025-09");
}

std::string title_of(const YAML::Node& root, const std::string& fallback) {
  YAML::Node name = root["name"] ? root["name"] : root["title"];
  if (!name) return fallback;
  if (name.IsScalar()) return name.Scalar();
  if (name.IsMap()) {
    if (name["en"] && name["en"].IsScalar()) return name["en"].Scalar();
    for (const auto& kv : name) {
      if (kv.second.IsScalar()) return kv.second.Scalar();
    }
  }
  return fallback;
}

// The problem type, from `validation` (legacy: "custom interactive score") or `type`.
struct ProblemType {
  bool custom = false, interactive = false, scoring = false, other = false;
};

ProblemType type_of(const fs::path& file, const YAML::Node& root, const std::string& format) {
  ProblemType t;
  auto read = [&](const YAML::Node& n, const std::string& field) {
    std::vector<std::string> words = arguments(file, n, field);
    for (const auto& w : words) {
      if (w == "custom") t.custom = true;
      else if (w == "interactive") t.interactive = true;
      else if (w == "scoring" || w == "score") t.scoring = true;
      else if (w == "multi-pass" || w == "submit-answer") t.other = true;
      else if (w != "default" && w != "pass-fail") fail(file, n, field, "unknown problem type '" + w + "'");
    }
  };
  if (root["validation"]) read(root["validation"], "validation");
  if (root["type"]) read(root["type"], "type");
  if (format != "legacy") t.custom = false;  // newer formats: the output_validator folder decides
  if (t.other) {
    fail(file, root["type"] ? root["type"] : root["validation"], root["type"] ? "type" : "validation",
         "multi-pass and submit-answer problems are not supported yet (pass-fail, scoring and interactive are)");
  }
  return t;
}

// Memory and output limits are MiB in every version of the format.
Bytes mib_limit(const fs::path& file, const YAML::Node& limits, const char* field, double fallback, Bytes max) {
  double m = limits[field] ? number(file, limits[field], field) : fallback;
  auto bytes = static_cast<std::uint64_t>(m * 1024 * 1024);
  if (bytes > max.value) fail(file, limits[field], field, fmt::format("too large: at most {} MiB", max.value >> 20));
  return Bytes{bytes};
}

Millis seconds(double s) { return Millis(static_cast<std::int64_t>(std::ceil(s * 1000))); }

// limits: {time_limit, time_multiplier, time_safety_margin, memory, output} (legacy) and
// {time_limit, time_multipliers: {ac_to_time_limit, time_limit_to_tle}, ...} (2023-07 on);
// a legacy package's time limit may sit in .timelimit, as problemtools writes it.
void read_limits(Problem& p, const YAML::Node& root, const std::string& format) {
  const fs::path file = p.spec_file;
  YAML::Node limits = root["limits"] ? root["limits"] : YAML::Node(YAML::NodeType::Map);
  if (!limits.IsMap()) fail(file, limits, "limits", "expected a mapping");
  PackageInfo& info = *p.package;
  bool legacy = format == "legacy";
  info.time_multiplier = legacy ? 5 : 2;
  info.time_safety_margin = legacy ? 2 : 1.5;
  if (limits["time_multiplier"]) info.time_multiplier = number(file, limits["time_multiplier"], "time_multiplier");
  if (limits["time_safety_margin"]) info.time_safety_margin = number(file, limits["time_safety_margin"], "time_safety_margin");
  if (YAML::Node m = limits["time_multipliers"]) {
    if (m["ac_to_time_limit"]) info.time_multiplier = number(file, m["ac_to_time_limit"], "ac_to_time_limit");
    if (m["time_limit_to_tle"]) info.time_safety_margin = number(file, m["time_limit_to_tle"], "time_limit_to_tle");
  }
  constexpr Bytes kMaxMemory = mib(16 * 1024), kMaxOutput = mib(1024);
  p.limits.memory = mib_limit(file, limits, "memory", legacy ? 1024 : 2048, kMaxMemory);
  p.limits.output = mib_limit(file, limits, "output", 8, kMaxOutput);
  std::optional<double> time;
  if (limits["time_limit"]) time = number(file, limits["time_limit"], "time_limit");
  std::error_code ec;
  if (!time && fs::is_regular_file(p.dir / ".timelimit", ec)) {
    std::istringstream in(read_problem_file(p.dir / ".timelimit"));
    double t = 0;
    if (!(in >> t) || !std::isfinite(t) || t <= 0) throw SpecError(p.dir / ".timelimit", 1, "", "expected a number of seconds");
    time = t;
  }
  info.time_limit_given = time.has_value();
  if (time) {
    if (*time > 600) fail(file, limits["time_limit"], "time_limit", "must be at most 600 s");
    p.limits = with_time_limit(p.limits, seconds(*time));
  }
}

// testdata.yaml (legacy, 2023-07) or test_group.yaml (2025-09) of one folder, on top of its
// parent's settings.
struct GroupSettings {
  std::vector<std::string> validator_args;
  bool scoring = false;
  std::int64_t accept_score = 1;
};

GroupSettings group_settings(const fs::path& dir, GroupSettings inherited) {
  for (const char* name : {"testdata.yaml", "test_group.yaml"}) {
    fs::path file = dir / name;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) continue;
    YAML::Node n = load_yaml(file);
    for (const char* field : {"output_validator_flags", "output_validator_args"}) {
      if (n[field]) inherited.validator_args = arguments(file, n[field], field);
    }
    if (YAML::Node r = n["on_reject"]) {
      std::string v = r.as<std::string>("");
      if (v != "break" && v != "continue") fail(file, r, "on_reject", "expected break or continue");
    }
    if (YAML::Node g = n["grading"]) {
      std::string v = g.as<std::string>("");
      if (v != "default" && v != "custom") fail(file, g, "grading", "expected default or custom");
      if (v == "custom") fail(file, g, "grading", "custom graders are not supported (the default grader is)");
    }
    if (YAML::Node s = n["accept_score"]) {
      try {
        inherited.accept_score = s.as<std::int64_t>();
      } catch (const YAML::Exception&) {
        fail(file, s, "accept_score", "expected a whole number of points");
      }
      if (inherited.accept_score < 0) fail(file, s, "accept_score", "must not be negative");
    }
  }
  return inherited;
}

class DataReader {
 public:
  DataReader(Problem& p, bool custom_validator) : p_(p), custom_(custom_validator) {}

  // problemtools' order: each folder's entries sorted by name, files and subfolders
  // interleaved, a subfolder's tests where the subfolder sorts; data/sample before data/secret.
  void read() {
    fs::path data = p_.dir / "data";
    GroupSettings root = group_settings(data, base_settings());
    for (const char* top : {"sample", "secret"}) {
      std::error_code ec;
      if (fs::is_directory(data / top, ec)) walk(data / top, group_settings(data / top, root), top == std::string("sample"));
    }
    if (p_.tests.empty()) throw SpecError(data, 0, "", "no tests: expected data/sample/*.in and data/secret/*.in with .ans files");
  }

 private:
  GroupSettings base_settings() const {
    GroupSettings s;
    YAML::Node root = load_yaml(p_.spec_file);
    for (const char* field : {"validator_flags", "output_validator_args", "output_validator_flags"}) {
      if (root[field]) s.validator_args = arguments(p_.spec_file, root[field], field);
    }
    return s;
  }

  void walk(const fs::path& dir, const GroupSettings& settings, bool sample) {
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().string() < b.filename().string();
    });
    for (const auto& e : entries) {
      std::error_code ec;
      if (fs::is_directory(e, ec)) {
        walk(e, group_settings(e, settings), sample);
      } else if (e.extension() == ".in" && fs::is_regular_file(fs::path(e).replace_extension(".ans"), ec)) {
        add_test(e, settings, sample);
      }
    }
  }

  void add_test(const fs::path& in, const GroupSettings& settings, bool sample) {
    TestCase t;
    fs::path ans = fs::path(in).replace_extension(".ans");
    t.name = fs::relative(in, p_.dir / "data").replace_extension("").generic_string();
    t.sample = sample;
    t.origin = {in, 0};
    t.input.stdin_data = read_problem_file(in);
    t.expected_output = read_problem_file(ans);
    t.input_file = in;
    t.answer_file = ans;
    std::error_code ec;
    if (fs::path shown = fs::path(in).replace_extension(".interaction"); sample && fs::is_regular_file(shown, ec)) {
      t.interaction = read_problem_file(shown);
    }
    t.validator_args = settings.validator_args;
    if (!custom_) {
      try {
        t.compare_options = parse_default_validator_flags(settings.validator_args);
      } catch (const UsageError& e) {
        throw SpecError(in.parent_path() / "testdata.yaml", 0, "output_validator_flags", e.what());
      }
    }
    if (p_.package->scoring && !sample) t.points = settings.accept_score;
    p_.tests.push_back(std::move(t));
  }

  Problem& p_;
  bool custom_;
};

// statement/ (2023-07 on) or problem_statement/ (legacy): Markdown first, then LaTeX, English
// first, then a language-neutral file, then any language.
fs::path statement_of(const fs::path& dir) {
  for (const char* folder : {"statement", "problem_statement"}) {
    for (const char* name : {"problem.en.md", "problem.md", "problem.en.tex", "problem.tex"}) {
      std::error_code ec;
      if (fs::is_regular_file(dir / folder / name, ec)) return dir / folder / name;
    }
    std::error_code ec;
    std::vector<fs::path> others;
    for (const auto& e : fs::directory_iterator(dir / folder, ec)) {
      std::string n = e.path().filename().string();
      if (n.starts_with("problem.") && (n.ends_with(".md") || n.ends_with(".tex"))) others.push_back(e.path());
    }
    std::sort(others.begin(), others.end());
    if (!others.empty()) return others.front();
  }
  return dir / "problem_statement" / "problem.en.tex";
}

std::optional<fs::path> first_existing(const fs::path& dir, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    std::error_code ec;
    if (fs::is_directory(dir / n, ec)) return dir / n;
  }
  return std::nullopt;
}

std::vector<fs::path> programs_in(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void read_validators(Problem& p, const ProblemType& type) {
  auto folder = first_existing(p.dir, {"output_validators", "output_validator"});
  bool custom = p.package->format == "legacy" ? type.custom : folder.has_value();
  if ((custom || type.interactive) && !folder) {
    throw SpecError(p.spec_file, 0, "validation",
                    type.interactive ? "an interactive problem needs its interactor in output_validators/"
                                     : "custom validation needs an output_validators/ folder");
  }
  custom = custom || type.interactive;
  if (custom) {
    // Legacy packages hold the program in a folder of its own: output_validators/<name>/.
    std::vector<fs::path> entries = programs_in(*folder);
    fs::path program = entries.size() == 1 && fs::is_directory(entries.front()) ? entries.front() : *folder;
    try {
      p.output_validator = prepare_validator(program, validator_cache_dir());
      p.output_validator->source = fs::relative(program, p.dir);  // as messages name it
    } catch (const std::runtime_error& e) {
      throw SpecError(*folder, 0, "", e.what());
    }
  }
  if (auto inputs = first_existing(p.dir, {"input_validators", "input_validator", "input_format_validators"})) {
    // 2025-09's input_validator/ is one program; the legacy folder holds one per entry.
    if (inputs->filename() == "input_validator") p.package->input_validators.push_back(*inputs);
    else p.package->input_validators = programs_in(*inputs);
  }
}

}  // namespace

// A native problem may have a data/ folder of its own; it always has `mode:`, which no package
// format has.
bool is_kattis_package(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / "problem.yaml", ec)) return false;
  if (!fs::is_directory(dir / "data" / "sample", ec) && !fs::is_directory(dir / "data" / "secret", ec)) return false;
  try {
    YAML::Node root = YAML::LoadFile((dir / "problem.yaml").string());
    return !(root.IsMap() && root["mode"]);
  } catch (const YAML::Exception&) {
    return true;  // the package loader reports where the YAML is broken
  }
}

Limits with_time_limit(Limits limits, Millis time) {
  limits.time = time;
  limits.wall = std::max(time * 3, time + Millis(1000));
  return limits;
}

Problem load_kattis_package(const fs::path& dir) {
  Problem p;
  p.dir = dir;
  p.spec_file = dir / "problem.yaml";
  p.id = fs::weakly_canonical(dir).filename().string();
  p.mode = Mode::Stdio;
  p.prelude = Prelude::None;
  p.compare = CompareMode::Tokens;
  p.compare_options = parse_default_validator_flags({});
  p.package.emplace();
  return on_user_path(dir, [&] {
    YAML::Node root = load_yaml(p.spec_file);
    p.package->format = format_of(p.spec_file, root);
    p.title = title_of(root, p.id);
    ProblemType type = type_of(p.spec_file, root, p.package->format);
    p.package->scoring = type.scoring;
    p.package->interactive = type.interactive;
    read_limits(p, root, p.package->format);
    read_validators(p, type);
    p.statement_file = statement_of(dir);
    DataReader(p, p.output_validator.has_value()).read();
    return p;
  });
}

std::vector<LabelledSubmission> labelled_submissions(const Problem& package) {
  static const std::pair<const char*, std::vector<Verdict>> labels[] = {
      {"accepted", {Verdict::AC}},
      {"wrong_answer", {Verdict::WA}},
      {"time_limit_exceeded", {Verdict::TLE}},
      {"run_time_error", {Verdict::RE, Verdict::MLE}},
  };
  std::vector<LabelledSubmission> out;
  for (const auto& [label, verdicts] : labels) {
    for (const auto& f : programs_in(package.dir / "submissions" / label)) {
      std::error_code ec;
      // A file, or a folder with an entry file (judge/solution_folder.hpp), as Kattis allows.
      bool folder = fs::is_directory(fs::symlink_status(f, ec));
      if ((fs::is_regular_file(f, ec) && f.extension() == ".py") || folder) out.push_back({f, label, verdicts});
    }
  }
  return out;
}

Millis derived_time_limit(const Problem& package, const std::vector<TestCase>& tests, const RunnerFactory& make_runner) {
  auto submissions = labelled_submissions(package);
  if (std::none_of(submissions.begin(), submissions.end(), [](auto& s) { return s.label == "accepted"; })) {
    throw SpecError(package.spec_file, 0, "time_limit",
                    "no time limit (.timelimit or limits.time_limit) and no submissions/accepted/*.py to derive one from");
  }
  Problem generous = package;
  generous.limits = with_time_limit(package.limits, Millis(60'000));
  Micros slowest{0};
  for (const auto& s : submissions) {
    if (s.label != "accepted") continue;
    SubmissionReport r = judge_file(generous, tests, s.file, make_runner, JudgeOptions{});
    if (r.verdict != Verdict::AC) {
      throw JudgeError(fmt::format("{}: the package gives no time limit, and this accepted submission gets {} "
                                   "with 60 s per test, so none can be derived",
                                   fs::relative(s.file, package.dir).string(), verdict_code(r.verdict)));
    }
    for (const auto& t : r.tests) slowest = std::max(slowest, t.cpu);
  }
  // problemtools: slowest x time_multiplier, rounded up to whole seconds.
  double s = std::chrono::duration<double>(slowest).count() * package.package->time_multiplier;
  return Millis(1000 * std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(s))));
}

void settle_time_limit(Problem& problem, const RunnerFactory& make_runner) {
  if (!problem.package || problem.package->time_limit_given) return;
  problem.limits = with_time_limit(problem.limits, derived_time_limit(problem, problem.tests, make_runner));
  problem.package->time_limit_given = true;
}

}  // namespace pyjudge
