// Text a candidate reads: tracebacks, syntax errors, the input of a test.
#pragma once

#include <string>

#include "judge/spec.hpp"

namespace pyjudge {

/// Formats a traceback like Python does, with source lines taken from the judge's own copy of
/// the candidate's file, repeated frames folded. `source` may be empty.
std::string format_traceback(const RaisedException& e, const std::string& filename, const std::string& source);

/// The last line of the candidate's own file in the traceback, if any.
std::optional<std::int64_t> candidate_line(const RaisedException& e, const std::string& filename);

/// "  File "x.py", line 3 / source / caret / SyntaxError: message".
std::string format_compile_error(const CompileError& e, const std::string& filename, const std::string& source);

/// The test's input as the candidate's code received it.
std::string describe_input(const Problem& problem, const TestCase& test);

/// Removes terminal control sequences from text produced in the sandbox.
std::string printable(const std::string& text);

}  // namespace pyjudge
