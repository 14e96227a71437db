#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

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
  return doctest::Context(argc, argv).run();
}
