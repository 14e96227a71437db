// results.jsonl: one JSON object per judged submission, appended and fsynced as each finishes,
// so a batch killed at any point (Ctrl-C, kill -9, power loss) resumes without losing or
// repeating a submission.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/errors.hpp"

namespace pyjudge::batch {

/// Reads the records of a results file. A last line without its newline is a write that was cut
/// short: it is dropped (and reported in `torn`). Any other line that is not a JSON object is an
/// error naming the file and line (UsageError).
struct LoadedResults {
  std::vector<nlohmann::json> records;
  bool torn = false;
  std::uintmax_t valid_bytes = 0;  ///< length of the file up to the end of the last whole line
};
LoadedResults load_results(const std::filesystem::path& file);

class ResultsLog {
 public:
  /// Opens (or creates) `file` for a batch. Records for keys in `current` whose fingerprints
  /// (file_sha256, problem_version) still match are kept and reported by `done()`; others (a
  /// changed file, a changed problem, a torn last line, a duplicate) are dropped by rewriting the
  /// file atomically before anything is appended.
  ///
  /// `submissions` names the set being judged (its folder or manifest); every record appended
  /// carries it. A file holding records of another set is refused (UsageError) unless
  /// `replace_other_set`: rewriting it would silently drop another batch's results.
  ResultsLog(std::filesystem::path file,
             const std::map<std::string, std::pair<std::string, std::string>>& current,
             const std::string& submissions = "", bool replace_other_set = false);
  ~ResultsLog();
  ResultsLog(const ResultsLog&) = delete;
  ResultsLog& operator=(const ResultsLog&) = delete;

  /// The stored record for `key`, or nullptr if it must be judged.
  const nlohmann::json* done(const std::string& key) const;
  /// Appends one record as one line, then fsyncs: once this returns, the record survives a crash.
  void append(const nlohmann::json& record);
  std::size_t dropped() const { return dropped_; }

 private:
  std::filesystem::path file_;
  int fd_ = -1;
  std::map<std::string, nlohmann::json> kept_;
  std::size_t dropped_ = 0;
};

/// The record's key, "<candidate>/<problem>".
std::string record_key(const nlohmann::json& record);

}  // namespace pyjudge::batch
