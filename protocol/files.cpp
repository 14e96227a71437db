#include "protocol/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pyjudge {

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a folder";
  return "not a regular file";
}

enum class Overflow { Refuse, Truncate };

FileContents read_regular(const std::filesystem::path& path, std::size_t max_bytes,
                          Symlinks symlinks, Overflow overflow) {
  FileContents out;
  int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY |
              (symlinks == Symlinks::Refuse ? O_NOFOLLOW : 0);
  UniqueFd fd(::open(path.c_str(), flags));
  if (!fd) {
    out.error = errno == ELOOP && symlinks == Symlinks::Refuse
                    ? "a symlink"
                    : fmt::format("cannot be opened: {}", std::strerror(errno));
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) < 0) {
    out.error = fmt::format("cannot be examined: {}", std::strerror(errno));
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.error = kind_of(st.st_mode);
    return out;
  }
  if (overflow == Overflow::Refuse && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    out.error = fmt::format("too large ({} bytes; the limit is {})", st.st_size, max_bytes);
    return out;
  }
  std::string buf(std::min(static_cast<std::size_t>(st.st_size), max_bytes) + 1,
                  '\0');  // one byte more: did it grow?
  std::size_t got = 0;
  while (got < buf.size()) {
    ssize_t n = ::read(fd.get(), buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = fmt::format("cannot be read: {}", std::strerror(errno));
      return out;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == buf.size() && buf.size() <= max_bytes)
      buf.resize(std::min(max_bytes + 1, buf.size() * 2));
  }
  if (got > max_bytes && overflow == Overflow::Refuse) {
    out.error = fmt::format("too large (over {} bytes)", max_bytes);
    return out;
  }
  buf.resize(std::min(got, max_bytes));
  out.data = std::move(buf);
  return out;
}

}  // namespace

FileContents read_whole_file(const std::filesystem::path& path, std::size_t max_bytes,
                             Symlinks symlinks) {
  return read_regular(path, max_bytes, symlinks, Overflow::Refuse);
}

FileContents read_file_head(const std::filesystem::path& path, std::size_t max_bytes) {
  return read_regular(path, max_bytes, Symlinks::Follow, Overflow::Truncate);
}

}  // namespace pyjudge
