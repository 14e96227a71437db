// Reading a submission's files: hostile intake, shared by every command that accepts a solution
// (run, validate, batch, check). Opened without following symlinks, regular files only, capped.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace pyjudge {

/// A file as intake read it: its bytes, or why it was refused.
struct IntakeFile {
  std::string bytes;
  std::string refused;  ///< "a symlink (...)", "a FIFO (...)", "too large (N bytes; the limit is M)", ...
};

/// Opens `file` with O_NOFOLLOW | O_NONBLOCK: only a regular file of at most `cap` bytes is read
/// (at most one byte past the cap, so a file growing while it is read is still bounded). A
/// symlink, FIFO, device, socket, folder or too large file is refused with the reason; /dev/zero
/// or a FIFO never blocks.
IntakeFile read_regular_file(const std::filesystem::path& file, std::uintmax_t cap);

}  // namespace pyjudge
