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

bool is_integer(const Value& v) { return v.kind == Kind::Bool || v.kind == Kind::Int || v.kind == Kind::BigInt; }

std::int64_t small_int(const Value& v) { return v.kind == Kind::Bool ? v.boolean : v.integer; }

// Exact order of two Python ints. A BigInt is always outside int64 (the box sends the rest as
// Int), so its sign alone places it against an Int; two BigInts compare by sign, then by their
// canonical hex digits (length first: no leading zeros).
int compare_integers(const Value& a, const Value& b) {
  bool ba = a.kind == Kind::BigInt, bb = b.kind == Kind::BigInt;
  if (!ba && !bb) return small_int(a) < small_int(b) ? -1 : small_int(a) > small_int(b) ? 1 : 0;
  bool na = ba ? a.text[0] == '-' : small_int(a) < 0;
  bool nb = bb ? b.text[0] == '-' : small_int(b) < 0;
  if (na != nb) return na ? -1 : 1;
  if (!ba || !bb) return (ba ? 1 : -1) * (na ? -1 : 1);  // the BigInt is further from zero
  std::string_view da(a.text), db(b.text);
  da.remove_prefix(na ? 3 : 2);
  db.remove_prefix(nb ? 3 : 2);
  int magnitude = da.size() != db.size() ? (da.size() < db.size() ? -1 : 1) : da.compare(db);
  magnitude = magnitude < 0 ? -1 : magnitude > 0 ? 1 : 0;
  return na ? -magnitude : magnitude;
}

// The canonical hex (as the box writes a BigInt) of an integral double outside int64.
std::string integral_double_hex(double d) {
  int exp = 0;
  double m = std::frexp(std::fabs(d), &exp);  // |d| = m * 2^exp, m in [0.5, 1)
  auto mantissa = static_cast<std::uint64_t>(std::ldexp(m, 53));
  std::string bits;
  for (int i = 52; i >= 0; --i) bits += (mantissa >> i) & 1 ? '1' : '0';
  bits.append(static_cast<std::size_t>(std::max(0, exp - 53)), '0');
  bits.insert(0, (4 - bits.size() % 4) % 4, '0');
  std::string hex;
  for (std::size_t i = 0; i < bits.size(); i += 4) hex += "0123456789abcdef"[std::stoi(bits.substr(i, 4), nullptr, 2)];
  hex.erase(0, std::min(hex.find_first_not_of('0'), hex.size() - 1));
  return (d < 0 ? "-0x" : "0x") + hex;
}

