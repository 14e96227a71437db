// End-to-end: the real binary, real boxes, real limits. Cases are data: tests/cases/<case>/
// (problem.yaml, solution.py, expect.yaml); `validate` on tests/validate. The problem library
// itself is validated by one ctest per problem (tests/CMakeLists.txt).
#include <doctest/doctest.h>

#include "tests/e2e/pyjudge_process.hpp"
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace pyjudge::e2e;

namespace {

std::vector<fs::path> sorted_dirs(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

const nlohmann::json* first_failure(const nlohmann::json& j) {
  for (const auto& t : j["tests"]) {
    if (t["verdict"] != "AC") return &t;
  }
  return nullptr;
}

bool contains(const nlohmann::json* t, const char* key, const std::string& needle) {
  return t && t->contains(key) && (*t)[key].get<std::string>().find(needle) != std::string::npos;
}

void check_case(const fs::path& dir) {
  YAML::Node expect = YAML::LoadFile((dir / "expect.yaml").string());
  std::string verdict = expect["verdict"].as<std::string>();
  int exit_code = expect["exit"] ? expect["exit"].as<int>() : verdict == "AC" ? 0 : verdict == "IE" ? 3 : 1;
  Run r = run_pyjudge("run " + quote(dir) + " " + quote(dir / "solution.py") + " --json");
  INFO("case: ", dir.filename().string(), "\nstdout: ", r.out.substr(0, 3000), "\nstderr: ", r.err.substr(0, 2000));
  CHECK(r.exit_code == exit_code);
  if (expect["stderr_contains"]) CHECK(r.err.find(expect["stderr_contains"].as<std::string>()) != std::string::npos);
  if (exit_code == 2) return;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["verdict"] == verdict);
  const nlohmann::json* failed = first_failure(j);
  if (expect["message_contains"]) CHECK(contains(failed, "message", expect["message_contains"].as<std::string>()));
  if (expect["traceback_contains"]) CHECK(contains(failed, "traceback", expect["traceback_contains"].as<std::string>()));
  if (expect["compile_error_contains"]) {
    CHECK(contains(j.contains("compile_error") ? &j["compile_error"] : nullptr, "message",
                   expect["compile_error_contains"].as<std::string>()));
  }
  if (expect["memory_kib_between"]) {
    auto range = expect["memory_kib_between"].as<std::vector<std::int64_t>>();
    CHECK(j["memory_kib"].get<std::int64_t>() >= range.at(0));
    CHECK(j["memory_kib"].get<std::int64_t>() <= range.at(1));
  }
}

}  // namespace

TEST_CASE("Every verdict case in tests/cases gets exactly its expected verdict") {
  auto cases = sorted_dirs(fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "cases");
  REQUIRE_FALSE(cases.empty());
  for (const auto& dir : cases) check_case(dir);
}

TEST_CASE("validate reports each kind of broken problem and exits 1") {
  // tests/validate holds one good problem and one broken in each way validate must catch.
  Run r = run_pyjudge("validate --json --problems " + quote(fs::path(PYJUDGE_SOURCE_DIR) / "tests/validate"));
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["schema"] == 1);
  CHECK(j["ok"] == false);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& p : j["problems"]) by_id[p["problem"]] = p;
  REQUIRE(by_id.size() == 6);
  CHECK(by_id["good"]["ok"] == true);
  CHECK(by_id["good"]["solutions"].size() == 2);
  auto errors = [&](const std::string& id) { return by_id[id]["errors"].dump(); };
  CHECK(errors("broken-spec").find("problem.yaml:5") != std::string::npos);
  CHECK(errors("broken-spec").find("expeted") != std::string::npos);
  CHECK(errors("nondeterministic-generator").find("not deterministic") != std::string::npos);
  CHECK(errors("unknown-folder").find("too_slow: unknown verdict folder") != std::string::npos);
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
