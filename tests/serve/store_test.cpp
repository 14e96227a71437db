#include "serve/store.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

using pyjudge::serve::AttemptRow;
using pyjudge::serve::SessionRow;
using pyjudge::serve::Store;

namespace {

std::filesystem::path fresh_dir() {
  auto d = std::filesystem::temp_directory_path() / ("pyjudge-store-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(d);
  return d;
}

}  // namespace

TEST_CASE("Event ids go on from the stored log after the store is reopened") {
  auto dir = fresh_dir();
  {
    Store s(dir);
    s.create_session({"s1", "two-sum", "c", "i", 1, 2, false, nlohmann::json::object()});
    CHECK(s.append_event("s1", "queued", {{"attempt", 1}}) == 1);
    CHECK(s.append_event("s1", "start", {{"attempt", 1}}) == 2);
    CHECK(s.append_event("s2", "locked", {}) == 1);  // per session
  }
  Store s(dir);
  CHECK(s.append_event("s1", "interrupted", {}) == 3);
  auto events = s.events_after("s1", 1, 10);
  REQUIRE(events.size() == 2);
  CHECK(events[0].type == "start");
  CHECK(events[1].seq == 3);
  std::filesystem::remove_all(dir);
}

TEST_CASE("An attempt's state changes with its event, and unfinished attempts are found after a restart") {
  auto dir = fresh_dir();
  {
    Store s(dir);
    s.create_session({"s1", "two-sum", "c", "i", 1, 2, false, nlohmann::json::object()});
    AttemptRow a;
    a.session = "s1";
    a.kind = "run";
    a.source = "print(1)";
    CHECK(s.add_attempt(a) == 1);
    CHECK(s.add_attempt(a) == 2);
    nlohmann::json result = {{"verdict", "AC"}};
    Store::AttemptUpdate done{1, "finished", 5, &result};
    s.append_event("s1", "end", result, &done);
  }
  Store s(dir);
  auto attempts = s.attempts("s1");
  REQUIRE(attempts.size() == 2);
  CHECK(attempts[0].state == "finished");
  CHECK(attempts[0].result["verdict"] == "AC");
  auto left = s.unfinished_attempts();
  REQUIRE(left.size() == 1);
  CHECK(left[0].n == 2);
  std::filesystem::remove_all(dir);
}
