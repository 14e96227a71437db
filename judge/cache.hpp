// The prepared-test cache: what is slow to prepare and the same for every submission of one
// problem version (generated tests with the reference's expected values, big test files parsed
// from YAML), stored on disk once and checked on every read. It holds only the judge's own
// data; of it, only test inputs ever reach a box, as when the tests are prepared afresh.
#pragma once

#include <atomic>
#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judge/spec.hpp"

namespace pyjudge {

/// A folder of checked entries. Each entry is written to a temporary file in the same folder,
/// fsynced and renamed into place, with a header holding the payload's length and SHA-256: a
/// torn, truncated or altered entry reads as absent (and is removed), never as data. Two
/// processes storing the same key at once both write whole files; the last rename wins.
class TestCache {
 public:
  explicit TestCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// `$XDG_CACHE_HOME/pyjudge`, else `~/.cache/pyjudge`.
  static std::filesystem::path default_dir();

  const std::filesystem::path& dir() const { return dir_; }

  /// The payload stored under `key`, or nullopt when there is none or it fails its check.
  std::optional<std::string> load(std::string_view key) const;

  /// Stores `payload` under `key`. Best effort: a cache that cannot be written (a read-only
  /// home) costs time, not correctness, so this returns false instead of throwing.
  bool store(std::string_view key, std::string_view payload) const;

  /// Removes every entry (and stale temporary files); returns how many files went.
  std::size_t clear() const;

 private:
  std::filesystem::path entry_path(std::string_view key) const;
  std::filesystem::path dir_;
};

/// The identity of a problem's prepared tests: a hash of every file in the problem folder
/// (except statement.md and __pycache__), pyjudge's version, the cache format and Python's
/// version. Any edit to a spec, generator, test file or reference solution changes it. Nullopt
/// for a folder too big to fingerprint on every run (more than 1000 files or 256 MiB, e.g. a
/// problem.yaml lying in a home folder): such a problem is prepared afresh each time.
std::optional<std::string> problem_cache_key(const Problem& problem);

/// A key for something derived from `content` alone (and `context`, what else it depends on):
/// a hash of both, of pyjudge's version, the cache format and Python's version.
std::string content_cache_key(std::string_view kind, std::string_view context, std::string_view content);

/// Whether `source` compiled before under this pyjudge and Python (a record under its content
/// key): a problem whose generator, checker and reference compiled then loads without starting
/// the judge's interpreter just to compile them again.
bool compiled_before(const TestCache& cache, std::string_view source);
/// Records that `source` compiles (best effort, like TestCache::store).
void remember_compiled(const TestCache& cache, std::string_view source);

/// Test cases as bytes and back (name, origin, input, expected values, scoring). decode_tests
/// throws ProtocolError on anything malformed, and stops between two tests (returning those
/// before) once `cancel` is set.
std::string encode_tests(const std::vector<TestCase>& tests);
std::vector<TestCase> decode_tests(std::string_view bytes, const std::atomic<bool>* cancel = nullptr);

}  // namespace pyjudge
