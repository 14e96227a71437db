#include <doctest/doctest.h>

#include <fstream>

#include "batch/results.hpp"
#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge;
using namespace pyjudge::batch;
using pyjudge::e2e::TempDir;
namespace fs = std::filesystem;

namespace {

Record sample_record() {
  Record r;
  r.candidate = "alice";
  r.problem = "two-sum";
  r.file = "alice/two-sum.py";
  r.verdict = Verdict::WA;
  r.passed = 1;
  r.total = 2;
  r.score = 0;
  r.max_score = 1;
  r.time_ms = 12.5;
  r.memory_kib = 2048;
  TestRecord ok, bad;
  ok.name = "example-1";
  ok.verdict = Verdict::AC;
  ok.sample = true;
  ok.time_ms = 3;
  bad.name = "hidden-1";
  bad.verdict = Verdict::WA;
  bad.message = "wrong answer";
  bad.line = 7;
  bad.input = "nums = [1]";
  bad.expected = "[0]";
  bad.got = "[1]";
  bad.diff = "-[0]\n+[1]";
  bad.rest = {{"stdout", "printed"}};
  r.tests = {ok, bad};
  r.file_sha256 = "abc";
  r.problem_version = "v1";
  r.submissions = "/subs";
  r.shard = "1/3";
  r.rest = {{"schema", 3}, {"limits", {{"time_ms", 1000}}}};
  return r;
}

Record keyed(const std::string& candidate, const std::string& shard = "") {
  Record r;
  r.candidate = candidate;
  r.problem = "p";
  r.verdict = Verdict::AC;
  r.shard = shard;
  return r;
}

}  // namespace

TEST_CASE("A record survives a round trip through its results line, typed fields and unknown ones alike") {
  Record r = sample_record();
  std::string line = record_line(r);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  Record back = record_from_json(nlohmann::json::parse(line));
  CHECK(back.key() == "alice/two-sum");
  CHECK(back.verdict == Verdict::WA);
  CHECK(back.passed == 1);
  CHECK(back.time_ms == 12.5);
  REQUIRE(back.tests.size() == 2);
  CHECK(back.tests[1].verdict == Verdict::WA);
  CHECK(back.tests[1].line == 7);
  CHECK(back.tests[1].diff == "-[0]\n+[1]");
  CHECK(back.tests[1].rest["stdout"] == "printed");
  CHECK_FALSE(back.tests[0].line.has_value());
  CHECK(back.shard == "1/3");
  CHECK(back.rest["limits"]["time_ms"] == 1000);
  CHECK(to_json(back) == to_json(r));
}

TEST_CASE("A record with an unknown verdict or a field of the wrong type is refused, naming the field") {
  auto j = to_json(sample_record());
  j["verdict"] = "OK";
  CHECK_THROWS_WITH(record_from_json(j), doctest::Contains("verdict 'OK' is not one of"));
  j = to_json(sample_record());
  j["passed"] = "1";
  CHECK_THROWS_WITH(record_from_json(j), doctest::Contains("'passed' must be an integer"));
  j = to_json(sample_record());
  j["tests"][1]["verdict"] = 3;
  CHECK_THROWS_WITH(record_from_json(j), doctest::Contains("tests[1]: 'verdict' must be a string"));
  CHECK_THROWS(record_from_json(nlohmann::json::array()));
}

TEST_CASE("The results log drops a torn last line and stale records, and keeps the rest") {
  TempDir tmp("results");
  fs::path file = tmp.path / "r.jsonl";
  std::ofstream(file) << R"({"candidate":"a","problem":"p","file_sha256":"1","problem_version":"v","verdict":"AC"})" "\n"
                      << R"({"candidate":"b","problem":"p","file_sha256":"2","problem_version":"v","verdict":"WA"})" "\n"
                      << R"({"candidate":"c","problem":"p","file_sha)";
  auto loaded = load_results(file);
  CHECK(loaded.torn);
  REQUIRE(loaded.records.size() == 2);
  CHECK(loaded.records[1].verdict == Verdict::WA);
  {
    // b's file changed since: judged again; c's line was cut short: judged again.
    ResultsLog log(file, {{"a/p", {"1", "v"}}, {"b/p", {"changed", "v"}}, {"c/p", {"3", "v"}}});
    CHECK(log.done("a/p") != nullptr);
    CHECK(log.done("b/p") == nullptr);
    CHECK(log.done("c/p") == nullptr);
    Record b = keyed("b");
    b.file_sha256 = "changed";
    b.problem_version = "v";
    log.append(b);
  }
  auto after = load_results(file);
  CHECK_FALSE(after.torn);
  REQUIRE(after.records.size() == 2);
  CHECK(after.records[1].key() == "b/p");
  std::ofstream(file, std::ios::app) << R"({"candidate":"d","problem":"p","verdict":"PASS"})" "\n";
  CHECK_THROWS_WITH(load_results(file), doctest::Contains("r.jsonl:3"));
}

TEST_CASE("Resume: a record stands only for the same file bytes and problem version") {
  Record r = keyed("a");
  r.file_sha256 = "f";
  r.problem_version = "v";
  CHECK(still_valid(r, {"f", "v"}));
  CHECK_FALSE(still_valid(r, {"g", "v"}));
  CHECK_FALSE(still_valid(r, {"f", "w"}));
  r.file_sha256 = "";
  CHECK_FALSE(still_valid(r, {"", "v"}));  // an unreadable file is always judged again
}

TEST_CASE("A results file of another submissions set is refused unless replaced") {
  TempDir tmp("otherset");
  fs::path file = tmp.path / "r.jsonl";
  Record a = keyed("a");
  a.submissions = "/one";
  std::ofstream(file) << record_line(a);
  CHECK_THROWS_WITH(ResultsLog(file, {}, "/two"), doctest::Contains("another set of submissions (/one)"));
  ResultsLog replaced(file, {}, "/two", true);
  CHECK(replaced.dropped() == 1);
}

TEST_CASE("Merge finds overlaps, mixed shard counts and gaps, and keeps one record per key") {
  std::vector<std::pair<std::string, std::vector<Record>>> inputs = {
      {"s0.jsonl", {keyed("a", "0/3"), keyed("b", "0/3")}},
      {"s1.jsonl", {keyed("c", "1/3"), keyed("a", "1/3")}},
  };
  Merged m = merge_results(inputs, std::nullopt);
  REQUIRE(m.records.size() == 3);
  CHECK(m.records[0].key() == "a/p");
  CHECK(m.shards == 3);
  REQUIRE(m.problems.size() == 2);
  CHECK(m.problems[0] == "overlap: a/p is in both s0.jsonl and s1.jsonl");
  CHECK(m.problems[1] == "gap: no results from shard 2/3");

  Merged exact = merge_results(inputs, std::vector<std::string>{"a/p", "b/p", "c/p", "d/p"});
  CHECK(std::find(exact.problems.begin(), exact.problems.end(), "gap: no result for d/p") != exact.problems.end());
  CHECK(std::none_of(exact.problems.begin(), exact.problems.end(), [](auto& p) { return p.starts_with("gap: no results from shard"); }));

  Merged mixed = merge_results({{"x", {keyed("a", "0/2")}}, {"y", {keyed("b", "0/4")}}}, std::nullopt);
  CHECK(mixed.problems.front() == "y: b/p is from a run with 4 shards, others with 2");

  Merged clean = merge_results({{"x", {keyed("a", "0/2")}}, {"y", {keyed("b", "1/2")}}}, std::nullopt);
  CHECK(clean.problems.empty());
}
