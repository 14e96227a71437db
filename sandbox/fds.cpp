#include "sandbox/fds.hpp"

#include <linux/close_range.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace pyjudge::sandbox {

Status close_fds_from(int first) {
  // close_range(2) (Linux 5.9) closes them in one call; glibc 2.36 has no wrapper in every build.
  if (syscall(SYS_close_range, static_cast<unsigned>(first), ~0u, 0u) == 0) return Status::ok();
  if (errno != ENOSYS) return Status::fail("close_range");
  for (int fd = first; fd < 4096; ++fd) close(fd);
  return Status::ok();
}

}  // namespace pyjudge::sandbox
