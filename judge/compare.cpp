#include "judge/compare.hpp"
#include "judge/default_validator.hpp"

#include <dtl/dtl.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace pyjudge {

namespace {

using Kind = Value::Kind;

double as_double(const Value& v) {
  switch (v.kind) {
    case Kind::Bool: return v.boolean ? 1 : 0;
    case Kind::Int: return static_cast<double>(v.integer);
    case Kind::BigInt: return std::strtod(v.text.c_str(), nullptr);  // canonical hex: strtod reads it
    case Kind::Float: return v.real;
    default: return 0;
  }
}

bool close_enough(double a, double b, const CompareOptions& o) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= std::max(o.abs_tol, o.rel_tol * std::max(std::fabs(a), std::fabs(b)));
}

int rank(Kind k) {
  switch (k) {
    case Kind::None: return 0;
    case Kind::Bool:
    case Kind::Int:
    case Kind::BigInt:
    case Kind::Float: return 1;
    case Kind::Str: return 2;
    case Kind::Bytes: return 3;
    case Kind::List:
    case Kind::Tuple: return 4;
    case Kind::Dict: return 5;
    case Kind::Set:
    case Kind::FrozenSet: return 6;
    case Kind::ListNode: return 7;
    case Kind::TreeNode: return 8;
  }
  return 9;
}

// A total order used only to line up unordered collections before comparing them pairwise.
int order(const Value& a, const Value& b) {
  if (int d = rank(a.kind) - rank(b.kind)) return d;
  switch (rank(a.kind)) {
    case 0: return 0;
    case 1: {
      double x = as_double(a), y = as_double(b);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 2:
    case 3: return a.text.compare(b.text);
    default: break;
  }
  std::size_t n = std::min(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int d = order(a.items[i], b.items[i])) return d;
  }
  if (a.items.size() != b.items.size()) return a.items.size() < b.items.size() ? -1 : 1;
  return static_cast<int>(a.cycle_pos - b.cycle_pos);
}

std::vector<const Value*> sorted(const std::vector<Value>& items) {
  std::vector<const Value*> out;
  for (const auto& v : items) out.push_back(&v);
  std::stable_sort(out.begin(), out.end(), [](const Value* a, const Value* b) { return order(*a, *b) < 0; });
  return out;
}

class Equal {
 public:
  Equal(const CompareOptions& o, int unordered_depth) : o_(o), unordered_depth_(unordered_depth) {}

  bool operator()(const Value& e, const Value& g, const std::string& path, int depth) {
    if (e.is_number() && g.is_number()) return numbers(e, g, path);
    if (empty_structure(e, g) || empty_structure(g, e)) return true;
    if (!compatible(e.kind, g.kind)) {
      return differ(path, fmt::format("expected a {}, got a {}", type_name(e.kind), type_name(g.kind)));
    }
    switch (e.kind) {
      case Kind::None: return true;
      case Kind::Str:
      case Kind::Bytes:
        return e.text == g.text || differ(path, fmt::format("expected {}, got {}", repr(e, 80), repr(g, 80)));
      case Kind::Dict: return dict(e, g, path, depth);
      case Kind::Set:
      case Kind::FrozenSet: return unordered(e, g, path, depth);
      case Kind::ListNode:
        if (e.cycle_pos != g.cycle_pos) return differ(path, "the list's cycle differs");
        return ordered(e, g, path, depth);
      default:
        return depth < unordered_depth_ ? unordered(e, g, path, depth) : ordered(e, g, path, depth);
    }
  }

  std::string message;

 private:
  static bool compatible(Kind a, Kind b) {
    auto seq = [](Kind k) { return k == Kind::List || k == Kind::Tuple; };
    auto set = [](Kind k) { return k == Kind::Set || k == Kind::FrozenSet; };
    return a == b || (seq(a) && seq(b)) || (set(a) && set(b));
  }

  // An empty linked list or tree is None in Python.
  static bool empty_structure(const Value& structure, const Value& other) {
    return (structure.kind == Kind::ListNode || structure.kind == Kind::TreeNode) &&
           structure.items.empty() && other.kind == Kind::None;
  }

  bool differ(const std::string& path, std::string what) {
    message = path.empty() ? what : fmt::format("at {}: {}", path, what);
    return false;
  }

  bool numbers(const Value& e, const Value& g, const std::string& path) {
    bool exact_ints = e.kind != Kind::Float && g.kind != Kind::Float;
    bool same = exact_ints ? (e.kind == Kind::BigInt || g.kind == Kind::BigInt
                                  ? e.kind == g.kind && e.text == g.text
                                  : as_double(e) == as_double(g) && e.integer + e.boolean == g.integer + g.boolean)
                           : close_enough(as_double(e), as_double(g), o_);
    return same || differ(path, fmt::format("expected {}, got {}", repr(e, 80), repr(g, 80)));
  }

  bool ordered(const Value& e, const Value& g, const std::string& path, int depth) {
    if (e.items.size() != g.items.size()) {
      return differ(path, fmt::format("expected {} elements, got {}", e.items.size(), g.items.size()));
    }
    for (std::size_t i = 0; i < e.items.size(); ++i) {
      if (!(*this)(e.items[i], g.items[i], fmt::format("{}[{}]", path, i), depth + 1)) return false;
    }
    return true;
  }

