// Running the real pyjudge binary from end-to-end tests.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pyjudge::e2e {

struct Run {
  int exit_code = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

/// A command every run_pyjudge() call is wrapped in ("" for none): the hostile suite's second
/// pass runs the judge through deny_namespaces.
inline std::string g_wrapper;

/// Runs `pyjudge <args>` through the shell (so args may hold redirections and variables).
inline Run run_pyjudge(const std::string& args, const std::string& env = "") {
  static int counter = 0;
  auto err_file = std::filesystem::temp_directory_path() /
                  ("pyjudge-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
  std::string cmd = env + " " + g_wrapper + " " + std::string(PYJUDGE_BINARY) + " " + args + " 2>" + err_file.string();
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err_file);
  std::filesystem::remove(err_file);
  return r;
}

/// A fresh temporary folder, removed with its contents afterwards.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) {
    path = std::filesystem::temp_directory_path() / ("pyjudge-" + tag + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace pyjudge::e2e
