#include "serve/static_files.hpp"

#include <doctest/doctest.h>

using pyjudge::serve::read_static;

TEST_CASE("Static files are served from their folder only") {
  std::filesystem::path web = PYJUDGE_SOURCE_DIR "/web";
  auto page = read_static(web, "candidate.html");
  REQUIRE(page);
  CHECK(page->content_type == "text/html; charset=utf-8");
  CHECK(!read_static(web, "../CMakeLists.txt"));
  CHECK(!read_static(web, "/etc/passwd"));
  CHECK(!read_static(web, ".hidden"));
  CHECK(!read_static(web, "missing.js"));
  CHECK(!read_static(web, "a%2e%2e/x"));
  CHECK(!read_static(web, ""));
}
