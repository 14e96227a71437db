// The hostile suite: tests/hostile/<case>/ holds an attack and the verdict a contained sandbox
// gives it. Around every case the harness plants a canary file and a sentinel process (the only
// targets attacks may aim at) and checks afterwards that both are untouched, on top of the exact
// verdict and a judge that answered.
#include <doctest/doctest.h>

#include <map>
#include <signal.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "tests/e2e/case_options.hpp"
#include "tests/e2e/verdict_case.hpp"

using namespace pyjudge::e2e;

namespace {

const fs::path kCanaryDir = "/tmp/pyjudge-hostile";
const fs::path kCanary = kCanaryDir / "canary.txt";
constexpr const char* kCanaryText = "the judge's canary: nothing in a sandbox may change this file\n";

std::set<std::string> listing(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.insert(e.path().filename().string());
  return out;
}

// A process the attacks may try to find (by its command line) and signal.
pid_t start_sentinel() {
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sleep", "pyjudge-hostile-sentinel", "600", nullptr);
    _exit(127);
  }
  return pid;
}

bool alive(pid_t pid) {
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == 0;
}

// The attacks aim at fixed paths: two suites running at once on one machine (two checkouts, two
// CI jobs) would trample each other's canary. One at a time, machine-wide.
struct MachineLock {
  int fd = open("/tmp/pyjudge-hostile.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  MachineLock() { REQUIRE(fd >= 0); REQUIRE(flock(fd, LOCK_EX) == 0); }
  ~MachineLock() { close(fd); }
};

// One case: plant the canary and the sentinel, judge, then check the verdict and that both are
// untouched.
void run_case(const fs::path& dir) {
  MachineLock lock;
  fs::remove_all(kCanaryDir);
  fs::create_directories(kCanaryDir);
  std::ofstream(kCanary) << kCanaryText;
  struct stat before {};
  REQUIRE(stat(kCanary.c_str(), &before) == 0);
  pid_t sentinel = start_sentinel();
  REQUIRE(sentinel > 0);

  check_case(dir);

  INFO("case: ", dir.filename().string());
  struct stat after {};
  CHECK(stat(kCanary.c_str(), &after) == 0);
  CHECK(slurp(kCanary) == kCanaryText);
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  CHECK(listing(kCanaryDir) == std::set<std::string>{"canary.txt"});
  CHECK_MESSAGE(alive(sentinel), "the sentinel process was killed");
  kill(sentinel, SIGKILL);
  waitpid(sentinel, nullptr, 0);
  fs::remove_all(kCanaryDir);
}

}  // namespace

// Skipped by default, so ctest's discovery leaves it out: tests/CMakeLists.txt registers it three
// times per folder of tests/hostile, `hostile <name>` (--pass=host), `hostile <name> (process)`
// (--pass=process) and `hostile <name> (no namespaces)` (--pass=no-namespaces), with --no-skip
// --case=DIR. The passes share the canary the attacks aim at, so they hold one lock
// (RESOURCE_LOCK in ctest, a machine-wide flock here).
TEST_CASE("One hostile case: its exact verdict, canary, sentinel and judge intact (--case=DIR --pass=host|process|no-namespaces)" *
          doctest::skip()) {
  REQUIRE_MESSAGE(!g_case_dir.empty(), "run with --case=tests/hostile/<name>");
  REQUIRE((g_case_pass == "host" || g_case_pass == "process" || g_case_pass == "no-namespaces"));
  // host: one warm child per submission (the default); process: a fresh child per test.
  if (g_case_pass == "process") g_run_options = " --isolation process";
  // As in a default container: namespaces refused (as by Docker's seccomp profile or AppArmor's
  // userns restriction) and no cgroup can be made; memory comes from rusage, and only seccomp,
  // Landlock, rlimits and the box's hygiene (a root box still becomes nobody) stand between the
  // attacks and the host. Without a cgroup the box gives every test a fresh child
  // (Ready.isolation = process).
  if (g_case_pass == "no-namespaces") g_wrapper = DENY_NAMESPACES_BINARY;
  run_case(g_case_dir);
  g_wrapper.clear();
  g_run_options.clear();
}

TEST_CASE("The no-namespaces pass really has no namespaces and no cgroup") {
  g_wrapper = DENY_NAMESPACES_BINARY;
  Run doctor = run_pyjudge("doctor --json");
  g_wrapper.clear();
  auto j = nlohmann::json::parse(doctor.out);
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& l : j["box"]["layers"]) by_name[l["name"]] = l;
  CHECK(by_name["namespaces"]["state"] == "missing");
  CHECK(by_name["namespaces"]["detail"].get<std::string>().find("unshare") == 0);
  CHECK(by_name["cgroups"]["state"] == "missing");
  CHECK(by_name["seccomp"]["state"] == "active");
}

TEST_CASE("Every folder of tests/hostile is a complete case that names the layer containing it") {
  auto cases = sorted_dirs(fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "hostile");
  REQUIRE(cases.size() >= 100);
  for (const auto& dir : cases) {
    INFO("case: ", dir.filename().string());
    REQUIRE(fs::is_regular_file(dir / "expect.yaml"));
    CHECK(fs::is_regular_file(dir / "solution.py"));
    CHECK(YAML::LoadFile((dir / "expect.yaml").string())["layer"]);
  }
}

namespace {

// Peak resident memory (KiB) of everything `pyjudge run` started (the judge, its box, the test's
// children), measured in a fresh child of this driver: getrusage(RUSAGE_CHILDREN) there sees
// this one run only.
long judge_peak_kib(const fs::path& dir) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    std::string cmd = std::string(PYJUDGE_BINARY) + " run " + quote(dir) + " " + quote(dir / "solution.py") +
                      " --json >/dev/null 2>&1";
    int rc = std::system(cmd.c_str());
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    long peak = rc == -1 ? -1 : u.ru_maxrss;
    (void)!write(fds[1], &peak, sizeof peak);
    _exit(0);
  }
  close(fds[1]);
  long peak = -1;
  (void)!read(fds[0], &peak, sizeof peak);
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  return peak;
}

}  // namespace

// The worst case of each cap on what a child sends: the judge (with its box and the test's
// child) stays within 64 MiB plus twice the 16 MiB result limit, whatever was sent.
TEST_CASE("Judge memory per test stays within 64 MiB plus twice the result limit on the worst case of each cap") {
  MachineLock lock;
  const long budget_kib = (64 + 2 * 16) * 1024;
  for (const char* name : {"ole-result-over-the-result-channel-limit", "ole-result-with-too-many-values",
                           "ole-forged-20-mib-exception-message", "re-forged-report-with-100000-frames",
                           "re-forged-report-with-a-100-kib-message", "re-forged-report-nested-too-deeply",
                           "re-400-frame-traceback-through-a-100-kib-line", "wa-unordered-answer-nested-600-deep",
                           "ce-source-over-the-size-cap", "ole-result-channel-flood"}) {
    long peak = judge_peak_kib(fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "hostile" / name);
    std::string line = std::string(name) + ": peak " + std::to_string(peak / 1024) + " MiB";
    MESSAGE(line);
    CHECK(peak > 0);
    CHECK(peak < budget_kib);
  }
}
