// Comparison of what a solution produced with what the problem expects. Pure functions.
#pragma once

#include <string>

#include "judge/spec.hpp"

namespace pyjudge {

struct Comparison {
  bool equal = false;
  std::string message;  ///< where the first difference is, for a person
};

/// Python `==` with list and tuple alike and floats within tolerance; `unordered` ignores the
/// order of elements down to options.unordered_depth levels.
Comparison compare_values(const Value& expected, const Value& got, CompareMode mode,
                          const CompareOptions& options);

/// Program output: `exact` bytes, `lines` (trailing whitespace ignored), `tokens` (Kattis
/// default validator: whitespace-separated, optional case-insensitivity, float tolerance), and
/// `float` (tokens with float tolerance).
Comparison compare_output(const std::string& expected, const std::string& got, CompareMode mode,
                          const CompareOptions& options);

/// A line diff of `expected` and `got` in unified style ("-expected", "+got"), with context.
std::string line_diff(const std::string& expected, const std::string& got, std::size_t max_lines = 40);

}  // namespace pyjudge
