#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  // Every pyjudge this process starts keeps its prepared-test cache in a fresh folder: no test
  // depends on (or fills) a cache a developer left warm in ~/.cache/pyjudge.
  auto cache = std::filesystem::temp_directory_path() / ("pyjudge-test-cache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(cache);
  setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  int rc = doctest::Context(argc, argv).run();
  std::error_code ec;
  std::filesystem::remove_all(cache, ec);
  return rc;
}
