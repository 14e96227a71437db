#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "batch/gradebook.hpp"
#include "batch/outputs.hpp"
#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge;
using namespace pyjudge::batch;
using pyjudge::e2e::TempDir;
namespace fs = std::filesystem;

namespace {

Record rec(const std::string& candidate, const std::string& problem, Verdict v) {
  Record r;
  r.candidate = candidate;
  r.problem = problem;
  r.verdict = v;
  r.total = 2;
  r.passed = v == Verdict::AC ? 2 : 1;
  r.score = v == Verdict::AC;
  r.file = "/subs/" + candidate + "/" + problem + ".py";
  return r;
}

}  // namespace

TEST_CASE("Candidates sort as a person sorts them: case, accents and numbers, ties by bytes") {
  std::vector<std::string> names = {"bob", "alice10", "Émile", "alice2", "Alice2", "edgar", "zoe", "ada", "Øyvind", "ola"};
  std::sort(names.begin(), names.end(), person_less);
  CHECK(names == std::vector<std::string>{"ada", "Alice2", "alice2", "alice10", "bob", "edgar", "Émile", "ola", "Øyvind", "zoe"});
  CHECK(person_less("file007", "file8"));
  CHECK_FALSE(person_less("x", "x"));
  CHECK(person_less("\xff", "\xff\x01"));  // not UTF-8: still a total order
}

TEST_CASE("A submissions folder lists what it skipped and why; a symlinked .py stays a submission") {
  TempDir tmp("scan");
  fs::path subs = tmp.path / "subs";
  fs::create_directories(subs / "alice/drafts");
  fs::create_directories(subs / ".git");
  std::ofstream(subs / "alice/two-sum.py") << "x = 1\n";
  std::ofstream(subs / "alice/notes.txt") << "hi\n";
  std::ofstream(subs / "alice/.DS_Store") << "";
  std::ofstream(subs / "stray.py") << "x = 1\n";
  fs::create_directories(tmp.path / "elsewhere");
  fs::create_directory_symlink(tmp.path / "elsewhere", subs / "mallory");
  fs::create_symlink(subs / "alice/two-sum.py", subs / "alice/memoize.py");
  SubmissionSet set = scan_submissions(subs);
  REQUIRE(set.submissions.size() == 2);
  CHECK(set.submissions[0].key() == "alice/memoize");
  CHECK(set.submissions[1].key() == "alice/two-sum");
  CHECK(set.skipped == std::vector<std::string>{".git (hidden)", "alice/.DS_Store (hidden)",
                                                "alice/drafts (a folder inside a candidate's folder)",
                                                "alice/notes.txt (not a .py file)", "mallory (a symlink)",
                                                "stray.py (not in a candidate's folder)"});
  CHECK(set.base == subs);
}

TEST_CASE("Files that match no problem are split off, and every candidate has the same denominator") {
  TempDir tmp("split");
  fs::path problems = tmp.path / "problems", subs = tmp.path / "subs";
  fs::create_directories(problems / "two-sum");
  fs::create_directories(problems / "memoize");
  for (const char* f : {"eve/two-sum.py", "eve/three-summ.py", "frank/two sum.py", "gus/memoize.py"}) {
    fs::create_directories((subs / f).parent_path());
    std::ofstream(subs / f) << "x = 1\n";
  }
  ProblemSplit split = split_by_problem(scan_submissions(subs), problems);
  REQUIRE(split.matched.size() == 2);
  CHECK(split.unmatched == std::vector<std::string>{"eve/three-summ.py", "frank/two sum.py"});

  Gradebook book = make_gradebook({rec("gus", "memoize", Verdict::AC), rec("eve", "two-sum", Verdict::WA)},
                                  split.unmatched_candidates);
  book.unmatched = split.unmatched;
  book.skipped = {"notes.txt (not in a candidate's folder)"};
  book.base = "/subs";
  CHECK(book.problems == std::vector<std::string>{"memoize", "two-sum"});
  CHECK(book.candidates == std::vector<std::string>{"eve", "frank", "gus"});
  CHECK(book.find("frank", "memoize") == nullptr);
  CHECK(book.find("gus", "memoize")->verdict == Verdict::AC);
  CHECK(book.shown_path(*book.find("eve", "two-sum")) == "eve/two-sum.py");

  std::ostringstream out;
  print_summary(out, book, false);
  std::string text = out.str();
  INFO(text);
  CHECK(text.find("\neve        -          WA 1/2        0/2  0/2\n") != std::string::npos);
  CHECK(text.find("\nfrank      -          -             0/2  0/2\n") != std::string::npos);
  CHECK(text.find("\ngus        AC 2/2     -             1/2  1/2\n") != std::string::npos);
  CHECK(text.find("files that match no problem (2, not graded): eve/three-summ.py, frank/two sum.py\n") != std::string::npos);
  CHECK(text.find("skipped (1): notes.txt (not in a candidate's folder)\n") != std::string::npos);
  CHECK(text.find("three-summ  ") == std::string::npos);  // never a column

  nlohmann::json j = gradebook_json(book);
  CHECK(j["problems"].size() == 2);
  CHECK(j["candidates"][1]["name"] == "frank");
  CHECK(j["candidates"][1]["cells"]["two-sum"].is_null());
  CHECK(j["unmatched"].size() == 2);
  CHECK(j["max_score"] == 2);

  TempDir wide("wide");
  write_csv_wide(wide.path / "w.csv", book);
  CHECK(pyjudge::e2e::slurp(wide.path / "w.csv") ==
        "candidate,memoize,two-sum,total,max_score\n"
        "eve,,0,0,2\n"
        "frank,,,0,2\n"
        "gus,1,,1,2\n");
}

TEST_CASE("The wide CSV escapes candidate names and problem ids like the long one") {
  TempDir out("wide-escape");
  write_csv_wide(out.path / "w.csv", make_gradebook({rec("=cmd|' /C calc'!A0", "p,q", Verdict::AC)}));
  CHECK(pyjudge::e2e::slurp(out.path / "w.csv") ==
        "candidate,\"p,q\",total,max_score\n"
        "'=cmd|' /C calc'!A0,1,1,1\n");
}

TEST_CASE("A problem of the named problems folder that no one submitted still counts in every denominator") {
  TempDir tmp("named-set");
  fs::path problems = tmp.path / "problems";
  for (const char* p : {"two-sum", "memoize", "lru-cache"}) {
    fs::create_directories(problems / p);
    std::ofstream(problems / p / "problem.yaml") << "id: " << p << "\n";
  }
  std::vector<std::string> set = named_problem_set(problems.string());
  std::sort(set.begin(), set.end());
  CHECK(set == std::vector<std::string>{"lru-cache", "memoize", "two-sum"});
  CHECK(named_problem_set("").empty());  // the library: the set is what was submitted

  Gradebook book = make_gradebook({rec("gus", "memoize", Verdict::AC), rec("eve", "two-sum", Verdict::AC)}, {}, set);
  CHECK(book.problems == std::vector<std::string>{"lru-cache", "memoize", "two-sum"});
  std::ostringstream out;
  print_summary(out, book, false);
  INFO(out.str());
  CHECK(out.str().find("\neve        -          -          AC 2/2        1/3  1/3\n") != std::string::npos);
  CHECK(out.str().find("\ngus        -          AC 2/2     -             1/3  1/3\n") != std::string::npos);
}
