// The judge's own embedded interpreter, for trusted work only: literals in specs, and (in the
// author worker, judge/author_worker.hpp) generators and checkers written by problem authors.
// It never sees candidate code.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>
#include <string>

#include "judge/author_worker.hpp"
#include "protocol/value.hpp"

namespace pyjudge::host {

/// Parses a Python literal with ast.literal_eval. Throws std::runtime_error with Python's message.
Value literal_eval(const std::string& source);

/// An integer literal too large for int64.
Value big_integer(const std::string& digits);

/// Runs `generate(rng, size)` from `file` with rng = random.Random(f"{seed}:{size}:{index}") and
/// returns the dict it produced, in the author worker under its budget. Throws
/// std::runtime_error naming the file, the size and the cause (an exception, a budget).
Value generate(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index,
               const AuthorBudget& budget);

/// Calls `check(args, expected, got)` from `file` in the author worker. Throws
/// std::runtime_error when the checker itself fails or goes past its budget (that is the
/// judge's fault, IE, never the candidate's).
CheckerVerdict check(const std::filesystem::path& file, const Value& args, const Value& expected,
                     const Value& got, const AuthorBudget& budget);

/// generate() and check() in this process, unbounded: for the author worker itself.
Value generate_here(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index);
CheckerVerdict check_here(const std::filesystem::path& file, const Value& args, const Value& expected,
                          const Value& got);

/// Whether `name` is defined in Python's builtins module (ValueError, len, ...). For names an
/// author wrote (a spec's `raises:`); never for names a candidate's run reported.
bool is_builtin_name(const std::string& name);

/// CPython 3.11's builtin exception classes, a closed list the judge holds itself.
std::span<const std::string_view> builtin_exception_names();

/// The entry of builtin_exception_names() equal to `type` when `module` is "builtins", else
/// nullopt. What a candidate's run reports as its exception's class is hostile text: only a
/// view into the judge's own list may reach a report a candidate reads.
std::optional<std::string_view> builtin_exception(const std::string& module, const std::string& type);

/// The global names `code` uses (loads, stores, calls), nested functions and classes included,
/// that are not builtins. Throws std::runtime_error if it does not compile.
std::vector<std::string> global_names(const std::string& code);

/// Compiles `code` to check it is valid Python; throws std::runtime_error with the SyntaxError.
void check_compiles(const std::string& code, const std::string& filename);

}  // namespace pyjudge::host
