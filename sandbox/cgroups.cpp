#include "sandbox/cgroups.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <linux/magic.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace pyjudge::sandbox {

namespace {

// This process's own cgroup in a hierarchy: the line of /proc/self/cgroup for `controller`
// ("memory", "pids"), or the v2 line ("0::") when `controller` is empty.
std::string own_cgroup(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    auto a = line.find(':'), b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string controllers = line.substr(a + 1, b - a - 1);
    bool match = controller.empty() ? line.compare(0, 3, "0::") == 0
                                    : ("," + controllers + ",").find("," + controller + ",") != std::string::npos;
    if (match) return line.substr(b + 1);
  }
  return "";
}

bool is_cgroup2(const std::string& path) {
  struct statfs s {};
  return statfs(path.c_str(), &s) == 0 && s.f_type == CGROUP2_SUPER_MAGIC;
}

// Kept far above the numbers a test's child dup2()s its channels onto (0..4) and the box's
// protocol descriptors: a low number would be overwritten in the child before it joins.
constexpr int kFirstCgroupFd = 100;

int open_file(const std::string& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return -1;
  int high = fcntl(fd, F_DUPFD_CLOEXEC, kFirstCgroupFd);
  close(fd);
  return high;
}

// cgroup files take whole values in one write(2), at any offset (cgroup.procs refuses pwrite).
bool write_fd(int fd, const std::string& text) {
  return fd >= 0 && write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

// A file holding one number (`key` null), or lines of "key value" (memory.events, oom_control).
std::uint64_t read_number(int fd, const char* key) {
  char buf[4096];
  ssize_t n = fd >= 0 ? pread(fd, buf, sizeof buf - 1, 0) : -1;
  if (n <= 0) return 0;
  std::istringstream in(std::string(buf, static_cast<std::size_t>(n)));
  if (!key) {
    std::uint64_t value = 0;
    in >> value;
    return value;
  }
  std::string name;
  std::uint64_t value = 0;
  while (in >> name >> value) {
    if (name == key) return value;
  }
  return 0;
}

// mkdir that tolerates a leftover of a previous box with the same pid (empty, or it would not be
// removable: then it is reused as is).
bool make_dir(const std::string& path) { return mkdir(path.c_str(), 0755) == 0 || errno == EEXIST; }

// A judge killed with SIGKILL leaves its box's cgroup behind (empty once its processes are
// gone). Each new box removes those of boxes that no longer exist: rmdir only succeeds on an
// empty cgroup, so a live one is never touched.
void remove_stale_box_cgroups(const std::string& parent) {
  DIR* dir = opendir(parent.c_str());
  if (!dir) return;
  constexpr std::string_view kPrefix = "pyjudge-box-";
  while (dirent* e = readdir(dir)) {
    std::string_view name = e->d_name;
    if (!name.starts_with(kPrefix)) continue;
    std::string pid(name.substr(kPrefix.size()));
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (pid == std::to_string(getpid()) || access(("/proc/" + pid).c_str(), F_OK) == 0) continue;
    rmdir((parent + "/" + std::string(name)).c_str());
  }
  closedir(dir);
}

}  // namespace

TestCgroup::~TestCgroup() {
  for (int fd : {procs_, limit_, swap_limit_, peak_, oom_, pids_procs_, pids_max_, current_, threads_}) {
    if (fd >= 0) close(fd);
  }
}

std::unique_ptr<TestCgroup> TestCgroup::create(std::string& why_not) {
  auto cg = std::unique_ptr<TestCgroup>(new TestCgroup());
  const std::string name = "/pyjudge-box-" + std::to_string(getpid());
  if (is_cgroup2("/sys/fs/cgroup")) {
    remove_stale_box_cgroups("/sys/fs/cgroup" + own_cgroup(""));
    std::string dir = "/sys/fs/cgroup" + own_cgroup("") + name;
    if (!make_dir(dir)) {
      why_not = "cannot create " + dir + ": " + std::strerror(errno);
      return nullptr;
    }
    cg->v2_ = true;
    cg->dirs_ = {dir};
    cg->procs_ = open_file(dir + "/cgroup.procs", O_WRONLY);
    cg->limit_ = open_file(dir + "/memory.max", O_WRONLY);
    cg->swap_limit_ = open_file(dir + "/memory.swap.max", O_WRONLY);
    cg->peak_ = open_file(dir + "/memory.peak", O_RDWR);
    cg->oom_ = open_file(dir + "/memory.events", O_RDONLY);
    cg->pids_max_ = open_file(dir + "/pids.max", O_WRONLY);
    cg->current_ = open_file(dir + "/memory.current", O_RDONLY);
    cg->threads_ = open_file(dir + "/cgroup.threads", O_RDONLY);
  } else {
    std::string memory = "/sys/fs/cgroup/memory" + own_cgroup("memory") + name;
    std::string pids = "/sys/fs/cgroup/pids" + own_cgroup("pids") + name;
    remove_stale_box_cgroups("/sys/fs/cgroup/memory" + own_cgroup("memory"));
    remove_stale_box_cgroups("/sys/fs/cgroup/pids" + own_cgroup("pids"));
    if (access("/sys/fs/cgroup/memory", W_OK) != 0 || !make_dir(memory)) {
      why_not = "no writable cgroup v2, nor a writable v1 memory hierarchy (" + memory + ": " + std::strerror(errno) + ")";
      return nullptr;
    }
    cg->dirs_ = {memory};
    cg->procs_ = open_file(memory + "/cgroup.procs", O_WRONLY);
    cg->limit_ = open_file(memory + "/memory.limit_in_bytes", O_WRONLY);
    cg->swap_limit_ = open_file(memory + "/memory.memsw.limit_in_bytes", O_WRONLY);
    cg->peak_ = open_file(memory + "/memory.max_usage_in_bytes", O_RDWR);
    cg->oom_ = open_file(memory + "/memory.oom_control", O_RDONLY);
    cg->current_ = open_file(memory + "/memory.usage_in_bytes", O_RDONLY);
    cg->threads_ = open_file(memory + "/tasks", O_RDONLY);
    if (make_dir(pids)) {
      cg->dirs_.push_back(pids);
      cg->pids_procs_ = open_file(pids + "/cgroup.procs", O_WRONLY);
      cg->pids_max_ = open_file(pids + "/pids.max", O_WRONLY);
    }
  }
  if (cg->procs_ < 0 || cg->limit_ < 0 || cg->peak_ < 0 || cg->oom_ < 0) {
    why_not = "cgroup " + cg->dirs_.front() + " lacks the memory controller's files";
    return nullptr;
  }
  return cg;
}

