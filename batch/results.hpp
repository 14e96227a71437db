// results.jsonl: one JSON object per judged submission, appended and fsynced as each finishes,
// so a batch killed at any point (Ctrl-C, kill -9, power loss) resumes without losing or
// repeating a submission. A line is read into a typed `Record` and written from one here, and
// nowhere else: the rest of batch/ works on `Record`s, never on JSON.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/errors.hpp"
#include "judge/verdict.hpp"

namespace pyjudge::batch {

/// One test of a judged submission. The detail strings are empty when the judge kept none.
struct TestRecord {
  std::string name;
  Verdict verdict = Verdict::IE;
  bool sample = false;
  double time_ms = 0;
  std::int64_t memory_kib = 0;
  std::string message;
  std::optional<long> line;  ///< the candidate's line a runtime error points at
  std::string input, expected, got, diff, traceback;
  nlohmann::json rest = nlohmann::json::object();  ///< the other fields, written back as read
};

struct CompileErrorRecord {
  std::string message, kind;
  long line = 0;
};

/// One submission's result: the `run --json` object plus who, what and the fingerprints.
struct Record {
  std::string candidate, problem, file;
  Verdict verdict = Verdict::IE;
  int passed = 0, total = 0;
  double score = 0, max_score = 1;
  double time_ms = 0, wall_ms = 0;
  std::int64_t memory_kib = 0;
  std::vector<TestRecord> tests;
  std::optional<CompileErrorRecord> compile_error;
  std::string error;           ///< the batch could not judge it (unknown problem, broken spec, ...)
  std::string internal_error;  ///< the judge failed while judging it
  std::string refused;         ///< intake would not read the file (a symlink, a FIFO, ...)
  std::string file_sha256, problem_version;
  std::string submissions;  ///< the set judged (its folder or manifest)
  std::string shard;        ///< "I/N", empty when the batch was not sharded
  nlohmann::json rest = nlohmann::json::object();  ///< the other fields, written back as read

  /// "<candidate>/<problem>": one result per key in results.jsonl.
  std::string key() const { return candidate + "/" + problem; }
};

/// Reads a record from its JSON object. Throws std::invalid_argument naming the field when a
/// field has the wrong type or a verdict is not one of AC, WA, TLE, MLE, RE, OLE, CE, IE.
Record record_from_json(const nlohmann::json& j);
nlohmann::json to_json(const Record& r);
/// The record as one results-file line, newline included (invalid UTF-8 replaced).
std::string record_line(const Record& r);

/// Reads the records of a results file. A last line without its newline is a write that was cut
/// short: it is dropped (and reported in `torn`). Any other line that is not a record is an
/// error naming the file and line (UsageError).
struct LoadedResults {
  std::vector<Record> records;
  bool torn = false;
  std::uintmax_t valid_bytes = 0;  ///< length of the file up to the end of the last whole line
};
LoadedResults load_results(const std::filesystem::path& file);

/// What identifies the judged version of a submission: its file's bytes and its problem.
struct Fingerprint {
  std::string file_sha256, problem_version;
};

/// Whether a stored record still stands for the submission `current` fingerprints (resume).
bool still_valid(const Record& stored, const Fingerprint& current);

class ResultsLog {
 public:
  /// Opens (or creates) `file` for a batch. Records for keys in `current` that are
  /// still_valid() are kept and reported by `done()`; others (a changed file, a changed problem,
  /// a torn last line, a duplicate) are dropped by rewriting the file atomically before anything
  /// is appended.
  ///
  /// `submissions` names the set being judged (its folder or manifest); every record appended
  /// carries it. A file holding records of another set is refused (UsageError) unless
  /// `replace_other_set`: rewriting it would silently drop another batch's results.
  ResultsLog(std::filesystem::path file, const std::map<std::string, Fingerprint>& current,
             const std::string& submissions = "", bool replace_other_set = false);
  ~ResultsLog();
  ResultsLog(const ResultsLog&) = delete;
  ResultsLog& operator=(const ResultsLog&) = delete;

  /// The stored record for `key`, or nullptr if it must be judged.
  const Record* done(const std::string& key) const;
  /// Appends one record as one line, then fsyncs: once this returns, the record survives a crash.
  void append(const Record& record);
  std::size_t dropped() const { return dropped_; }

 private:
  std::filesystem::path file_;
  int fd_ = -1;
  std::map<std::string, Record> kept_;
  std::size_t dropped_ = 0;
};

/// `pyjudge merge`: the shards' records combined, and what is wrong with them.
struct Merged {
  std::vector<Record> records;    ///< by key
  std::vector<std::string> problems;  ///< "overlap: ...", "gap: ...", mixed shard counts
  unsigned shards = 1;
};

/// Combines the records of several results files (`inputs`: name and records, in order). A key
/// in two files is an overlap; records of runs with different shard counts are named. With
/// `expected` (the batch's submission keys) any key without a record is a gap; without it, a
/// shard index nobody reported is.
Merged merge_results(const std::vector<std::pair<std::string, std::vector<Record>>>& inputs,
                     const std::optional<std::vector<std::string>>& expected);

}  // namespace pyjudge::batch
