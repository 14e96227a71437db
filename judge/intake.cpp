#include "judge/intake.hpp"

#include "protocol/files.hpp"

namespace pyjudge {

IntakeFile read_regular_file(const std::filesystem::path& file, std::uintmax_t cap) {
  FileContents read = read_whole_file(file, static_cast<std::size_t>(cap), Symlinks::Refuse);
  IntakeFile out;
  if (read.ok()) {
    out.bytes = std::move(read.data);
  } else {
    out.refused = std::move(read.error);
    // What is not a regular file says what intake accepts.
    for (const char* kind : {"a symlink", "a FIFO", "a device", "a socket", "a folder"})
      if (out.refused == kind) out.refused += " (submissions are read as regular files only)";
  }
  return out;
}

}  // namespace pyjudge
