// The tests of a problem: its written ones and the generated ones, whose expected values come
// from the reference solution run in its own box (or from the prepared-test cache).
#pragma once

#include <atomic>
#include <optional>
#include <vector>

#include "judge/runner.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

class TestCache;

/// The problem's written tests plus its generated ones, whose expected values come from running
/// the reference solution in a box (or from `cache`). Throws JudgeError if the reference fails.
std::vector<TestCase> all_tests(const Problem& problem, const RunnerFactory& make_runner,
                                const TestCache* cache = nullptr);

/// The generated tests with their expected values: from `cache` when it holds this problem
/// version, else generated, run through the reference and stored. Stops early (returning what
/// it has, unstored) once `cancel` is set. Throws JudgeError if a generator or the reference
/// fails.
std::vector<TestCase> generated_tests(const Problem& problem, const RunnerFactory& make_runner,
                                      const TestCache* cache, const std::atomic<bool>* cancel = nullptr);

/// The generated tests with their expected values from `cache` alone: nullopt when it does not
/// hold this problem version (or `cancel` was set while reading them). Runs nothing.
std::optional<std::vector<TestCase>> cached_generated_tests(const Problem& problem, const TestCache* cache,
                                                            const std::atomic<bool>* cancel = nullptr);

/// The generated tests' names, origins and groups, without running anything: what a report
/// counts before they are prepared.
std::vector<TestCase> planned_generated_tests(const Problem& problem);

/// The generated tests' inputs (no expected values yet), straight from the generators. Throws
/// JudgeError if a generator fails.
std::vector<TestCase> generated_inputs(const Problem& problem, const std::atomic<bool>* cancel = nullptr);

/// Whether generated_inputs() shows its progress on stderr when that is a terminal (default:
/// no). `validate` turns it on: it prepares tests before it prints anything; `run` prepares them
/// while it prints the written tests' lines, and a batch has its own progress bar.
void show_generation_progress(bool on);

/// Runs the problem's reference solution on `tests` in `runner` and stores what it returned
/// (printed, in stdio mode) as each test's expected value. A custom test on which the reference
/// raises expects that exception (function, design, script modes). Throws JudgeError if the
/// reference fails otherwise, UsageError if it fails on a custom test.
void fill_expected(const Problem& problem, std::vector<TestCase>& tests, Runner& runner,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace pyjudge
