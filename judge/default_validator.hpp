// Kattis problemtools' default output validator, as a pure function: whitespace-separated
// tokens, case-insensitive unless asked, numbers within a tolerance when one is given.
#pragma once

#include <string>
#include <vector>

#include "judge/compare.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

/// Reads problemtools' validator flags (`case_sensitive`, `space_change_sensitive`,
/// `float_tolerance X`, `float_absolute_tolerance X`, `float_relative_tolerance X`) into the
/// options the comparison uses; Kattis compares case-insensitively unless told otherwise.
/// Throws UsageError naming an unknown flag or a tolerance that is not a finite number.
CompareOptions parse_default_validator_flags(const std::vector<std::string>& flags);

/// Compares the candidate's output with the judge's answer exactly as problemtools'
/// default_validator does:
/// - tokens are separated by white space (space, \t, \n, \v, \f, \r); with
///   `space_change_sensitive` every white-space character must match the answer's;
/// - when a tolerance is set (options.float_abs_tol / float_rel_tol, any value, 0 included) and
///   the *answer's* token is a finite number, the candidate's token must be a finite number with
///   |a - c| <= abs_tol or |a - c| <= rel_tol * |a| (relative to the answer only);
/// - any other token (no tolerance; an answer token that is inf, nan, or overflows) compares as
///   a string, ASCII case-insensitively unless options.case_sensitive.
/// The message says where the first difference is (token number and line of the output).
Comparison default_validate(const std::string& answer, const std::string& output, const CompareOptions& options);

/// `compare: float` without an explicit token tolerance: the value tolerances, abs_tol and rel_tol.
CompareOptions with_float_tolerance(CompareOptions options);

}  // namespace pyjudge
