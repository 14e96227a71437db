// The gradebook every batch output is built from: the problem set, the candidates in the order a
// person reads them, one record per judged submission, and what was not graded (files that match
// no problem, entries skipped). Every candidate is graded against the same problem set.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "batch/results.hpp"
#include "batch/submissions.hpp"

namespace pyjudge::batch {

/// Orders names as a person would: case- and accent-insensitive (Latin letters), digit runs as
/// numbers (`alice2` before `alice10`); names equal that way are ordered by their bytes, so the
/// order is total and stable.
bool person_less(std::string_view a, std::string_view b);

/// Whether `id` names a problem folder in `problems_dir` (and could not name one outside it).
bool names_a_problem(const std::filesystem::path& problems_dir, const std::string& id);

struct Gradebook {
  std::vector<std::string> problems;    ///< the problem set, in person order
  std::vector<std::string> candidates;  ///< in person order
  std::vector<Record> records;          ///< one per judged submission, by candidate then problem
  std::vector<std::string> unmatched;   ///< files that match no problem, relative to `base`
  std::vector<std::string> skipped;     ///< "<path> (why)"
  std::filesystem::path base;           ///< the submissions folder (or the manifest's folder)

  /// The record of `candidate` on `problem`, or nullptr if none was submitted.
  const Record* find(const std::string& candidate, const std::string& problem) const;
  /// The points `problem` is worth: the largest max_score any of its records gives (1 if none).
  double max_score(const std::string& problem) const;
  /// A record's file relative to `base` when it lies below it, else as recorded.
  std::string shown_path(const Record& r) const;
};

/// The submissions of `set` whose problem is in `problems_dir`; the others are `unmatched`
/// (their paths relative to the set's folder, for Gradebook::unmatched).
struct ProblemSplit {
  std::vector<Submission> matched;
  std::vector<std::string> unmatched;
  std::vector<std::string> unmatched_candidates;  ///< candidates of those files, graded 0
};
ProblemSplit split_by_problem(const SubmissionSet& set, const std::filesystem::path& problems_dir);

/// A gradebook of `records`: the problem set is every problem they name (every submission of
/// the set matched one) plus `more_problems` (the problems folder the user named: a problem no
/// one submitted still counts in every denominator), the candidates theirs plus
/// `more_candidates` (who submitted only files that match no problem).
Gradebook make_gradebook(std::vector<Record> records, const std::vector<std::string>& more_candidates = {},
                         const std::vector<std::string>& more_problems = {});

/// The problem set a user named with --problems: every problem in that folder. Empty when the
/// folder is pyjudge's own library (`named` empty): then the set is what the submissions name.
std::vector<std::string> named_problem_set(const std::string& named);

}  // namespace pyjudge::batch
