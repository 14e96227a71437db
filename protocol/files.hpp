// Files and descriptors, the one way every layer handles them: a descriptor owned by one RAII
// object, and a whole file read with a cap checked before reading, failures named, never thrown
// (the box and code around candidate code may use it too).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>

namespace pyjudge {

/// Owns one file descriptor; closes it once.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& o) noexcept {
    if (this != &o) reset(std::exchange(o.fd_, -1));
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  /// Gives the descriptor up without closing it.
  int release() { return std::exchange(fd_, -1); }
  /// Closes the held descriptor (if any) and holds `fd`.
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

/// A whole file's bytes, or why it was not read.
struct FileContents {
  std::string data;
  std::string error;  ///< "" when read; else e.g. "cannot be opened: No such file or directory", "a
                      ///< FIFO", "too large (N bytes; the limit is M)"
  bool ok() const { return error.empty(); }
};

enum class Symlinks { Follow, Refuse };

/// Reads a regular file of at most `max_bytes`, without blocking on a FIFO or device (they are
/// refused), at most one byte past the cap even if it grows while read. With Symlinks::Refuse
/// the last component is opened O_NOFOLLOW.
FileContents read_whole_file(const std::filesystem::path& path, std::size_t max_bytes,
                             Symlinks symlinks = Symlinks::Follow);

/// The first `max_bytes` of a regular file (a message an author's program wrote, a page's
/// source): like read_whole_file, but a longer file is cut, not refused.
FileContents read_file_head(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace pyjudge
