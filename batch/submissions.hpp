// What a batch judges: submissions found in a folder (SUBMISSIONS/<candidate>/<problem-id>.py, or
// a solution folder SUBMISSIONS/<candidate>/<problem-id>/) or listed in a manifest, and the
// fingerprints that tell whether a stored result is still valid.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "judge/errors.hpp"
#include "protocol/messages.hpp"

namespace pyjudge::batch {

struct Submission {
  std::string candidate;
  std::string problem;
  std::filesystem::path file;
  /// "<candidate>/<problem>": one result per key in results.jsonl.
  std::string key() const { return candidate + "/" + problem; }
};

/// `root` is a folder laid out as <candidate>/<problem-id>.py (or <candidate>/<problem-id>/, a
/// solution folder), or a manifest: a .csv with the
/// header `candidate,problem,file` or a .yaml/.yml list of {candidate, problem, file}; manifest
/// paths are relative to the manifest's folder. Sorted by key; a duplicate key is an error
/// (UsageError naming the file and line).
std::vector<Submission> find_submissions(const std::filesystem::path& root);

/// What a submissions folder holds: the submissions, and every entry that is not one, each as
/// "<path relative to the folder> (why)": a file outside a candidate's folder, a file that is not
/// .py, a hidden entry (.git/, .DS_Store), a symlinked candidate folder, a folder inside a
/// candidate's folder. (A symlinked .py stays a submission: intake refuses it with a record.)
/// A manifest skips nothing.
struct SubmissionSet {
  std::vector<Submission> submissions;
  std::vector<std::string> skipped;
  /// The folder submission paths are shown relative to: the folder, or the manifest's folder.
  std::filesystem::path base;
};
SubmissionSet scan_submissions(const std::filesystem::path& root);

/// `--shard I/N`: this process judges the submissions whose key hashes to I modulo N. The hash
/// is of the key alone, so adding files never moves an existing submission to another shard.
struct Shard {
  unsigned index = 0, count = 1;
  static Shard parse(const std::string& text);  ///< "2/4"; throws UsageError
  bool contains(const Submission& s) const;
  std::string str() const { return std::to_string(index) + "/" + std::to_string(count); }
};

/// Largest submission file a batch reads (the box's own source cap, protocol/messages.hpp).
inline constexpr std::uintmax_t kMaxSubmissionBytes = std::uintmax_t{256} << 10;

/// A submission as intake read it: one file's bytes, or a solution folder's entry file and
/// modules (judge/solution_folder.hpp); or why it was refused.
struct SubmissionFile {
  std::string source;                ///< the file, or the folder's entry file
  std::string entry;                 ///< a folder's entry file, relative to it ("" for a file)
  std::vector<ModuleFile> modules;   ///< a folder's other modules
  std::string refused;  ///< "a symlink", "a FIFO", "too large (N bytes; the limit is M)", ...
  /// What resuming compares: SHA-256 of a file's bytes; of a folder, of its entry's name and
  /// bytes and every module's path and bytes. Empty when refused.
  std::string fingerprint() const;
};

/// Opens `file` without following a symlink and without blocking (O_NOFOLLOW | O_NONBLOCK):
/// only a regular file of at most kMaxSubmissionBytes is read. A folder (not a symlink to one)
/// is a solution folder, read under read_solution_folder()'s rules. A symlink, FIFO, device,
/// socket, too large file or a folder that breaks those rules is refused with the reason;
/// /dev/zero or a FIFO never blocks.
SubmissionFile read_submission(const std::filesystem::path& file);

/// read_submission(file).fingerprint().
std::string file_sha256(const std::filesystem::path& file);

/// A file or folder name as data: bytes that are not UTF-8 become \xNN (stable across runs, so
/// resuming finds the same key), everything else is kept.
std::string name_as_text(const std::string& bytes);

/// A digest of what defines a problem's tests and verdicts: every file of its folder except
/// statement.md and solutions/. A result judged under another version is judged again.
std::string problem_version(const std::filesystem::path& problem_dir);

}  // namespace pyjudge::batch
