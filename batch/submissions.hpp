// What a batch judges: submissions found in a folder (SUBMISSIONS/<candidate>/<problem-id>.py) or
// listed in a manifest, and the fingerprints that tell whether a stored result is still valid.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include "judge/errors.hpp"
#include <vector>

namespace pyjudge::batch {

struct Submission {
  std::string candidate;
  std::string problem;
  std::filesystem::path file;
  /// "<candidate>/<problem>": one result per key in results.jsonl.
  std::string key() const { return candidate + "/" + problem; }
};

/// `root` is a folder laid out as <candidate>/<problem-id>.py, or a manifest: a .csv with the
/// header `candidate,problem,file` or a .yaml/.yml list of {candidate, problem, file}; manifest
/// paths are relative to the manifest's folder. Sorted by key; a duplicate key is an error
/// (UsageError naming the file and line).
std::vector<Submission> find_submissions(const std::filesystem::path& root);

/// `--shard I/N`: this process judges the submissions whose key hashes to I modulo N. The hash
/// is of the key alone, so adding files never moves an existing submission to another shard.
struct Shard {
  unsigned index = 0, count = 1;
  static Shard parse(const std::string& text);  ///< "2/4"; throws UsageError
  bool contains(const Submission& s) const;
  std::string str() const { return std::to_string(index) + "/" + std::to_string(count); }
};

/// SHA-256 of a file's bytes, in hex; empty if it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

/// A digest of what defines a problem's tests and verdicts: every file of its folder except
/// statement.md and solutions/. A result judged under another version is judged again.
std::string problem_version(const std::filesystem::path& problem_dir);

}  // namespace pyjudge::batch
