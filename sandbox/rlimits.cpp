#include "sandbox/rlimits.hpp"

#include <malloc.h>
#include <sys/resource.h>

namespace pyjudge::sandbox {

namespace {

Status set(int resource, const char* call, rlim_t soft, rlim_t hard) {
  rlimit lim{soft, hard};
  if (setrlimit(resource, &lim) < 0) return Status::fail(call);
  return Status::ok();
}

}  // namespace

Status apply_rlimits(const RlimitPolicy& p) {
  // RLIMIT_CPU counts whole seconds; the box enforces the precise limit by polling the child's
  // CPU clock. This is the backstop: SIGXCPU a second later, and SIGKILL (which cannot be
  // ignored) one second after that.
  rlim_t cpu_s = static_cast<rlim_t>((p.cpu.count() + 999) / 1000) + 1;
  PYJUDGE_RETURN_ON_FAILURE(set(RLIMIT_CPU, "setrlimit(RLIMIT_CPU)", cpu_s, cpu_s + 1));
  // RLIMIT_DATA counts private writable mappings (Linux >= 4.7), which is what CPython's
  // allocators use; unlike RLIMIT_AS it does not count shared libraries or reservations.
  PYJUDGE_RETURN_ON_FAILURE(set(RLIMIT_DATA, "setrlimit(RLIMIT_DATA)", p.data.value, p.data.value));
  PYJUDGE_RETURN_ON_FAILURE(
      set(RLIMIT_STACK, "setrlimit(RLIMIT_STACK)", p.stack.value, p.stack.value));
  PYJUDGE_RETURN_ON_FAILURE(
      set(RLIMIT_FSIZE, "setrlimit(RLIMIT_FSIZE)", p.file_size.value, p.file_size.value));
  PYJUDGE_RETURN_ON_FAILURE(set(RLIMIT_NOFILE, "setrlimit(RLIMIT_NOFILE)", p.open_files, p.open_files));
  PYJUDGE_RETURN_ON_FAILURE(set(RLIMIT_CORE, "setrlimit(RLIMIT_CORE)", 0, 0));
  // Each glibc arena reserves 64 MiB per thread group; environment variables do not reach a
  // forked child, so cap arenas here to keep threaded programs inside RLIMIT_DATA.
  mallopt(M_ARENA_MAX, 2);
  return Status::ok();
}

}  // namespace pyjudge::sandbox
