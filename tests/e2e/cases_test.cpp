// End-to-end: the real binary, real boxes, real limits. Cases are data: tests/cases/<case>/
// (problem.yaml, solution.py, expect.yaml) and every problems/<id>/solutions/<verdict>/*.py.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Run run_pyjudge(const std::string& args) {
  fs::path err_file = fs::temp_directory_path() / ("pyjudge-e2e-" + std::to_string(::getpid()) + ".err");
  std::string cmd = std::string(PYJUDGE_BINARY) + " " + args + " 2>" + err_file.string();
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err_file);
  fs::remove(err_file);
  return r;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

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

const char* verdict_of_folder(const std::string& folder) {
  if (folder == "accepted") return "AC";
  if (folder == "wrong_answer") return "WA";
  if (folder == "time_limit_exceeded") return "TLE";
  if (folder == "memory_limit_exceeded") return "MLE";
  if (folder == "runtime_error") return "RE";
  if (folder == "output_limit_exceeded") return "OLE";
  if (folder == "compile_error") return "CE";
  return nullptr;
}

}  // namespace

TEST_CASE("Every verdict case in tests/cases gets exactly its expected verdict") {
  auto cases = sorted_dirs(fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "cases");
  REQUIRE_FALSE(cases.empty());
  for (const auto& dir : cases) check_case(dir);
}

TEST_CASE("Every solution of every example problem gets the verdict its folder names") {
  auto problems = sorted_dirs(fs::path(PYJUDGE_SOURCE_DIR) / "problems");
  REQUIRE_FALSE(problems.empty());
  for (const auto& problem : problems) {
    for (const auto& folder : sorted_dirs(problem / "solutions")) {
      const char* verdict = verdict_of_folder(folder.filename().string());
      REQUIRE_MESSAGE(verdict != nullptr, "unknown verdict folder ", folder.string());
      for (const auto& file : fs::directory_iterator(folder)) {
        if (file.path().extension() != ".py") continue;
        Run r = run_pyjudge("run " + quote(problem) + " " + quote(file.path()) + " --json");
        INFO("solution: ", file.path().string(), "\nstderr: ", r.err.substr(0, 2000));
        nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        CHECK(j["verdict"] == verdict);
        CHECK(r.exit_code == (std::string(verdict) == "AC" ? 0 : 1));
      }
    }
  }
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
