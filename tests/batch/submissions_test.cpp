#include <doctest/doctest.h>

#include <fstream>

#include "batch/results.hpp"
#include "batch/submissions.hpp"
#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge::batch;
using pyjudge::e2e::TempDir;
namespace fs = std::filesystem;

TEST_CASE("Manifests: CSV with a header and quoted cells, YAML, and duplicates named with their line") {
  TempDir tmp("manifest");
  std::ofstream(tmp.path / "m.csv") << "file,candidate,problem\n\"subs/a, b.py\",alice,two-sum\nx.py,bob,memoize\n";
  auto subs = find_submissions(tmp.path / "m.csv");
  REQUIRE(subs.size() == 2);
  CHECK(subs[0].key() == "alice/two-sum");
  CHECK(subs[0].file == tmp.path / "subs/a, b.py");
  std::ofstream(tmp.path / "m.yaml") << "- {candidate: alice, problem: two-sum, file: a.py}\n"
                                        "- {candidate: alice, problem: two-sum, file: b.py}\n";
  CHECK_THROWS_WITH(find_submissions(tmp.path / "m.yaml"), doctest::Contains("m.yaml:2: two submissions for alice/two-sum"));
  std::ofstream(tmp.path / "bad.csv") << "candidate,problem\nalice,two-sum\n";
  CHECK_THROWS_WITH(find_submissions(tmp.path / "bad.csv"), doctest::Contains("bad.csv:1: the header needs a 'file' column"));
}

TEST_CASE("Shards partition the submissions and do not move when others are added") {
  std::vector<Submission> subs;
  for (int i = 0; i < 200; ++i) subs.push_back({"c" + std::to_string(i), "p", "f.py"});
  std::vector<int> shard_of(200, -1);
  for (unsigned k = 0; k < 4; ++k) {
    Shard s = Shard::parse(std::to_string(k) + "/4");
    for (int i = 0; i < 200; ++i) {
      if (s.contains(subs[i])) {
        CHECK(shard_of[i] == -1);
        shard_of[i] = static_cast<int>(k);
      }
    }
  }
  CHECK(std::count(shard_of.begin(), shard_of.end(), -1) == 0);
  CHECK(std::count(shard_of.begin(), shard_of.end(), 0) > 20);  // roughly a quarter each
  CHECK_THROWS(Shard::parse("4/4"));
  CHECK_THROWS(Shard::parse("1/0"));
  CHECK_THROWS(Shard::parse("a/b"));
}
