// End-to-end: the real binary, real boxes, real limits. Cases are data: tests/cases/<case>/
// (problem.yaml, solution.py, expect.yaml); `validate` on tests/validate. The problem library
// itself is validated by one ctest per problem (tests/CMakeLists.txt).
#include <doctest/doctest.h>
#include <unistd.h>

#include "tests/e2e/case_options.hpp"
#include "tests/e2e/verdict_case.hpp"
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace pyjudge::e2e;

// Skipped by default, so ctest's discovery leaves it out: tests/CMakeLists.txt registers it once
// per folder of tests/cases, as `case <name>`, with --no-skip --case=DIR.
TEST_CASE("One verdict case gets exactly its expected verdict (--case=DIR)" * doctest::skip()) {
  REQUIRE_MESSAGE(!g_case_dir.empty(), "run with --case=tests/cases/<name>");
  check_case(g_case_dir);
}

TEST_CASE("Every folder of tests/cases is a complete case") {
  auto cases = sorted_dirs(fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "cases");
  REQUIRE(cases.size() >= 50);
  for (const auto& dir : cases) {
    INFO("case: ", dir.filename().string());
    CHECK(fs::is_regular_file(dir / "expect.yaml"));
    CHECK(fs::is_regular_file(dir / "problem.yaml"));
    CHECK((fs::is_regular_file(dir / "solution.py") || fs::is_regular_file(dir / "solution" / "main.py")));
  }
}

TEST_CASE("validate reports each kind of broken problem; a spec error is exit 2, any other finding exit 1") {
  // tests/validate holds one good problem and one broken in each way validate must catch.
  fs::path set = fs::path(PYJUDGE_SOURCE_DIR) / "tests/validate";
  Run r = run_pyjudge("validate --json --problems " + quote(set));
  CHECK(r.exit_code == 2);  // broken-spec is among them; every problem is still reported
  CHECK(run_pyjudge("validate wrong-folder missing-statement --problems " + quote(set)).exit_code == 1);
  CHECK(run_pyjudge("validate good --problems " + quote(set)).exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == 1);
  CHECK(j["ok"] == false);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& p : j["problems"]) by_id[p["problem"]] = p;
  REQUIRE(by_id.size() == 9);
  CHECK(by_id["good"]["ok"] == true);
  CHECK(by_id["broken-spec"]["spec_error"] == true);
  CHECK(by_id["wrong-folder"]["spec_error"] == false);
  CHECK(by_id["missing-statement"]["ok"] == false);
  CHECK(by_id["missing-statement"]["errors"].dump().find("statement.md: missing") != std::string::npos);
  CHECK(by_id["good"]["solutions"].size() == 2);
  auto errors = [&](const std::string& id) { return by_id[id]["errors"].dump(); };
  CHECK(errors("broken-spec").find("problem.yaml:5") != std::string::npos);
  CHECK(errors("broken-spec").find("expeted") != std::string::npos);
  CHECK(errors("nondeterministic-generator").find("not deterministic") != std::string::npos);
  CHECK(errors("unknown-folder").find("too_slow: unknown verdict folder") != std::string::npos);
  CHECK(errors("compares-in-the-box").find("test in-box-comparison passes a solution whose values claim equality") !=
        std::string::npos);
  CHECK(errors("compares-in-the-box").find("judge-comparison") == std::string::npos);
  CHECK(errors("nothing-to-check").find("problem.yaml:9") != std::string::npos);
  CHECK(errors("nothing-to-check").find("nothing to check") != std::string::npos);
  const auto& slow = by_id["slow-reference"]["solutions"][0];
  CHECK(slow["got"] == "AC");
  CHECK(slow["ok"] == false);
  CHECK(slow["message"].get<std::string>().find("more than 50% of the 200 ms limit") != std::string::npos);
  bool mismatch_found = false;
  for (const auto& s : by_id["wrong-folder"]["solutions"]) {
    if (s["file"] == "solutions/wrong_answer/actually_correct.py") {
      mismatch_found = true;
      CHECK(s["expected"] == "WA");
      CHECK(s["got"] == "AC");
      CHECK(s["ok"] == false);
    }
  }
  CHECK(mismatch_found);
}

TEST_CASE("The text report streams one line per test and exits with the documented codes") {
  fs::path two_sum = fs::path(PYJUDGE_SOURCE_DIR) / "problems" / "two-sum";
  Run ok = run_pyjudge("run " + quote(two_sum) + " " + quote(two_sum / "solutions" / "accepted" / "hashmap.py"));
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("example-1 (sample)") != std::string::npos);
  CHECK(ok.out.find("Accepted (AC)") != std::string::npos);
  CHECK(ok.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
  CHECK(run_pyjudge("run no-such-problem x.py").exit_code == 2);
  CHECK(run_pyjudge("run " + quote(two_sum) + " /nonexistent.py").exit_code == 2);
  CHECK(run_pyjudge("frobnicate").exit_code == 2);
  Run list = run_pyjudge("list --problems " + quote(fs::path(PYJUDGE_SOURCE_DIR) / "problems"));
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("two-sum") != std::string::npos);
  Run show = run_pyjudge("show " + quote(two_sum));
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("Sample") != std::string::npos);
}

