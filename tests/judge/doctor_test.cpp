#include <doctest/doctest.h>

#include <set>

#include "judge/doctor.hpp"
#include "tests/judge/fake_runner.hpp"

using namespace pyjudge;

TEST_CASE("doctor probes every layer, credentials included, and reports a box's own list as it sent it") {
  auto* box = new testing::FakeRunner;
  box->start_result = Ready{"3.11 (fake)",
                            {{"credentials", LayerState::NotNeeded, "not root (uid 1000): nothing to drop"},
                             {"landlock", LayerState::Missing, "kernel lacks it"}}};
  std::unique_ptr<Runner> owned(box);
  HostReport h = examine_host([&] { return std::move(owned); });
  std::set<std::string> probed;
  for (const auto& p : h.probes) {
    probed.insert(p.name);
    CHECK_FALSE(p.detail.empty());
  }
  CHECK(probed == std::set<std::string>{"fds", "hygiene", "cgroups", "namespaces", "credentials", "landlock",
                                        "rlimits", "seccomp"});
  REQUIRE(h.box_started);
  CHECK(box->setup.filename == "doctor.py");
  nlohmann::json j = to_json(h);
  CHECK(j["box"]["python"] == "3.11 (fake)");
  CHECK(j["box"]["layers"][0] == nlohmann::json{{"name", "credentials"}, {"state", "not-needed"},
                                                {"detail", "not root (uid 1000): nothing to drop"}});
  CHECK(j["box"]["layers"][1]["state"] == "missing");
  CHECK(j["layers"].size() == 8);
}

TEST_CASE("doctor says why a box could not start") {
  HostReport h = examine_host([]() -> std::unique_ptr<Runner> { throw JudgeError("cannot start the box: no such file"); });
  CHECK_FALSE(h.box_started);
  CHECK(to_json(h)["box"] == nlohmann::json{{"started", false}, {"error", "cannot start the box: no such file"}});
}
