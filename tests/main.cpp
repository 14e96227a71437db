#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "tests/e2e/case_options.hpp"

// Besides doctest's own options, `--case=DIR` and `--pass=NAME` name the one verdict or hostile
// case a ctest runs (tests/CMakeLists.txt registers one ctest per case folder).
int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--case=")) pyjudge::e2e::g_case_dir = arg.substr(7);
    if (arg.starts_with("--pass=")) pyjudge::e2e::g_case_pass = arg.substr(7);
  }
  // Every pyjudge this process starts keeps its prepared-test cache in a fresh folder: no test
  // depends on (or fills) a cache a developer left warm in ~/.cache/pyjudge.
  auto cache = std::filesystem::temp_directory_path() / ("pyjudge-test-cache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(cache);
  setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  // In-process judging (spec and judge tests) runs authors' code in the build's pyjudge-author.
  setenv("PYJUDGE_AUTHOR_BINARY", PYJUDGE_AUTHOR_BINARY, 0);
  int rc = doctest::Context(argc, argv).run();
  std::error_code ec;
  std::filesystem::remove_all(cache, ec);
  return rc;
}