TEST_CASE("doctor lists every layer with a reason, and --require turns a missing layer into IE") {
  Run d = run_pyjudge("doctor --json");
  REQUIRE(d.exit_code == 0);
  auto j = nlohmann::json::parse(d.out);
  std::set<std::string> names;
  for (const auto& l : j["layers"]) {
    names.insert(l["layer"]);
    CHECK_FALSE(l["detail"].get<std::string>().empty());
  }
  CHECK(names == std::set<std::string>{"rlimits", "seccomp", "landlock", "namespaces", "cgroups", "credentials",
                                       "hygiene", "fds"});
  for (const auto& l : j["layers"]) {
    if (l["layer"] == "credentials") {
      CHECK(l["detail"].get<std::string>().find(geteuid() == 0 ? "drops to nobody" : "nothing to drop") !=
            std::string::npos);
    }
  }
  CHECK(j["box"]["started"] == true);

  fs::path two_sum = fs::path(PYJUDGE_SOURCE_DIR) / "problems/two-sum";
  std::string run = "run " + quote(two_sum) + " " + quote(two_sum / "solutions/accepted/hashmap.py") + " --json";
  Run ok = run_pyjudge(run + " --require seccomp,rlimits");
  CHECK(ok.exit_code == 0);
  // Where namespaces cannot be made, requiring them must stop the judging.
  g_wrapper = DENY_NAMESPACES_BINARY;
  Run missing = run_pyjudge(run + " --require namespaces");
  g_wrapper.clear();
  CHECK(missing.exit_code == 3);
  auto m = nlohmann::json::parse(missing.out);
  CHECK(m["verdict"] == "IE");
  CHECK(m["internal_error"].get<std::string>().find("required sandbox layer 'namespaces'") != std::string::npos);
  CHECK(m["tests"].empty());
  CHECK(run_pyjudge(run + " --require teleportation").exit_code == 2);
}

TEST_CASE("Memory: the cgroup's peak and rusage net of the baseline agree on the same 50 MiB allocation") {
  fs::path c = fs::path(PYJUDGE_SOURCE_DIR) / "tests/cases/ac-memory-measures-50-mib-bytearray";
  // rusage is a figure of a child that has ended: a child per test.
  Run r = run_pyjudge("run " + quote(c) + " " + quote(c / "solution.py") + " --json --isolation process");
  REQUIRE(r.exit_code == 0);
  auto t = nlohmann::json::parse(r.out)["tests"][0];
  auto within = [](std::int64_t kib) { return kib >= 48 * 1024 && kib <= 52 * 1024; };  // 50 ± 2 MiB
  if (t["memory_source"] == "cgroup") {
    CHECK(within(t["memory_kib"].get<std::int64_t>()));
    CHECK(within(t["rusage_kib"].get<std::int64_t>()));
  } else {
    WARN_MESSAGE(false, "no writable cgroup on this host: only rusage measured");
    CHECK(within(t["memory_kib"].get<std::int64_t>()));
  }
}

TEST_CASE("A problems folder that is missing or holds no problem is a usage error, exit 2") {
  fs::path empty = fs::temp_directory_path() / ("pyjudge-empty-" + std::to_string(::getpid()));
  fs::create_directories(empty);
  for (const char* cmd : {"list", "validate"}) {
    Run missing = run_pyjudge(std::string(cmd) + " --problems /nonexistent/pyjudge-problems");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no such problems folder: /nonexistent/pyjudge-problems") != std::string::npos);
    Run none = run_pyjudge(std::string(cmd) + " --problems " + quote(empty));
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("holds no problem") != std::string::npos);
  }
  fs::remove_all(empty);
}

TEST_CASE("serve's own option errors are usage errors, exit 2, before it listens") {
  std::string lib = " --problems " + quote(fs::path(PYJUDGE_SOURCE_DIR) / "problems");
  Run listen = run_pyjudge("serve --listen no-port-here" + lib);
  CHECK(listen.exit_code == 2);
  CHECK(listen.err.find("--listen takes ADDRESS:PORT") != std::string::npos);
  TempDir tmp("serve-usage");
  std::ofstream(tmp.path / "short-token") << "too-short\n";
  lib += " --data " + quote(tmp.path / "data");  // nothing is created when an option is wrong
  Run token = run_pyjudge("serve --listen 127.0.0.1:0 --admin-token-file " + quote(tmp.path / "short-token") + lib);
  CHECK(token.exit_code == 2);
  CHECK(token.err.find("shorter than 16 characters") != std::string::npos);
  Run missing = run_pyjudge("serve --listen 127.0.0.1:0 --admin-token-file " + quote(tmp.path / "none") + lib);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot read --admin-token-file") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp.path / "data"));
}

TEST_CASE("A reference that fails on a generated test says why: the exception and where") {
  TempDir tmp("reference-fails");
  fs::path dir = tmp.path / "p";
  fs::create_directories(dir / "solutions" / "accepted");
  std::ofstream(dir / "problem.yaml") << "id: p\nmode: function\nentry: twoSumm\nreference: solutions/accepted/ref.py\n"
                                         "tests:\n  - {args: [1], expected: 1}\n"
                                         "generate:\n  - {generator: gen.py, sizes: [4]}\n";
  std::ofstream(dir / "statement.md") << "# p\n";
  std::ofstream(dir / "gen.py") << "def generate(rng, size):\n    return {'args': [size]}\n";
  std::ofstream(dir / "solutions" / "accepted" / "ref.py") << "def twoSum(x):\n    return x\n";
  Run r = run_pyjudge("validate p --no-cache --problems " + quote(tmp.path));
  INFO(r.out, r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("fails on generated test gen-4-1") != std::string::npos);
  CHECK(r.out.find("NameError: the solution does not define 'twoSumm'") != std::string::npos);
}
