#include "judge/intake.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>

namespace pyjudge {

IntakeFile read_regular_file(const std::filesystem::path& file, std::uintmax_t cap) {
  IntakeFile out;
  int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    out.refused = errno == ELOOP ? "a symlink (submissions are read as regular files only)"
                                 : fmt::format("cannot be opened: {}", std::strerror(errno));
    return out;
  }
  struct stat st {};
  if (fstat(fd, &st) < 0) {
    out.refused = fmt::format("cannot be examined: {}", std::strerror(errno));
  } else if (S_ISFIFO(st.st_mode)) {
    out.refused = "a FIFO (submissions are read as regular files only)";
  } else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
    out.refused = "a device (submissions are read as regular files only)";
  } else if (S_ISSOCK(st.st_mode)) {
    out.refused = "a socket (submissions are read as regular files only)";
  } else if (S_ISDIR(st.st_mode)) {
    out.refused = "a folder (submissions are read as regular files only)";
  } else if (!S_ISREG(st.st_mode)) {
    out.refused = "not a regular file";
  } else if (static_cast<std::uintmax_t>(st.st_size) > cap) {
    out.refused = fmt::format("too large ({} bytes; the limit is {})", st.st_size, cap);
  } else {
    std::string buf(cap + 1, '\0');
    std::size_t got = 0;
    while (got < buf.size()) {
      ssize_t n = ::read(fd, buf.data() + got, buf.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    buf.resize(got);
    if (got > cap) out.refused = fmt::format("too large (over {} bytes)", cap);
    else out.bytes = std::move(buf);
  }
  ::close(fd);
  return out;
}

}  // namespace pyjudge
