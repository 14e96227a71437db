#include "sandbox/credentials.hpp"

#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace pyjudge::sandbox {

Probe probe_credentials() {
  Probe p;
  p.available = true;
  p.detail = geteuid() == 0 ? "root: the box drops to nobody (uid/gid 65534, no groups) before the interpreter starts"
                            : "not root (uid " + std::to_string(geteuid()) + "): nothing to drop";
  return p;
}

Status drop_root(std::string& detail) {
  if (geteuid() != 0) {
    detail = "not root (uid " + std::to_string(geteuid()) + "): nothing to drop";
    return Status::ok();
  }
  // Root needs none of its powers to judge: from here on the box is nobody, in no group.
  gid_t none[1] = {};
  if (setgroups(0, none) < 0) return Status::fail("setgroups");
  if (setresgid(kNobodyId, kNobodyId, kNobodyId) < 0) return Status::fail("setresgid");
  if (setresuid(kNobodyId, kNobodyId, kNobodyId) < 0) return Status::fail("setresuid");
  // A change of credentials clears the death signal and resets dumpability: set both again.
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) return Status::fail("prctl(PR_SET_PDEATHSIG)");
  if (getppid() == 1) return Status::fail("getppid", ESRCH);
  if (prctl(PR_SET_DUMPABLE, 0) < 0) return Status::fail("prctl(PR_SET_DUMPABLE)");
  detail = "root dropped to nobody (uid/gid 65534, no groups)";
  return Status::ok();
}

}  // namespace pyjudge::sandbox
