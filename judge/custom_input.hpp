// The user's own input on `run` (LeetCode's "Run" with a custom test case): parsed into a test
// case whose expected value the problem's reference solution computes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "judge/runner.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

/// What the command line gave, as text. Values are Python literals (`[[3, 1], 4]`).
struct CustomInput {
  std::optional<std::string> args, kwargs;  ///< function mode
  std::optional<std::string> ops, op_args;  ///< design mode
  std::optional<std::string> stdin_data;    ///< stdio mode (already read from the file or stdin)
  std::optional<std::string> code;          ///< script mode
  bool given() const { return args || kwargs || ops || op_args || stdin_data || code; }
};

/// The test `custom-1`: a sample (shown in full) marked custom, no expected value yet. Throws
/// UsageError naming the flag when the input is malformed or does not fit the
/// problem's mode. A list argument is turned into a ListNode/TreeNode where the problem's first
/// written test passes one at that position.
TestCase custom_test(const Problem& problem, const CustomInput& input);

/// `test` (from custom_test()) with the expected value the problem's reference solution gives
/// on it, run in its own box from `make_runner`. Throws UsageError when the problem has no
/// reference or the reference fails on this input, JudgeError when its box does.
TestCase with_reference_expected(const Problem& problem, TestCase test, const RunnerFactory& make_runner);

/// The solution that defines the expected answer: `reference:`, else the first file under
/// solutions/accepted/ (sorted), else nullopt.
std::optional<std::filesystem::path> reference_solution(const Problem& problem);

}  // namespace pyjudge
