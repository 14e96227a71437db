#include "judge/default_validator.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include "judge/errors.hpp"
#include <string_view>

namespace pyjudge {

namespace {

// C's isspace() in the "C" locale, which is what istream >> string and problemtools use.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
    if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
    if (x != y) return false;
  }
  return true;
}

// problemtools reads a number with sscanf("%lf") and requires the whole token to be consumed
// and the value finite: strtod reads the same grammar (hex floats, "inf", "nan" included), and
// an overflow comes back as HUGE_VAL, which is not finite, so "1e999" is a string token.
std::optional<double> finite_number(std::string_view token) {
  std::string s(token);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string shown(std::string_view token) {
  return token.size() > 80 ? std::string(token.substr(0, 80)) + "..." : std::string(token);
}

// Walks both texts once: O(size of answer + size of output).
class TokenWalk {
 public:
  TokenWalk(std::string_view answer, std::string_view output, const CompareOptions& o)
      : a_(answer), t_(output), o_(o), use_floats_(o.float_abs_tol || o.float_rel_tol) {}

  Comparison run() {
    for (int token = 1;; ++token) {
      if (auto bad = spaces()) return *bad;
      if (i_ == a_.size()) break;
      std::string_view judge = next(a_, i_);
      if (k_ == t_.size()) {
        return fail(fmt::format("output ended after {} tokens; the answer has more (next: '{}')", token - 1, shown(judge)));
      }
      std::string_view team = next(t_, k_);
      if (auto bad = tokens(token, judge, team)) return *bad;
    }
    if (k_ < t_.size()) return fail(fmt::format("extra output after the answer's last token: '{}'", shown(next(t_, k_))));
    return {true, ""};
  }

 private:
  // White space before the next token: with space_change_sensitive, the output's white space
  // must be the answer's, character for character.
  std::optional<Comparison> spaces() {
    while (i_ < a_.size() && is_space(a_[i_])) {
      if (o_.space_change_sensitive) {
        if (k_ == t_.size() || t_[k_] != a_[i_]) return fail("white space differs from the answer's");
        advance_team();
      }
      ++i_;
    }
    while (k_ < t_.size() && is_space(t_[k_])) {
      if (o_.space_change_sensitive) return fail("extra white space in the output");
      advance_team();
    }
    return std::nullopt;
  }

  std::optional<Comparison> tokens(int n, std::string_view judge, std::string_view team) {
    if (use_floats_) {
      if (auto expected = finite_number(judge)) {
        auto got = finite_number(team);
        if (!got) return fail(fmt::format("token {}: expected a number, got '{}'", n, shown(team)));
        double diff = std::fabs(*expected - *got);
        bool abs_ok = o_.float_abs_tol && diff <= *o_.float_abs_tol;
        bool rel_ok = o_.float_rel_tol && diff <= *o_.float_rel_tol * std::fabs(*expected);
        if (abs_ok || rel_ok) return std::nullopt;
        return fail(fmt::format("token {}: expected {}, got {} (difference {:g} is over the tolerance)", n,
                                shown(judge), shown(team), diff));
      }
    }
    bool same = o_.case_sensitive ? judge == team : ascii_iequal(judge, team);
    if (same) return std::nullopt;
    return fail(fmt::format("token {}: expected '{}', got '{}'", n, shown(judge), shown(team)));
  }

  std::string_view next(std::string_view s, std::size_t& pos) {
    std::size_t start = pos;
    while (pos < s.size() && !is_space(s[pos])) ++pos;
    return s.substr(start, pos - start);
  }

  void advance_team() {
    if (t_[k_] == '\n') ++line_;
    ++k_;
  }

  Comparison fail(const std::string& what) const { return {false, fmt::format("line {} of the output: {}", line_, what)}; }

  std::string_view a_, t_;
  const CompareOptions& o_;
  bool use_floats_;
  std::size_t i_ = 0, k_ = 0;
  int line_ = 1;
};

// problemtools keeps -1 for "no tolerance": a negative value given explicitly unsets it.
std::optional<double> tolerance(const std::vector<std::string>& flags, std::size_t& i) {
  if (i + 1 == flags.size()) throw UsageError("'" + flags[i] + "' needs a value");
  auto v = finite_number(flags[i + 1]);
  if (!v) throw UsageError("'" + flags[i] + " " + flags[i + 1] + "': not a finite number");
  ++i;
  if (*v < 0) return std::nullopt;
  return v;
}

}  // namespace

CompareOptions parse_default_validator_flags(const std::vector<std::string>& flags) {
  CompareOptions o;
  o.case_sensitive = false;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    const std::string& f = flags[i];
    if (f == "case_sensitive") {
      o.case_sensitive = true;
    } else if (f == "space_change_sensitive") {
      o.space_change_sensitive = true;
    } else if (f == "float_absolute_tolerance") {
      o.float_abs_tol = tolerance(flags, i);
    } else if (f == "float_relative_tolerance") {
      o.float_rel_tol = tolerance(flags, i);
    } else if (f == "float_tolerance") {
      o.float_abs_tol = o.float_rel_tol = tolerance(flags, i);
    } else {
      throw UsageError("unknown default validator flag '" + f +
                                  "' (known: case_sensitive, space_change_sensitive, float_tolerance, "
                                  "float_absolute_tolerance, float_relative_tolerance)");
    }
  }
  return o;
}

Comparison default_validate(const std::string& answer, const std::string& output, const CompareOptions& options) {
  return TokenWalk(answer, output, options).run();
}

CompareOptions with_float_tolerance(CompareOptions options) {
  if (!options.float_abs_tol && !options.float_rel_tol) {
    options.float_abs_tol = options.abs_tol;
    options.float_rel_tol = options.rel_tol;
  }
  return options;
}

}  // namespace pyjudge
