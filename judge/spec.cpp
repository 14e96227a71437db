#include "judge/spec.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "protocol/files.hpp"
#include "judge/cache.hpp"
#include "judge/kattis_package.hpp"
#include "judge/python_host.hpp"
#include "judge/scaling_fit.hpp"
#include "protocol/utf8.hpp"
#include "protocol/wire.hpp"

namespace pyjudge {

SpecError::SpecError(std::filesystem::path file, int line, std::string field, const std::string& message)
    : std::runtime_error(fmt::format("{}:{}: {}{}", file.string(), line,
                                     field.empty() ? "" : "'" + field + "': ", message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

std::string read_problem_file(const std::filesystem::path& file) {
  FileContents f = read_whole_file(file, kMaxProblemFile);
  if (!f.ok()) throw SpecError(file, 0, "", "cannot read it: " + f.error);
  return std::move(f.data);
}

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::Function: return "function";
    case Mode::Stdio: return "stdio";
    case Mode::Design: return "design";
    case Mode::Script: return "script";
  }
  return "?";
}

const char* compare_name(CompareMode m) {
  switch (m) {
    case CompareMode::Exact: return "exact";
    case CompareMode::Unordered: return "unordered";
    case CompareMode::Float: return "float";
    case CompareMode::Tokens: return "tokens";
    case CompareMode::Lines: return "lines";
    case CompareMode::Checker: return "checker";
  }
  return "?";
}

namespace {

namespace fs = std::filesystem;


// JSON writes a character outside the BMP as a UTF-16 surrogate pair ("\\ud83d\\ude00", what
// json.dumps gives for an emoji) and YAML 1.2 reads JSON, but yaml-cpp rejects each half as an
// invalid code point. It stops exactly there, inside a double-quoted scalar (the only place
// escapes exist), with its mark just after the first half: if a low half follows, the pair is
// rewritten as the one 8-digit escape it stands for and the text parsed again. A lone half
// stays an error. (A parse per pair: specs with many of them are what the test cache is for.)
bool join_surrogate_pair(std::string& text, const YAML::Mark& mark) {
  auto code_at = [&](std::size_t at) -> long {
    if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
    std::string digits = text.substr(at + 2, 4);
    if (digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return -1;
    return std::stol(digits, nullptr, 16);
  };
  if (mark.pos < 6 || static_cast<std::size_t>(mark.pos) > text.size()) return false;
  std::size_t high_at = static_cast<std::size_t>(mark.pos) - 6;
  long high = code_at(high_at), low = code_at(high_at + 6);
  if (high < 0xD800 || high > 0xDBFF || low < 0xDC00 || low > 0xDFFF) return false;
  long code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  text.replace(high_at, 12, fmt::format("\\U{:08X}", code));
  return true;
}

std::string spec_message(const std::string& yaml_message) {
  if (yaml_message.starts_with("invalid unicode")) {
    return yaml_message + " (a lone UTF-16 surrogate: \\ud83d must be followed by its low half, as in \\ud83d\\ude00)";
  }
  return yaml_message;
}

// Reads one YAML document and reports errors against the file being read.
class SpecReader {
 public:
  explicit SpecReader(fs::path file) : file_(std::move(file)) {}

  YAML::Node load() {
    std::error_code ec;
    if (fs::is_directory(file_, ec)) throw SpecError(file_, 1, "", "is a directory, not a YAML file");
    FileContents read = read_whole_file(file_, kMaxProblemFile);
    if (!read.ok()) throw SpecError(file_, 1, "", "cannot read the file: " + read.error);
    std::string text = std::move(read.data);
    if (auto bad = first_invalid_utf8(text)) {
      int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
      throw SpecError(file_, line, "", fmt::format("not UTF-8: byte 0x{:02x} at offset {} (save the file as UTF-8)",
                                                   static_cast<unsigned char>(text[*bad]), *bad));
    }
    YAML::Node root;
    for (;;) {
      try {
        root = YAML::Load(text);
        break;
      } catch (const YAML::ParserException& e) {
        if (!join_surrogate_pair(text, e.mark)) throw SpecError(file_, e.mark.line + 1, "", spec_message(e.msg));
      }
    }
    if (root.IsNull()) throw SpecError(file_, 1, "", "the file is empty: expected a mapping of fields");
    reject_duplicate_keys(root);
    return root;
  }

  // yaml-cpp keeps every pair of a mapping and answers n["key"] with the first: a second
  // `expected:` in one test would be silently ignored. YAML forbids duplicate keys; so do we.
  void reject_duplicate_keys(const YAML::Node& n) const {
    if (n.IsSequence()) {
      for (const auto& item : n) reject_duplicate_keys(item);
    } else if (n.IsMap()) {
      std::map<std::string, int> seen;
      for (const auto& kv : n) {
        if (kv.first.IsScalar()) {
          auto [it, fresh] = seen.emplace(kv.first.Scalar(), kv.first.Mark().line + 1);
          if (!fresh) {
            fail(kv.first, kv.first.Scalar(),
                 fmt::format("duplicate key (first at line {}); the second would be ignored", it->second));
          }
        }
        reject_duplicate_keys(kv.second);
      }
    }
  }

  [[noreturn]] void fail(const YAML::Node& n, const std::string& field, const std::string& msg) const {
    throw SpecError(file_, n.Mark().line + 1, field, msg);
  }

  Location origin(const YAML::Node& n) const { return {file_, n.Mark().line + 1}; }

  std::string str(const YAML::Node& n, const std::string& field) const {
    if (!n.IsScalar()) fail(n, field, "expected a string");
    return n.Scalar();
  }

  bool boolean(const YAML::Node& n, const std::string& field) const {
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      fail(n, field, "expected true or false");
    }
  }

  double number(const YAML::Node& n, const std::string& field) const {
    try {
      return n.as<double>();
    } catch (const YAML::Exception&) {
      fail(n, field, "expected a number");
    }
  }

  std::int64_t integer(const YAML::Node& n, const std::string& field) const {
    try {
      return n.as<std::int64_t>();
    } catch (const YAML::Exception&) {
      fail(n, field, "expected an integer");
    }
  }

  template <typename E, std::size_t N>
  E choice(const YAML::Node& n, const std::string& field,
           const std::pair<const char*, E> (&options)[N]) const {
    std::string s = str(n, field);
    std::string names;
    for (const auto& [name, value] : options) {
      if (s == name) return value;
      names += names.empty() ? name : std::string(", ") + name;
    }
    fail(n, field, fmt::format("'{}' is not one of: {}", s, names));
  }

  void only_fields(const YAML::Node& map, std::initializer_list<const char*> known,
                   const char* what) const {
    if (!map.IsMap()) fail(map, what, "expected a mapping");
    std::set<std::string> ok(known.begin(), known.end());
    for (const auto& kv : map) {
      std::string key = kv.first.Scalar();
      if (!ok.count(key)) fail(kv.first, key, fmt::format("unknown field in {}", what));
    }
  }

  Value value(const YAML::Node& n, const std::string& field) const {
    const std::string& tag = n.Tag();
    if (tag == "!py") {
      try {
        return host::literal_eval(str(n, field));
      } catch (const std::runtime_error& e) {
        fail(n, field, e.what());
      }
    }
    if (tag == "!ListNode" || tag == "!TreeNode") return structure(n, field, tag == "!ListNode");
    if (!tag.empty() && tag != "?" && tag != "!" && tag.rfind("tag:yaml.org,2002:", 0) != 0) {
      fail(n, field, fmt::format("unknown tag '{}' (use !py, !ListNode or !TreeNode)", tag));
    }
    switch (n.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined: return Value::none();
      case YAML::NodeType::Scalar: return scalar(n, field);
      case YAML::NodeType::Sequence: {
        Value v = Value::sequence(Value::Kind::List, {});
        for (const auto& item : n) v.items.push_back(value(item, field));
        return v;
      }
      case YAML::NodeType::Map: {
        Value v = Value::sequence(Value::Kind::Dict, {});
        for (const auto& kv : n) {
          v.items.push_back(value(kv.first, field));
          v.items.push_back(value(kv.second, field));
        }
        return v;
      }
    }
    return Value::none();
  }

 private:
  // YAML 1.2 core schema for plain scalars; quoted scalars are always strings.
  Value scalar(const YAML::Node& n, const std::string& field) const {
    const std::string& s = n.Scalar();
    if (n.Tag() == "!") return Value::of_str(s);
    static const std::regex null_re("~|null|Null|NULL|");
    static const std::regex true_re("true|True|TRUE");
    static const std::regex false_re("false|False|FALSE");
    static const std::regex int_re("[-+]?[0-9]+");
    static const std::regex hex_re("0x[0-9a-fA-F]+");
    static const std::regex oct_re("0o[0-7]+");
    static const std::regex float_re(
        "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    if (std::regex_match(s, null_re)) return Value::none();
    if (std::regex_match(s, true_re)) return Value::of_bool(true);
    if (std::regex_match(s, false_re)) return Value::of_bool(false);
    if (std::regex_match(s, int_re)) {
      errno = 0;
      long long v = std::strtoll(s.c_str(), nullptr, 10);
      if (errno != ERANGE) return Value::of_int(v);
      try {
        return host::big_integer(s);
      } catch (const std::runtime_error& e) {
        fail(n, field, e.what());
      }
    }
    // The core schema's other integer forms; `1_000` is YAML 1.1 and stays a string.
    if (std::regex_match(s, hex_re) || std::regex_match(s, oct_re)) {
      int base = s[1] == 'x' ? 16 : 8;
      errno = 0;
      long long v = std::strtoll(s.c_str() + 2, nullptr, base);
      if (errno != ERANGE) return Value::of_int(v);
      try {
        return host::literal_eval(s);
      } catch (const std::runtime_error& e) {
        fail(n, field, e.what());
      }
    }
    if (std::regex_match(s, float_re)) {
      if (s.find("nan") != std::string::npos || s.find("NaN") != std::string::npos ||
          s.find("NAN") != std::string::npos) {
        return Value::of_float(std::nan(""));
      }
      if (s.find_first_of("iI") != std::string::npos) {
        return Value::of_float(s[0] == '-' ? -INFINITY : INFINITY);
      }
      return Value::of_float(std::strtod(s.c_str(), nullptr));
    }
    return Value::of_str(s);
  }

  Value structure(const YAML::Node& n, const std::string& field, bool list) const {
    Value v;
    v.kind = list ? Value::Kind::ListNode : Value::Kind::TreeNode;
    // {values: [...], pos: k}: the tail links back to index k. (Bound once: assigning one
    // YAML::Node to another overwrites the node it refers to instead of rebinding.)
    const bool with_cycle = list && n.IsMap();
    const YAML::Node values = with_cycle ? n["values"] : n;
    if (with_cycle) {
      only_fields(n, {"values", "pos"}, "!ListNode");
      if (n["pos"]) v.cycle_pos = integer(n["pos"], "pos");
    }
    if (!values.IsSequence()) fail(n, field, "!ListNode/!TreeNode takes a list of values");
    for (const auto& item : values) v.items.push_back(value(item, field));
    if (v.cycle_pos < -1 || v.cycle_pos >= static_cast<std::int64_t>(v.items.size())) {
      fail(with_cycle && n["pos"] ? n["pos"] : n, "pos", "out of range (-1 for no cycle, else an index of values)");
    }
    if (!list) {
      while (!v.items.empty() && v.items.back().kind == Value::Kind::None) v.items.pop_back();
    }
    return v;
  }

  fs::path file_;
};

Millis parse_duration(const SpecReader& r, const YAML::Node& n, const char* field) {
  static const std::regex re("\\s*([0-9]*\\.?[0-9]+)\\s*(ms|s)?\\s*");
  std::smatch m;
  std::string s = r.str(n, field);
  if (!std::regex_match(s, m, re)) r.fail(n, field, "expected a duration like 1s, 1.5s or 500ms");
  double v = std::stod(m[1]);
  double ms = m[2] == "ms" ? v : v * 1000;
  if (ms < 1 || ms > 600'000) r.fail(n, field, "must be between 1ms and 600s");
  return Millis(static_cast<std::int64_t>(std::llround(ms)));
}

// The largest limits a problem may set: beyond them a limit is a typo, not a wish (a test may not
// hold more memory than a judging machine has, nor print more than a report can carry).
constexpr Bytes kMaxMemoryLimit = mib(16 * 1024);
constexpr Bytes kMaxOutputLimit = mib(1024);

Bytes parse_size(const SpecReader& r, const YAML::Node& n, const char* field, Bytes max) {
  static const std::regex re("\\s*([0-9]*\\.?[0-9]+)\\s*(B|KiB|K|KB|MiB|M|MB|GiB|G|GB)?\\s*");
  std::smatch m;
  std::string s = r.str(n, field);
  if (!std::regex_match(s, m, re)) r.fail(n, field, "expected a size like 64MiB, 512KiB or 1GiB");
  double v = std::stod(m[1]);
  std::string unit = m[2];
  double mult = unit.empty() || unit[0] == 'M' ? 1 << 20
              : unit[0] == 'K' ? 1 << 10
              : unit[0] == 'G' ? double(1 << 30) : 1;
  double bytes = v * mult;
  if (bytes < 1024) r.fail(n, field, "too small: at least 1KiB");
  if (bytes > static_cast<double>(max.value)) {
    r.fail(n, field, fmt::format("too large: at most {}MiB", max.value >> 20));
  }
  return Bytes{static_cast<std::uint64_t>(bytes)};
}

Limits parse_limits(const SpecReader& r, const YAML::Node& n) {
  r.only_fields(n, {"time", "memory", "wall", "output"}, "limits");
  Limits l;
  if (n["time"]) l.time = parse_duration(r, n["time"], "time");
  l.wall = n["wall"] ? parse_duration(r, n["wall"], "wall") : l.time * 3;
  if (n["memory"]) l.memory = parse_size(r, n["memory"], "memory", kMaxMemoryLimit);
  if (n["output"]) l.output = parse_size(r, n["output"], "output", kMaxOutputLimit);
  if (l.wall < l.time) r.fail(n["wall"], "wall", "the wall limit is below the CPU time limit");
  return l;
}

host::AuthorBudget parse_author_limits(const SpecReader& r, const YAML::Node& n) {
  r.only_fields(n, {"generator", "checker", "memory"}, "author_limits");
  host::AuthorBudget b;
  if (n["generator"]) b.generator = parse_duration(r, n["generator"], "generator");
  if (n["checker"]) b.checker = parse_duration(r, n["checker"], "checker");
  if (n["memory"]) b.memory = parse_size(r, n["memory"], "memory", kMaxMemoryLimit);
  if (b.memory < mib(64)) r.fail(n["memory"], "memory", "too small for an interpreter: at least 64MiB");
  return b;
}

CompareOptions parse_compare_options(const SpecReader& r, const YAML::Node& n) {
  r.only_fields(n, {"abs_tol", "rel_tol", "case_sensitive", "space_change_sensitive", "unordered_depth"},
                "compare_options");
  CompareOptions o;
  if (n["abs_tol"]) o.abs_tol = r.number(n["abs_tol"], "abs_tol");
  if (n["rel_tol"]) o.rel_tol = r.number(n["rel_tol"], "rel_tol");
  if (n["case_sensitive"]) o.case_sensitive = r.boolean(n["case_sensitive"], "case_sensitive");
  if (n["space_change_sensitive"]) {
    o.space_change_sensitive = r.boolean(n["space_change_sensitive"], "space_change_sensitive");
  }
  if (n["unordered_depth"]) o.unordered_depth = static_cast<int>(r.integer(n["unordered_depth"], "unordered_depth"));
  // Output tokens compare as numbers only when a tolerance is written, whatever its size.
  if (n["abs_tol"] || n["rel_tol"]) {
    o.float_abs_tol = o.abs_tol;
    o.float_rel_tol = o.rel_tol;
  }
  return o;
}

// Test files at least this big are parsed once and then read from the cache: YAML parsing and
// typing each scalar cost about 0.4 s of CPU per MB, reading an entry back a few ms.
constexpr std::uintmax_t kCachedTestFileSize = 256 * 1024;

class ProblemLoader {
 public:
  ProblemLoader(Problem& p, const TestCache* cache) : p_(p), reader_(p.spec_file), cache_(cache) {}

  void load() {
    YAML::Node root = reader_.load();
    reader_.only_fields(root, {"id", "title", "difficulty", "topics", "mode", "entry", "prelude",
                               "isolation", "limits", "compare", "compare_options", "compare_arg", "checker",
                               "tests", "generate", "reference", "groups", "complexity", "author_limits"},
                        "problem.yaml");
    header(root);
    if (root["tests"]) {
      if (!root["tests"].IsSequence()) reader_.fail(root["tests"], "tests", "expected a list of tests");
      for (const auto& t : root["tests"]) p_.tests.push_back(test(t, reader_));
    }
    if (root["generate"]) generators(root["generate"]);
    if (root["complexity"]) complexity(root["complexity"]);
    if (p_.tests.empty() && p_.generators.empty()) reader_.fail(root, "tests", "the problem has no tests");
    groups(root["groups"]);
    std::set<std::string> names;
    for (const auto& t : p_.tests) {
      if (!names.insert(t.name).second) {
        throw SpecError(t.origin.file, t.origin.line, "name", "duplicate test name '" + t.name + "'");
      }
    }
    for (const auto& g : p_.generators) {
      for (std::int64_t size : g.sizes) {
        for (int i = 0; i < g.count; ++i) {
          std::string name = generated_test_name(g, size, i);
          if (!names.insert(name).second) {
            throw SpecError(g.origin.file, g.origin.line, "generate",
                            "generated test name '" + name + "' is already taken (same file and size twice?)");
          }
        }
      }
    }
  }

 private:
  fs::path relative_file(const YAML::Node& n, const char* field) {
    fs::path f = p_.dir / reader_.str(n, field);
    std::error_code ec;
    if (fs::is_directory(f, ec)) reader_.fail(n, field, "is a directory, not a file: " + f.string());
    if (!fs::is_regular_file(f, ec)) reader_.fail(n, field, "no such file: " + f.string());
    return f;
  }

  // Author code must compile when the problem loads: a SyntaxError in checker.py is the
  // author's mistake, found once, not an internal error on every solution. A file the cache saw
  // compile is not compiled again: a warm run then never starts the judge's interpreter.
  fs::path python_file(const YAML::Node& n, const char* field) {
    fs::path f = relative_file(n, field);
    std::string source = read_problem_file(f);
    if (cache_ && compiled_before(*cache_, source)) return f;
    try {
      host::check_compiles(source, f.string());
    } catch (const std::runtime_error& e) {
      reader_.fail(n, field, e.what());
    }
    if (cache_) remember_compiled(*cache_, source);
    return f;
  }

  // Fields that only one mode reads: written in another mode they would be ignored silently.
  void only_for_mode(const YAML::Node& map, const SpecReader& r,
                     std::initializer_list<std::pair<const char*, std::initializer_list<Mode>>> fields) const {
    for (const auto& [name, modes] : fields) {
      if (map[name] && std::find(modes.begin(), modes.end(), p_.mode) == modes.end()) {
        std::string allowed;
        for (Mode m : modes) allowed += std::string(allowed.empty() ? "" : ", ") + mode_name(m);
        r.fail(map[name], name, fmt::format("not used in {} mode (only in: {})", mode_name(p_.mode), allowed));
      }
    }
  }

  void header(const YAML::Node& root) {
    auto need = [&](const char* f) {
      if (!root[f]) reader_.fail(root, f, "missing required field");
      return root[f];
    };
    p_.id = reader_.str(need("id"), "id");
    std::string folder = fs::weakly_canonical(p_.dir).filename().string();
    if (p_.id != folder) {
      reader_.fail(root["id"], "id", fmt::format("'{}' differs from the folder name '{}'", p_.id, folder));
    }
    p_.title = root["title"] ? reader_.str(root["title"], "title") : p_.id;
    static const std::pair<const char*, std::string> difficulties[] = {{"easy", "easy"}, {"medium", "medium"}, {"hard", "hard"}};
    if (root["difficulty"]) p_.difficulty = reader_.choice(root["difficulty"], "difficulty", difficulties);
    if (root["topics"]) {
      if (!root["topics"].IsSequence()) reader_.fail(root["topics"], "topics", "expected a list");
      for (const auto& t : root["topics"]) p_.topics.push_back(reader_.str(t, "topics"));
    }
    static const std::pair<const char*, Mode> modes[] = {
        {"function", Mode::Function}, {"stdio", Mode::Stdio}, {"design", Mode::Design}, {"script", Mode::Script}};
    p_.mode = reader_.choice(need("mode"), "mode", modes);
    if (root["entry"]) p_.entry = reader_.str(root["entry"], "entry");
    if (p_.mode == Mode::Function && p_.entry.empty()) reader_.fail(root, "entry", "function mode needs an entry");
    static const std::pair<const char*, Prelude> preludes[] = {{"leetcode", Prelude::Leetcode}, {"none", Prelude::None}};
    p_.prelude = (p_.mode == Mode::Function || p_.mode == Mode::Design) ? Prelude::Leetcode : Prelude::None;
    if (root["prelude"]) p_.prelude = reader_.choice(root["prelude"], "prelude", preludes);
    static const std::pair<const char*, Isolation> isolations[] = {{"shared", Isolation::Shared},
                                                                   {"process", Isolation::Process}};
    if (root["isolation"]) p_.isolation = reader_.choice(root["isolation"], "isolation", isolations);
    if (root["limits"]) p_.limits = parse_limits(reader_, root["limits"]);
    if (root["author_limits"]) p_.author_limits = parse_author_limits(reader_, root["author_limits"]);
    static const std::pair<const char*, CompareMode> compares[] = {
        {"exact", CompareMode::Exact}, {"unordered", CompareMode::Unordered}, {"float", CompareMode::Float},
        {"tokens", CompareMode::Tokens}, {"lines", CompareMode::Lines}, {"checker", CompareMode::Checker}};
    p_.compare = p_.mode == Mode::Stdio ? CompareMode::Tokens : CompareMode::Exact;
    if (root["compare"]) p_.compare = reader_.choice(root["compare"], "compare", compares);
    if (p_.compare == CompareMode::Float) p_.compare_options.abs_tol = p_.compare_options.rel_tol = 1e-6;
    if (root["compare_options"]) p_.compare_options = parse_compare_options(reader_, root["compare_options"]);
    if (root["compare_arg"]) p_.compare_arg = reader_.integer(root["compare_arg"], "compare_arg");
    if (root["checker"]) p_.checker = python_file(root["checker"], "checker");
    if (p_.compare == CompareMode::Checker && !p_.checker) {
      reader_.fail(root["compare"], "checker", "compare: checker needs a checker file");
    }
    if (root["reference"]) p_.reference = relative_file(root["reference"], "reference");
    only_for_mode(root, reader_, {{"entry", {Mode::Function, Mode::Design}}, {"compare_arg", {Mode::Function}}});
    check_compare_options(root["compare_options"]);
  }

  // Each option is read by some comparisons only; elsewhere it would be ignored.
  void check_compare_options(const YAML::Node& n) const {
    if (!n) return;
    const CompareMode c = p_.compare;
    const bool text = p_.mode == Mode::Stdio;
    auto refuse = [&](const char* option, bool used, const char* where) {
      if (n[option] && !used) {
        reader_.fail(n[option], option, fmt::format("not used with compare: {} in {} mode (only with {})",
                                                    compare_name(c), mode_name(p_.mode), where));
      }
    };
    bool tolerances = text ? c == CompareMode::Float || c == CompareMode::Tokens
                           : c == CompareMode::Exact || c == CompareMode::Unordered || c == CompareMode::Float;
    refuse("abs_tol", tolerances, "float or tokens output, or exact, unordered or float values");
    refuse("rel_tol", tolerances, "float or tokens output, or exact, unordered or float values");
    refuse("case_sensitive", text && (c == CompareMode::Float || c == CompareMode::Tokens), "tokens or float output");
    refuse("space_change_sensitive", text && (c == CompareMode::Float || c == CompareMode::Tokens),
           "tokens or float output");
    refuse("unordered_depth", c == CompareMode::Unordered, "compare: unordered");
  }

  TestCase test(const YAML::Node& n, const SpecReader& r) {
    if (n.IsMap() && n["file"]) {
      r.only_fields(n, {"name", "file", "sample"}, "test");
      fs::path f = relative_file(n["file"], "file");
      std::string name = n["name"] ? r.str(n["name"], "name") : f.stem().string();
      TestCase t = file_test(f, name);
      if (n["sample"]) t.sample = r.boolean(n["sample"], "sample");
      return t;
    }
    return test_body(n, r, "");
  }

  TestCase file_test(const fs::path& f, const std::string& name) {
    std::error_code ec;
    if (!cache_ || fs::file_size(f, ec) < kCachedTestFileSize || ec) {
      SpecReader inner(f);
      return test_body(inner.load(), inner, name);
    }
    // What the parsed test depends on besides the file: its name, and the problem settings
    // test_body() reads or checks against.
    std::string context = fmt::format("{}\n{}\n{}\n{}\n{}\n{}", f.string(), name, mode_name(p_.mode),
                                      compare_name(p_.compare), p_.reference.has_value(), p_.compare_arg);
    std::string key = content_cache_key("testfile", context, read_problem_file(f));
    if (auto bytes = cache_->load(key)) {
      try {
        auto tests = decode_tests(*bytes);
        if (tests.size() == 1) return std::move(tests.front());
      } catch (const ProtocolError&) {
      }
    }
    SpecReader inner(f);
    TestCase t = test_body(inner.load(), inner, name);
    cache_->store(key, encode_tests({t}));
    return t;
  }

  TestCase test_body(const YAML::Node& n, const SpecReader& r, std::string name) {
    r.only_fields(n, {"name", "sample", "args", "kwargs", "expected", "input", "output", "input_file",
                      "output_file", "ops", "code", "raises", "points", "group"},
                  "test");
    only_for_mode(n, r, {{"args", {Mode::Function, Mode::Design}},
                         {"kwargs", {Mode::Function}},
                         {"ops", {Mode::Design}},
                         {"code", {Mode::Script}},
                         {"input", {Mode::Stdio, Mode::Script}},
                         {"input_file", {Mode::Stdio, Mode::Script}}});
    if (n["raises"] && (n["expected"] || n["output"] || n["output_file"])) {
      r.fail(n["raises"], "raises", "a test that raises has no expected value or output: keep one of them");
    }
    TestCase t;
    t.origin = r.origin(n);
    t.name = n["name"] ? r.str(n["name"], "name") : name;
    if (t.name.empty()) t.name = fmt::format("test-{}", p_.tests.size() + 1);
    if (n["sample"]) t.sample = r.boolean(n["sample"], "sample");
    fill_input(n, r, t);
    if (n["expected"]) t.expected = r.value(n["expected"], "expected");
    if (n["output"]) t.expected_output = r.str(n["output"], "output");
    if (n["output_file"]) t.expected_output = read_problem_file(relative_file(n["output_file"], "output_file"));
    if (n["raises"]) t.raises = r.str(n["raises"], "raises");
    if (n["points"]) t.points = r.integer(n["points"], "points");
    if (n["group"]) t.group = r.str(n["group"], "group");
    if (t.points < 0) r.fail(n["points"], "points", "must not be negative");
    if (t.points && !t.group.empty()) r.fail(n["points"], "points", "a test in a group scores through its group's points");
    check_test(n, r, t);
    return t;
  }

  void fill_input(const YAML::Node& n, const SpecReader& r, TestCase& t) {
    RunTest& in = t.input;
    in.compare_arg = p_.compare_arg;
    if (n["args"]) {
      Value args = r.value(n["args"], "args");
      if (args.kind != Value::Kind::List) r.fail(n["args"], "args", "expected a list of arguments");
      in.args = EncodedValue(args);
    }
    if (n["kwargs"]) {
      Value kwargs = r.value(n["kwargs"], "kwargs");
      if (kwargs.kind != Value::Kind::Dict) r.fail(n["kwargs"], "kwargs", "expected a mapping");
      for (std::size_t i = 0; i < kwargs.items.size(); i += 2) {
        if (kwargs.items[i].kind != Value::Kind::Str) r.fail(n["kwargs"], "kwargs", "keys must be names");
      }
      in.kwargs = EncodedValue(kwargs);
    }
    if (n["ops"]) {
      if (!n["ops"].IsSequence()) r.fail(n["ops"], "ops", "expected a list of method names");
      for (const auto& op : n["ops"]) in.ops.push_back(r.str(op, "ops"));
    }
    if (n["code"]) {
      in.code = r.str(n["code"], "code");
      try {
        host::check_compiles(in.code, t.origin.str());
      } catch (const std::runtime_error& e) {
        r.fail(n["code"], "code", e.what());
      }
    }
    if (n["input"]) in.stdin_data = r.str(n["input"], "input");
    if (n["input_file"]) in.stdin_data = read_problem_file(relative_file(n["input_file"], "input_file"));
  }

  void check_test(const YAML::Node& n, const SpecReader& r, const TestCase& t) {
    bool has_expectation = t.expected || t.expected_output || !t.raises.empty();
    // The reference fills in generated tests only: a written test with nothing to check would
    // pass any answer.
    if (p_.mode == Mode::Stdio && !t.expected_output && p_.compare != CompareMode::Checker) {
      r.fail(n, "output", "a stdio test needs output: or output_file:");
    }
    if (auto mistake = check_test_input(p_, t)) {
      r.fail(n[mistake->field] ? n[mistake->field] : n, mistake->field, mistake->message);
    }
    if (p_.mode == Mode::Design && t.expected && t.expected->items.size() != t.input.ops.size()) {
      r.fail(n["expected"], "expected", "needs one value per op");
    }
    if (!has_expectation && p_.compare != CompareMode::Checker) {
      r.fail(n, "expected", "the test has nothing to check: no expected:, output: or raises:");
    }
  }

  // groups: {small: 30, large: 70}; every group a test names must be declared, and the reverse.
  void groups(const YAML::Node& map) {
    if (map && !map.IsMap()) reader_.fail(map, "groups", "expected a map of group name to points");
    for (const auto& kv : map) {
      std::int64_t points = reader_.integer(kv.second, "groups");
      if (points < 0) reader_.fail(kv.second, "groups", "points must not be negative");
      p_.groups[reader_.str(kv.first, "groups")] = points;
    }
    std::set<std::string> used;
    for (const auto& t : p_.tests) {
      if (t.group.empty()) continue;
      if (!p_.groups.count(t.group)) {
        throw SpecError(t.origin.file, t.origin.line, "group", "group '" + t.group + "' is not declared under groups:");
      }
      used.insert(t.group);
    }
    for (const auto& g : p_.generators) {
      if (g.group.empty()) continue;
      if (!p_.groups.count(g.group)) {
        throw SpecError(g.origin.file, g.origin.line, "group", "group '" + g.group + "' is not declared under groups:");
      }
      used.insert(g.group);
    }
    for (const auto& [name, points] : p_.groups) {
      if (!used.count(name)) reader_.fail(map, "groups", "group '" + name + "' has no tests");
    }
  }

  void generators(const YAML::Node& list) {
    if (!list.IsSequence()) reader_.fail(list, "generate", "expected a list of generators");
    if (!p_.reference) reader_.fail(list, "reference", "generated tests need a reference solution");
    for (const auto& g : list) {
      reader_.only_fields(g, {"generator", "seed", "count", "sizes", "group"}, "generate");
      GeneratorSpec spec;
      spec.origin = reader_.origin(g);
      if (!g["generator"]) reader_.fail(g, "generator", "missing required field");
      spec.file = python_file(g["generator"], "generator");
      if (g["seed"]) spec.seed = reader_.integer(g["seed"], "seed");
      if (g["count"]) spec.count = static_cast<int>(reader_.integer(g["count"], "count"));
      if (g["sizes"]) {
        if (!g["sizes"].IsSequence()) reader_.fail(g["sizes"], "sizes", "expected a list");
        for (const auto& s : g["sizes"]) spec.sizes.push_back(reader_.integer(s, "sizes"));
      }
      if (spec.sizes.empty()) spec.sizes.push_back(0);
      if (g["group"]) spec.group = reader_.str(g["group"], "group");
      p_.generators.push_back(std::move(spec));
    }
  }

  void complexity(const YAML::Node& map) {
    reader_.only_fields(map, {"generator", "sizes", "time", "memory"}, "complexity");
    ComplexitySpec c;
    if (map["generator"]) {
      c.generator = python_file(map["generator"], "generator");
      bool declared = std::any_of(p_.generators.begin(), p_.generators.end(),
                                  [&](const GeneratorSpec& g) { return g.file == *c.generator; });
      if (!declared) reader_.fail(map["generator"], "generator", "not one of the problem's generate: entries");
    } else if (p_.generators.empty()) {
      reader_.fail(map, "complexity", "the complexity report needs a generator (generate:)");
    }
    if (map["sizes"]) {
      const YAML::Node& s = map["sizes"];
      if (!s.IsSequence() || s.size() != 2) reader_.fail(s, "sizes", "expected [smallest, largest]");
      c.min_size = reader_.integer(s[0], "sizes");
      c.max_size = reader_.integer(s[1], "sizes");
      if (c.min_size < 1 || c.max_size < 2 * c.min_size) {
        reader_.fail(s, "sizes", "expected 1 <= smallest and largest >= 2 x smallest");
      }
    }
    c.time_labels = complexity_labels(map["time"], "time");
    c.memory_labels = complexity_labels(map["memory"], "memory");
    p_.complexity = std::move(c);
  }

  std::map<std::string, std::string> complexity_labels(const YAML::Node& map, const char* field) {
    std::map<std::string, std::string> labels;
    if (!map) return labels;
    if (!map.IsMap()) reader_.fail(map, field, "expected a mapping of solutions/ paths to classes");
    for (const auto& kv : map) {
      std::string file = reader_.str(kv.first, field), label = reader_.str(kv.second, field);
      std::error_code ec;
      if (!fs::is_regular_file(p_.dir / "solutions" / file, ec)) {
        reader_.fail(kv.first, field, "no such solution: solutions/" + file);
      }
      if (!parse_growth(label)) {
        reader_.fail(kv.second, field, "'" + label + "' is not one of: 1, log n, n, n log n, n^2, n^3, 2^n");
      }
      labels[file] = label;
    }
    return labels;
  }

  Problem& p_;
  SpecReader reader_;
  const TestCache* cache_;
};

}  // namespace

std::string generated_test_name(const GeneratorSpec& g, std::int64_t size, int index) {
  std::string stem = g.file.stem().string();
  return fmt::format("{}-{}-{}", stem.starts_with("gen") ? stem : "gen-" + stem, size, index + 1);
}

std::optional<InputMistake> check_test_input(const Problem& problem, const TestCase& t) {
  const RunTest& in = t.input;
  switch (problem.mode) {
    case Mode::Design: {
      if (in.ops.empty()) return InputMistake{"ops", "a design test needs ops:"};
      Value args = in.args.decode();
      if (args.items.size() != in.ops.size()) {
        return InputMistake{"args", fmt::format("{} ops but {} argument lists", in.ops.size(), args.items.size())};
      }
      for (const auto& a : args.items) {
        if (a.kind != Value::Kind::List) return InputMistake{"args", "each op takes a list of arguments"};
      }
      return std::nullopt;
    }
    case Mode::Script:
      if (in.code.empty()) return InputMistake{"code", "a script test needs code:"};
      return std::nullopt;
    case Mode::Function:
    case Mode::Stdio:
      return std::nullopt;
  }
  return std::nullopt;
}

Problem load_problem(const fs::path& path, const TestCache* cache) {
  Problem p;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    p.dir = path;
    p.spec_file = path / "problem.yaml";
  } else {
    p.spec_file = path;
    p.dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  }
  if (!fs::is_regular_file(p.spec_file, ec)) throw SpecError(p.spec_file, 0, "", "no such file");
  if (p.dir.filename().empty()) p.dir = p.dir.parent_path();
  if (is_kattis_package(p.dir)) return load_kattis_package(p.dir);
  p.statement_file = p.dir / "statement.md";
  ProblemLoader(p, cache).load();
  return p;
}

}  // namespace pyjudge
