#include "sandbox/hygiene.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pyjudge::sandbox {

Status apply_hygiene() {
  // setsid fails only if we already lead a group, which a freshly spawned box never does.
  if (setsid() < 0 && errno != EPERM) return Status::fail("setsid");
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) return Status::fail("prctl(PR_SET_PDEATHSIG)");
  // The parent may have died between spawn and the prctl above: then nobody will kill us.
  if (getppid() == 1) return Status::fail("getppid", ESRCH);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) return Status::fail("prctl(PR_SET_NO_NEW_PRIVS)");
  // Not dumpable: other processes of the same user cannot ptrace us or read /proc/<pid>/mem.
  if (prctl(PR_SET_DUMPABLE, 0) < 0) return Status::fail("prctl(PR_SET_DUMPABLE)");
  umask(077);
  return Status::ok();
}

}  // namespace pyjudge::sandbox
