// What a batch leaves for people and machines, all built from result records (the `run --json`
// objects plus candidate and score): a terminal summary, CSV grades, JUnit XML, a self-contained
// HTML report, and a Markdown summary for GitHub.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include "batch/gradebook.hpp"
#include "batch/results.hpp"

namespace pyjudge::batch {

using Records = std::vector<Record>;

/// candidate x problem: verdict and score per cell, solved and score out of the same problem set
/// for every candidate; then one line of files that match no problem and one of skipped entries.
void print_summary(std::ostream& out, const Gradebook& book, bool colour);

/// One row per submission: candidate,problem,verdict,passed,total,score,max_score,time_ms,
/// memory_kib,file,first_failure (the file relative to the submissions folder).
void write_csv(const std::filesystem::path& file, const Gradebook& book);

/// The wide gradebook: one row per candidate (in person order), one column per problem of the
/// set with the candidate's score on it (empty: not submitted), then total and max_score.
void write_csv_wide(const std::filesystem::path& file, const Gradebook& book);

/// The gradebook as JSON: the problem set, each candidate's cells, solved and score, the files
/// that match no problem and the skipped entries.
nlohmann::json gradebook_json(const Gradebook& book);

/// One <testsuite> per submission, one <testcase> per test; failures carry the message (and
/// input/expected/got for sample tests). GitHub, GitLab and Jenkins render it.
std::string junit_xml(const Records& records);
void write_junit(const std::filesystem::path& file, const Records& records);

/// One self-contained file (inline CSS and JS, no external assets): a sortable grid of candidates
/// x problems (a verdict label on every cell, a colour-blind-safe palette), per-problem pass
/// rates, and for each cell every test (verdict, time, memory, input/expected/got/diff, hidden
/// tests too), the candidate's code and a line diff against another candidate's code for the
/// same problem; the files that match no problem and the skipped entries. Candidate text is
/// bounded (8 KiB a field, 64 KiB of code) and only ever reaches the page as text.
void write_html(const std::filesystem::path& file, const Gradebook& book);

/// A Markdown table of the submissions, for $GITHUB_STEP_SUMMARY.
std::string markdown_summary(const Records& records);
/// Appends markdown_summary() to `file` (GitHub collects the summary of every step there); the
/// file is never cut.
void append_step_summary(const std::filesystem::path& file, const Records& records);

/// The first failing test of a record as "name: message" (or the record's error), "" if none.
std::string first_failure(const Record& record);

/// The line of the candidate's file a failure points at: a compile error's, or the first failing
/// test's (a runtime error's traceback line); nullopt if none is known.
std::optional<long> failing_line(const Record& record);

/// GitHub workflow commands: one `::error file=...,line=...,title=...::message` line per record
/// that is not accepted, every candidate-controlled part escaped for its place.
std::string github_annotations(const Records& records);

}  // namespace pyjudge::batch