Status TestCgroup::set_limits(Bytes memory, unsigned max_pids) {
  std::string bytes = std::to_string(memory.value);
  if (!write_fd(limit_, bytes)) return Status::fail("write memory limit");
  // No swap: a test that spills to swap would be slow and under-measured.
  if (swap_limit_ >= 0) write_fd(swap_limit_, v2_ ? "0" : bytes);
  if (pids_max_ >= 0 && !write_fd(pids_max_, std::to_string(max_pids))) return Status::fail("write pids.max");
  return Status::ok();
}

void TestCgroup::reset_peak() { peak_valid_ = write_fd(peak_, v2_ ? "reset" : "0"); }

void TestCgroup::before_test() {
  // v1: writing 0 resets the high-water mark; v2 (Linux >= 6.12): writing resets it for this fd.
  // Where the peak cannot be reset (cgroup v2 before Linux 6.12) it would carry over from earlier
  // tests: then it is not used, and memory comes from rusage.
  peak_valid_ = write_fd(peak_, v2_ ? "reset" : "0");
  oom_kills_before_ = read_number(oom_, "oom_kill");
}

Status TestCgroup::join() const {
  // "0" is the writer itself: the test's child, before it runs anything of the candidate's.
  if (!write_fd(procs_, "0")) return Status::fail("write cgroup.procs");
  if (pids_procs_ >= 0 && !write_fd(pids_procs_, "0")) return Status::fail("write pids cgroup.procs");
  return Status::ok();
}

Bytes TestCgroup::current() const { return Bytes{read_number(current_, nullptr)}; }

std::size_t TestCgroup::threads() const {
  // One thread id per line; the pids limit keeps the file small.
  char buf[8192];
  ssize_t n = threads_ >= 0 ? pread(threads_, buf, sizeof buf, 0) : -1;
  if (n < 0) return 0;
  return static_cast<std::size_t>(std::count(buf, buf + n, '\n'));
}

Bytes TestCgroup::peak() const { return Bytes{peak_valid_ ? read_number(peak_, nullptr) : 0}; }

bool TestCgroup::oom_killed() const { return read_number(oom_, "oom_kill") > oom_kills_before_; }

std::vector<std::string> TestCgroup::paths() const { return dirs_; }

void remove_box_cgroup(pid_t box) {
  const std::string name = "/pyjudge-box-" + std::to_string(box);
  std::vector<std::string> dirs;
  if (is_cgroup2("/sys/fs/cgroup")) {
    dirs = {"/sys/fs/cgroup" + own_cgroup("") + name};
  } else {
    dirs = {"/sys/fs/cgroup/memory" + own_cgroup("memory") + name, "/sys/fs/cgroup/pids" + own_cgroup("pids") + name};
  }
  for (const auto& dir : dirs) {
    // The box's last child may still be dying (EBUSY): it goes within milliseconds.
    for (int attempt = 0; attempt < 50 && rmdir(dir.c_str()) != 0 && errno == EBUSY; ++attempt) usleep(4000);
  }
}

Probe probe_cgroups() {
  Probe p;
  struct statfs s {};
  if (statfs("/sys/fs/cgroup", &s) != 0) {
    p.detail = "no /sys/fs/cgroup";
  } else if (s.f_type == CGROUP2_SUPER_MAGIC) {
    std::string dir = "/sys/fs/cgroup" + own_cgroup("");
    p.available = access(dir.c_str(), W_OK) == 0;
    p.detail = p.available ? "cgroup v2 at " + dir : "cgroup v2, not writable here (" + dir + ")";
  } else {
    std::string dir = "/sys/fs/cgroup/memory" + own_cgroup("memory");
    p.available = access(dir.c_str(), W_OK) == 0;
    p.detail = p.available ? "cgroup v1 memory (and pids) at " + dir : "cgroup v1, memory hierarchy not writable here";
  }
  return p;
}

}  // namespace pyjudge::sandbox
