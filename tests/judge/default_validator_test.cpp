#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <stdexcept>

#include "judge/default_validator.hpp"
#include "judge/errors.hpp"

using namespace pyjudge;

namespace {

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The behaviours problemtools documents for its default validator (problem package format,
// "Default output validator", and default_validator.cc), each numbered for the table below.
enum Behaviour {
  kTokensIgnoreSpaceAmount = 1,   // any amount and kind of white space separates tokens
  kCaseInsensitiveByDefault,      // "Yes" matches "YES" without flags
  kCaseSensitiveFlag,             // case_sensitive makes case matter
  kSpaceChangeSensitiveFlag,      // space_change_sensitive: white space must match exactly
  kAbsoluteTolerance,             // float_absolute_tolerance e: |a - c| <= e
  kRelativeTolerance,             // float_relative_tolerance e: |a - c| <= e * |a|
  kFloatToleranceSetsBoth,        // float_tolerance e: both of the above
  kEitherToleranceSuffices,       // accepted if within the absolute OR the relative tolerance
  kRelativeToAnswerOnly,          // the relative error is measured against the answer's value
  kAnswerTokenDecidesNumber,      // a numeric answer token needs a numeric output token
  kNonFiniteAnswerIsString,       // answer token inf / nan / overflowing compares as a string
  kNoToleranceMeansStrings,       // without a tolerance "1.0" and "1" differ
  kTinyToleranceHonoured,         // an explicit tolerance of 1e-9 or less (0 too) applies
  kExtraOrMissingOutputRejected,  // a token too many or too few is wrong
  kNumberGrammarOfStrtod,         // numbers as C reads them: exponents, hex floats, leading +
  kNegativeToleranceIsUnset,      // problemtools' -1 sentinel: a negative tolerance is no tolerance
  kUnknownFlagIsAnError,          // anything else is a judge error, not a silent default
  kBehaviourCount
};

struct Row {
  const char* flags;
  const char* answer;
  const char* output;
  bool accepted;
  Behaviour behaviour;
};

const Row kTable[] = {
    {"", "3\n1 2 3\n", "3 1\t2\r\n3", true, kTokensIgnoreSpaceAmount},
    {"", "a b", "\n\n  a\n\n b \n\n", true, kTokensIgnoreSpaceAmount},
    {"", "", " \n\t", true, kTokensIgnoreSpaceAmount},
    {"", "ab", "a b", false, kTokensIgnoreSpaceAmount},
    {"", "a b", "ab", false, kTokensIgnoreSpaceAmount},
    {"", "Yes", "YES", true, kCaseInsensitiveByDefault},
    {"", "possible", "PoSsIbLe", true, kCaseInsensitiveByDefault},
    {"", "straße", "STRAßE", true, kCaseInsensitiveByDefault},  // ASCII letters only fold
    {"", "straße", "STRASSE", false, kCaseInsensitiveByDefault},
    {"case_sensitive", "Yes", "YES", false, kCaseSensitiveFlag},
    {"case_sensitive", "Yes", "Yes", true, kCaseSensitiveFlag},
    {"case_sensitive", "1E5", "1e5", false, kCaseSensitiveFlag},
    {"", "1E5", "1e5", true, kCaseSensitiveFlag},
    {"space_change_sensitive", "1 2\n", "1 2\n", true, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "1 2\n", "1  2\n", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "1 2\n", "1 2", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "1 2\n", "1 2\n\n", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "1 2\n", "1\t2\n", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "1 2\n", " 1 2\n", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "", "", true, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive", "", " ", false, kSpaceChangeSensitiveFlag},
    {"space_change_sensitive case_sensitive", "A b\n", "a b\n", false, kSpaceChangeSensitiveFlag},
    {"float_absolute_tolerance 0.01", "1.000", "1.009", true, kAbsoluteTolerance},
    {"float_absolute_tolerance 0.01", "1.000", "0.985", false, kAbsoluteTolerance},
    {"float_absolute_tolerance 0.01", "1000000", "1000000.5", false, kAbsoluteTolerance},
    {"float_absolute_tolerance 0.5", "-3", "-2.5", true, kAbsoluteTolerance},
    {"float_relative_tolerance 0.01", "1000", "1009", true, kRelativeTolerance},
    {"float_relative_tolerance 0.01", "1000", "989", false, kRelativeTolerance},
    {"float_relative_tolerance 0.01", "0", "0.000001", false, kRelativeTolerance},
    {"float_relative_tolerance 0.01", "-200", "-201.5", true, kRelativeTolerance},
    {"float_tolerance 1e-6", "0.5", "0.5000009", true, kFloatToleranceSetsBoth},
    {"float_tolerance 1e-6", "0", "0.0000009", true, kFloatToleranceSetsBoth},
    {"float_tolerance 1e-6", "1e9", "1000000900", true, kFloatToleranceSetsBoth},
    {"float_tolerance 1e-6", "1e9", "1000001100", false, kFloatToleranceSetsBoth},
    {"float_absolute_tolerance 1 float_relative_tolerance 0.001", "10", "10.9", true, kEitherToleranceSuffices},
    {"float_absolute_tolerance 1 float_relative_tolerance 0.001", "10000", "10009", true, kEitherToleranceSuffices},
    {"float_absolute_tolerance 1 float_relative_tolerance 0.001", "10000", "10011", false, kEitherToleranceSuffices},
    {"float_tolerance 0.5", "1", "1.50001", false, kRelativeToAnswerOnly},  // pyjudge once took max(|a|,|c|)
    {"float_tolerance 0.5", "1", "1.5", true, kRelativeToAnswerOnly},
    {"float_relative_tolerance 0.5", "2", "3.9", false, kRelativeToAnswerOnly},
    {"float_relative_tolerance 0.5", "4", "2", true, kRelativeToAnswerOnly},
    {"float_tolerance 0.1", "2.0", "two", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "2.0", "inf", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "2.0", "nan", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "2.0", "1e999", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "2.0", "2.0x", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "two", "TWO", true, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "two", "2.0", false, kAnswerTokenDecidesNumber},
    {"float_tolerance 0.1", "inf", "inf", true, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "inf", "INF", true, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "inf", "infinity", false, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "nan", "NaN", true, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "nan", "nan(1)", false, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "1e999", "1E999", true, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "1e999", "1e1000", false, kNonFiniteAnswerIsString},
    {"float_tolerance 0.1", "-1e400", "-1e400", true, kNonFiniteAnswerIsString},
    {"", "1.0", "1", false, kNoToleranceMeansStrings},
    {"", "0.5", "0.50", false, kNoToleranceMeansStrings},
    {"", "1.0", "1.0", true, kNoToleranceMeansStrings},
    {"case_sensitive", "0x10", "16", false, kNoToleranceMeansStrings},
    {"float_absolute_tolerance 0", "0.1", "0.1", true, kTinyToleranceHonoured},
    {"float_absolute_tolerance 0", "0.1", "0.10", true, kTinyToleranceHonoured},
    {"float_absolute_tolerance 0", "0.1", "0.1000000000001", false, kTinyToleranceHonoured},
    {"float_tolerance 1e-12", "1", "1.0000000000005", true, kTinyToleranceHonoured},
    {"float_tolerance 1e-12", "1", "1.000000000002", false, kTinyToleranceHonoured},
    {"float_tolerance 1e-9", "1", "1.0000000005", true, kTinyToleranceHonoured},
    {"float_tolerance 1e-9", "1", "1.000000002", false, kTinyToleranceHonoured},
    {"", "1 2", "1 2 3", false, kExtraOrMissingOutputRejected},
    {"", "1 2 3", "1 2", false, kExtraOrMissingOutputRejected},
    {"", "1", "", false, kExtraOrMissingOutputRejected},
    {"", "", "0", false, kExtraOrMissingOutputRejected},
    {"float_tolerance 0.1", "1 2", "1 2 3", false, kExtraOrMissingOutputRejected},
    {"float_tolerance 0.01", "1e3", "1000.001", true, kNumberGrammarOfStrtod},
    {"float_tolerance 0.01", "0x10", "16", true, kNumberGrammarOfStrtod},
    {"float_tolerance 0.01", "+5", "5", true, kNumberGrammarOfStrtod},
    {"float_tolerance 0.01", ".5", "0.5", true, kNumberGrammarOfStrtod},
    {"float_tolerance 0.01", "5.", "5", true, kNumberGrammarOfStrtod},
    {"float_tolerance 0.01", "1e-400", "0", true, kNumberGrammarOfStrtod},  // underflow is finite
    {"float_tolerance 0.01", "1,5", "1.5", false, kNumberGrammarOfStrtod},  // "1,5" is a string
    {"float_tolerance -1", "1.0", "1", false, kNegativeToleranceIsUnset},
    {"float_tolerance -1", "1.0", "1.0", true, kNegativeToleranceIsUnset},
    {"float_tolerance 0.1 float_absolute_tolerance -1", "10", "10.5", true, kNegativeToleranceIsUnset},
    {"float_tolerance 0.1 float_relative_tolerance -1", "10", "10.5", false, kNegativeToleranceIsUnset},
};

}  // namespace

TEST_CASE("The default validator agrees with problemtools' documented behaviour, case by case") {
  std::set<int> covered;
  for (const Row& row : kTable) {
    CAPTURE(row.flags);
    CAPTURE(row.answer);
    CAPTURE(row.output);
    Comparison c = default_validate(row.answer, row.output, parse_default_validator_flags(words(row.flags)));
    CHECK(c.equal == row.accepted);
    if (!row.accepted) CHECK(!c.message.empty());
    covered.insert(row.behaviour);
  }
  // Every documented behaviour has at least one row (the unknown-flag one is checked below).
  covered.insert(kUnknownFlagIsAnError);
  CHECK(covered.size() == kBehaviourCount - 1);
  MESSAGE(std::size(kTable) << " cases cover " << covered.size() << " documented behaviours");
}

TEST_CASE("An unknown default validator flag or a tolerance that is not a number is an error") {
  CHECK_THROWS_AS(parse_default_validator_flags({"float_tolerence", "1e-6"}), UsageError);
  CHECK_THROWS_AS(parse_default_validator_flags({"float_tolerance"}), UsageError);
  CHECK_THROWS_AS(parse_default_validator_flags({"float_tolerance", "abc"}), UsageError);
  CHECK_THROWS_AS(parse_default_validator_flags({"float_tolerance", "inf"}), UsageError);
  CHECK_NOTHROW(parse_default_validator_flags({"case_sensitive", "space_change_sensitive"}));
}

TEST_CASE("The default validator names the line and token of the first difference") {
  auto o = parse_default_validator_flags({});
  Comparison c = default_validate("1\n2\n3\n", "1\n2\n4\n", o);
  CHECK(c.message == "line 3 of the output: token 3: expected '3', got '4'");
  CHECK(default_validate("1 2", "1", o).message.find("output ended after 1 tokens") != std::string::npos);
  CHECK(default_validate("1", "1 2", o).message.find("extra output") != std::string::npos);
}

TEST_CASE("Native compare: tokens follows the default validator, its tolerance only when written") {
  CompareOptions native;  // the spec's defaults: case-sensitive, no token tolerance
  CHECK_FALSE(compare_output("1.0", "1", CompareMode::Tokens, native).equal);
  native.float_abs_tol = 0.0;  // compare_options: {abs_tol: 0}: numbers, exactly
  CHECK(compare_output("1.0", "1", CompareMode::Tokens, native).equal);
  CompareOptions loose{0.5, 0.5, true, 1};
  CHECK_FALSE(compare_output("1", "1.50001", CompareMode::Float, loose).equal);
  CHECK(compare_output("1", "1.5", CompareMode::Float, loose).equal);
}