// An integer expectation equals a float answer only if the float is exactly that integer:
// 3e17 + 100000 is not 3e17 however small the relative difference.
bool float_is_integer(double f, const Value& integer) {
  if (!std::isfinite(f) || std::trunc(f) != f) return false;
  if (integer.kind != Kind::BigInt) {
    if (f < -9223372036854775808.0 || f >= 9223372036854775808.0) return false;
    return static_cast<std::int64_t>(f) == small_int(integer);
  }
  if (std::fabs(f) < 9223372036854775808.0) return false;
  return integral_double_hex(f) == integer.text;
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

int order_numbers(const Value& a, const Value& b) {
  if (is_integer(a) && is_integer(b)) return compare_integers(a, b);
  double x = as_double(a), y = as_double(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

// A value seen through its canonical form: the items of every collection compared without
// order (sets at any depth, sequences shallower than unordered_depth, a dict's pairs by key)
// already sorted. Built once per comparison: O(n log n) time and one small node per value,
// whatever the nesting (copying values level by level cost n x depth).
struct Canon {
  const Value* value = nullptr;
  bool sorted = false;       ///< items are in canonical order, not the value's own
  std::vector<Canon> items;  ///< a Dict's as key, value, key, value... sorted by key
};

// A total order used only to line up unordered collections before comparing them pairwise.
int order(const Canon& a, const Canon& b) {
  const Value& x = *a.value;
  const Value& y = *b.value;
  if (int d = rank(x.kind) - rank(y.kind)) return d;
  switch (rank(x.kind)) {
    case 0: return 0;
    case 1: return order_numbers(x, y);
    case 2:
    case 3: return x.text.compare(y.text);
    default: break;
  }
  std::size_t n = std::min(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (int d = order(a.items[i], b.items[i])) return d;
  }
  if (a.items.size() != b.items.size()) return a.items.size() < b.items.size() ? -1 : 1;
  return x.cycle_pos < y.cycle_pos ? -1 : x.cycle_pos > y.cycle_pos ? 1 : 0;
}

Canon canonical(const Value& v, int depth, int unordered_depth) {
  Canon c{&v, false, {}};
  if (v.items.empty()) return c;
  c.items.reserve(v.items.size());
  for (const auto& item : v.items) c.items.push_back(canonical(item, depth + 1, unordered_depth));
  auto less = [](const Canon& a, const Canon& b) { return order(a, b) < 0; };
  if (v.is_set() || (v.is_sequence() && depth < unordered_depth)) {
    std::stable_sort(c.items.begin(), c.items.end(), less);
    c.sorted = true;
  } else if (v.kind == Kind::Dict) {
    std::vector<std::pair<Canon, Canon>> pairs;
    pairs.reserve(c.items.size() / 2);
    for (std::size_t i = 0; i + 1 < c.items.size(); i += 2) {
      pairs.emplace_back(std::move(c.items[i]), std::move(c.items[i + 1]));
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return order(a.first, b.first) < 0; });
    c.items.clear();
    for (auto& [k, val] : pairs) {
      c.items.push_back(std::move(k));
      c.items.push_back(std::move(val));
    }
  }
  return c;
}

class Equal {
 public:
  explicit Equal(const CompareOptions& o) : o_(o) {}

  bool operator()(const Canon& ce, const Canon& cg, const std::string& path) {
    const Value& e = *ce.value;
    const Value& g = *cg.value;
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
      case Kind::Dict: return dict(ce, cg, path);
      case Kind::ListNode:
        if (e.cycle_pos != g.cycle_pos) return differ(path, "the list's cycle differs");
        return ordered(ce, cg, path);
      default: return ordered(ce, cg, path);
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
    bool same = is_integer(e) && is_integer(g) ? compare_integers(e, g) == 0
              : is_integer(e)                  ? float_is_integer(g.real, e)
                                               : close_enough(as_double(e), as_double(g), o_);
    return same || differ(path, fmt::format("expected {}, got {}", repr(e, 80), repr(g, 80)));
  }

  // Unordered collections arrive sorted (Canon): pairwise comparison is the multiset test.
  bool ordered(const Canon& e, const Canon& g, const std::string& path) {
    if (e.items.size() != g.items.size()) {
      return differ(path, fmt::format("expected {} elements, got {}", e.items.size(), g.items.size()));
    }
    bool sorted = e.sorted;
    for (std::size_t i = 0; i < e.items.size(); ++i) {
      std::string at = sorted ? path : fmt::format("{}[{}]", path, i);
      if (!(*this)(e.items[i], g.items[i], at)) {
        if (sorted) return differ(path, fmt::format("{} is missing (in any order)", repr(*e.items[i].value, 80)));
        return false;
      }
    }
    return true;
  }

  bool dict(const Canon& e, const Canon& g, const std::string& path) {
    for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
      Equal keys(o_);
      if (i + 1 >= g.items.size() || !keys(e.items[i], g.items[i], "")) {
        // Keys are sorted on both sides: the smaller of the two is the one the other side lacks.
        if (i + 1 < g.items.size() && order(g.items[i], e.items[i]) < 0) {
          return differ(path, fmt::format("unexpected key {}", repr(*g.items[i].value, 80)));
        }
        return differ(path, fmt::format("key {} is missing", repr(*e.items[i].value, 80)));
      }
      if (!(*this)(e.items[i + 1], g.items[i + 1], fmt::format("{}[{}]", path, repr(*e.items[i].value, 40)))) {
        return false;
      }
    }
    if (g.items.size() > e.items.size()) {
      return differ(path, fmt::format("unexpected key {}", repr(*g.items[e.items.size()].value, 80)));
    }
    return true;
  }

  const CompareOptions& o_;
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
  int depth = mode == CompareMode::Unordered ? options.unordered_depth : 0;
  Equal eq(options);
  if (eq(canonical(expected, 0, depth), canonical(got, 0, depth), "")) return {true, ""};
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