  bool unordered(const Value& e, const Value& g, const std::string& path, int depth) {
    if (e.items.size() != g.items.size()) {
      return differ(path, fmt::format("expected {} elements, got {}", e.items.size(), g.items.size()));
    }
    // Line the elements up by a canonical form in which every collection that is compared
    // without order is itself sorted: [[2, 1], [3]] and [[3], [1, 2]] must pair [2, 1] with
    // [1, 2], not with [3].
    std::vector<Value> ce, cg;
    for (const auto& v : e.items) ce.push_back(canonical(v, depth + 1));
    for (const auto& v : g.items) cg.push_back(canonical(v, depth + 1));
    auto se = sorted(ce), sg = sorted(cg);
    for (std::size_t i = 0; i < se.size(); ++i) {
      if (!(*this)(*se[i], *sg[i], path, depth + 1)) {
        return differ(path, fmt::format("{} is missing (in any order)", repr(*se[i], 80)));
      }
    }
    return true;
  }

  // `v` with the elements of each unordered collection in it (sets, and sequences shallower
  // than unordered_depth) sorted.
  Value canonical(const Value& v, int depth) const {
    bool is_set = v.kind == Kind::Set || v.kind == Kind::FrozenSet;
    bool is_seq = v.kind == Kind::List || v.kind == Kind::Tuple;
    if (!is_set && !is_seq) return v;
    Value out = v;
    for (auto& item : out.items) item = canonical(item, depth + 1);
    if (is_set || depth < unordered_depth_) {
      std::stable_sort(out.items.begin(), out.items.end(),
                       [](const Value& a, const Value& b) { return order(a, b) < 0; });
    }
    return out;
  }

  bool dict(const Value& e, const Value& g, const std::string& path, int depth) {
    auto pairs = [](const Value& d) {
      std::vector<std::pair<const Value*, const Value*>> out;
      for (std::size_t i = 0; i + 1 < d.items.size(); i += 2) out.emplace_back(&d.items[i], &d.items[i + 1]);
      std::stable_sort(out.begin(), out.end(), [](auto a, auto b) { return order(*a.first, *b.first) < 0; });
      return out;
    };
    auto pe = pairs(e), pg = pairs(g);
    for (std::size_t i = 0; i < pe.size(); ++i) {
      Equal keys(o_, 0);
      if (i >= pg.size() || !keys(*pe[i].first, *pg[i].first, "", 0)) {
        // Keys are sorted on both sides: the smaller of the two is the one the other side lacks.
        if (i < pg.size() && order(*pg[i].first, *pe[i].first) < 0) {
          return differ(path, fmt::format("unexpected key {}", repr(*pg[i].first, 80)));
        }
        return differ(path, fmt::format("key {} is missing", repr(*pe[i].first, 80)));
      }
      if (!(*this)(*pe[i].second, *pg[i].second, fmt::format("{}[{}]", path, repr(*pe[i].first, 40)), depth + 1)) {
        return false;
      }
    }
    if (pg.size() > pe.size()) return differ(path, fmt::format("unexpected key {}", repr(*pg[pe.size()].first, 80)));
    return true;
  }

  const CompareOptions& o_;
  int unordered_depth_;
};

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    lines.push_back(std::move(line));
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace

Comparison compare_values(const Value& expected, const Value& got, CompareMode mode,
                          const CompareOptions& options) {
  Equal eq(options, mode == CompareMode::Unordered ? options.unordered_depth : 0);
  if (eq(expected, got, "", 0)) return {true, ""};
  return {false, eq.message};
}

Comparison compare_output(const std::string& expected, const std::string& got, CompareMode mode,
                          const CompareOptions& options) {
  switch (mode) {
    case CompareMode::Exact:
      if (expected == got) return {true, ""};
      return {false, "the output differs (exact comparison, whitespace included)"};
    case CompareMode::Lines: {
      auto le = split_lines(expected), lg = split_lines(got);
      for (std::size_t i = 0; i < std::max(le.size(), lg.size()); ++i) {
        if (i >= le.size()) return {false, fmt::format("line {}: unexpected extra output", i + 1)};
        if (i >= lg.size()) return {false, fmt::format("line {}: output ended early", i + 1)};
        if (le[i] != lg[i]) return {false, fmt::format("line {} differs", i + 1)};
      }
      return {true, ""};
    }
    case CompareMode::Float: return default_validate(expected, got, with_float_tolerance(options));
    default: return default_validate(expected, got, options);
  }
}

std::string line_diff(const std::string& expected, const std::string& got, std::size_t max_lines) {
  auto a = split_lines(expected), b = split_lines(got);
  dtl::Diff<std::string> d(a, b);
  d.onHuge();
  d.compose();
  d.composeUnifiedHunks();
  std::ostringstream out;
  d.printUnifiedFormat(out);
  std::string text = out.str();
  std::size_t lines = 0, pos = 0;
  while (pos < text.size() && lines < max_lines) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) break;
    ++pos;
    ++lines;
  }
  if (pos < text.size() && pos != std::string::npos) text = text.substr(0, pos) + "...\n";
  return text;
}

}  // namespace pyjudge
