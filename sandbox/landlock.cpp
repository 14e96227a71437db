#include "sandbox/landlock.hpp"

#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>

namespace pyjudge::sandbox {

namespace {

// Debian 12's kernel headers stop at ABI 2; the kernel we run on may be much newer. The
// structure only ever grows, and the size we pass tells the kernel which fields we know.
struct RulesetAttr {
  std::uint64_t handled_access_fs;
  std::uint64_t handled_access_net;  // ABI >= 4
  std::uint64_t scoped;              // ABI >= 6
};

constexpr std::uint64_t kFsV1 = (1ULL << 13) - 1;  // EXECUTE .. MAKE_SYM
constexpr std::uint64_t kFsRefer = 1ULL << 13;     // ABI 2
constexpr std::uint64_t kFsTruncate = 1ULL << 14;  // ABI 3
constexpr std::uint64_t kFsIoctlDev = 1ULL << 15;  // ABI 5
constexpr std::uint64_t kNetBindTcp = 1ULL << 0;   // ABI 4
constexpr std::uint64_t kNetConnectTcp = 1ULL << 1;
constexpr std::uint64_t kScopeAbstractUnix = 1ULL << 0;  // ABI 6
constexpr std::uint64_t kScopeSignal = 1ULL << 1;
constexpr std::uint64_t kReadFile = 1ULL << 2;
constexpr std::uint64_t kReadDir = 1ULL << 3;

int abi_version() {
  long v = syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  return v < 0 ? -errno : static_cast<int>(v);
}

RulesetAttr ruleset_for(int abi, std::size_t& size) {
  RulesetAttr attr{kFsV1, 0, 0};
  if (abi >= 2) attr.handled_access_fs |= kFsRefer;
  if (abi >= 3) attr.handled_access_fs |= kFsTruncate;
  if (abi >= 5) attr.handled_access_fs |= kFsIoctlDev;
  size = sizeof(std::uint64_t);
  if (abi >= 4) {
    attr.handled_access_net = kNetBindTcp | kNetConnectTcp;
    size = 2 * sizeof(std::uint64_t);
  }
  if (abi >= 6) {
    attr.scoped = kScopeAbstractUnix | kScopeSignal;
    size = sizeof(RulesetAttr);
  }
  return attr;
}

Status allow_read(int ruleset, const std::string& path) {
  int fd = open(path.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? Status::ok() : Status::fail("open(O_PATH)");
  struct stat st;
  if (fstat(fd, &st) < 0) {
    close(fd);
    return Status::fail("fstat");
  }
  landlock_path_beneath_attr rule{};
  rule.allowed_access = S_ISDIR(st.st_mode) ? (kReadFile | kReadDir) : kReadFile;
  rule.parent_fd = fd;
  long rc = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  int err = errno;
  close(fd);
  return rc < 0 ? Status::fail("landlock_add_rule", err) : Status::ok();
}

}  // namespace

Probe probe_landlock() {
  int abi = abi_version();
  if (abi > 0) return {true, "ABI " + std::to_string(abi)};
  if (abi == -ENOSYS) return {false, "kernel without Landlock (needs Linux >= 5.13 with CONFIG_SECURITY_LANDLOCK)"};
  if (abi == -EOPNOTSUPP) return {false, "Landlock disabled at boot (add landlock to the lsm= kernel parameter)"};
  if (abi == -EPERM) return {false, "landlock_create_ruleset blocked (container seccomp profile?)"};
  return {false, "landlock_create_ruleset failed with errno " + std::to_string(-abi)};
}

Status apply_landlock(const std::vector<std::string>& readable) {
  int abi = abi_version();
  if (abi <= 0) return Status::fail("landlock_create_ruleset", -abi);
  std::size_t size = 0;
  RulesetAttr attr = ruleset_for(abi, size);
  long ruleset = syscall(SYS_landlock_create_ruleset, &attr, size, 0);
  if (ruleset < 0) return Status::fail("landlock_create_ruleset");
  int fd = static_cast<int>(ruleset);
  for (const auto& path : readable) {
    if (Status s = allow_read(fd, path); !s) {
      close(fd);
      return s;
    }
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
    close(fd);
    return Status::fail("prctl(PR_SET_NO_NEW_PRIVS)");
  }
  long rc = syscall(SYS_landlock_restrict_self, fd, 0);
  int err = errno;
  close(fd);
  return rc < 0 ? Status::fail("landlock_restrict_self", err) : Status::ok();
}

}  // namespace pyjudge::sandbox
