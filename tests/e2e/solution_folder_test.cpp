// Solution folders through the real binary: intake refuses what a folder must not hold, with a
// message naming the file; the entry rule says when it cannot choose. (The AC and RE cases are
// data: tests/cases/*folder*.)
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>

#include "batch/results.hpp"

#include "tests/e2e/pyjudge_process.hpp"

using namespace pyjudge::e2e;
namespace fs = std::filesystem;

namespace {

const fs::path kProblem = fs::path(PYJUDGE_SOURCE_DIR) / "tests" / "cases" / "ac-folder-entry-imports-its-own-modules";

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// A copy of the AC case's folder, to spoil one way.
fs::path good_folder(const TempDir& tmp) {
  fs::path dir = tmp.path / "solution";
  fs::copy(kProblem / "solution", dir, fs::copy_options::recursive);
  return dir;
}

Run run_folder(const fs::path& folder, const std::string& extra = "") {
  return run_pyjudge("run " + quote(kProblem) + " " + quote(folder) + " --json" + extra);
}

}  // namespace

TEST_CASE("A solution folder's copy of the AC case is accepted: the refusals below are about their one change") {
  TempDir tmp("folder-good");
  Run r = run_folder(good_folder(tmp));
  CHECK(r.exit_code == 0);
}

TEST_CASE("A solution folder holding a symlink is refused, naming it, before any box starts") {
  TempDir tmp("folder-symlink");
  fs::path dir = good_folder(tmp);
  fs::create_symlink("/etc/passwd", dir / "passwd.py");
  Run r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("passwd.py: a symlink") != std::string::npos);
  CHECK(r.out.find("root:") == std::string::npos);
  // A symlinked folder is refused the same way.
  fs::remove(dir / "passwd.py");
  fs::create_directory_symlink("/etc", dir / "etc");
  r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("etc: a symlink") != std::string::npos);
}

TEST_CASE("A solution folder with an oversized module or too many modules or a FIFO is refused with the cap") {
  TempDir tmp("folder-caps");
  fs::path dir = good_folder(tmp);
  write(dir / "big.py", "x = 1\n" + std::string(300 * 1024, '#'));
  Run r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("big.py: too large") != std::string::npos);
  fs::remove(dir / "big.py");
  for (int i = 0; i < 120; ++i) write(dir / "many" / ("m" + std::to_string(i) + ".py"), "\n");
  r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("more than 101 .py files") != std::string::npos);
  fs::remove_all(dir / "many");
  fs::create_directories(dir / "data");
  for (int i = 0; i < 10001; ++i) std::ofstream(dir / "data" / std::to_string(i));  // not .py, but each is looked at
  r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("more than 10000 files and folders") != std::string::npos);
  fs::remove_all(dir / "data");
  REQUIRE(mkfifo((dir / "pipe.py").c_str(), 0600) == 0);
  r = run_folder(dir);  // never blocks on the FIFO
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("pipe.py: not a regular file") != std::string::npos);
}

TEST_CASE("A solution folder runs main.py else solution.py else its only .py and an ambiguity names the files") {
  TempDir tmp("folder-entry");
  fs::path dir = good_folder(tmp);
  fs::rename(dir / "main.py", dir / "run_me.py");
  // helper.py and run_me.py at the top: which one runs is not guessed.
  Run r = run_folder(dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ambiguous: helper.py, run_me.py") != std::string::npos);
  CHECK(r.err.find("--entry") != std::string::npos);
  r = run_folder(dir, " --entry run_me.py");
  CHECK(r.exit_code == 0);
  fs::rename(dir / "run_me.py", dir / "solution.py");
  CHECK(run_folder(dir).exit_code == 0);
  r = run_folder(dir, " --entry nothere.py");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nothere.py: the entry file (--entry) is not a .py file of the folder") != std::string::npos);
}

TEST_CASE("A solution folder's modules are served from memory: its host folder stays unreadable and unwritable") {
  TempDir tmp("folder-view");
  fs::path dir = good_folder(tmp);
  write(dir / "notes.txt", "secret\n");
  const std::string solve = "from helper import parse\nfrom geometry.square import area\n"
                            "print(sum(area(n) for n in parse(sys.stdin.read())))\n";
  // Reading a file of its own folder: only the modules were copied in, so it is not there (on a
  // host with Landlock; elsewhere the mount namespace's view is the host's).
  write(dir / "main.py", "import os, sys\nhere = os.path.dirname(__file__)\n"
                         "try:\n    print(open(os.path.join(here, 'notes.txt')).read())\nexcept OSError:\n    pass\n" + solve);
  Run r = run_folder(dir);
  INFO(r.out);
  if (r.out.find("landlock") == std::string::npos) {
    MESSAGE("skipped the read check: Landlock is not active on this host");
  } else {
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("secret") == std::string::npos);
  }
  // Writing into it is a forbidden operation, as anywhere.
  write(dir / "main.py", "import os, sys\nopen(os.path.join(os.path.dirname(__file__), 'new.txt'), 'w').write('x')\n" + solve);
  r = run_folder(dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"verdict\": \"RE\"") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "new.txt"));
}

TEST_CASE("batch grades <candidate>/<problem-id>/ as a solution folder, resumes it by every file's bytes, refuses a symlink to one") {
  TempDir tmp("folder-batch");
  fs::path problems = tmp.path / "problems", subs = tmp.path / "subs", out = tmp.path / "results.jsonl";
  const std::string id = kProblem.filename().string();
  fs::create_directories(problems / id);
  fs::copy_file(kProblem / "problem.yaml", problems / id / "problem.yaml");
  fs::create_directories(subs / "alice" / id);
  fs::copy(kProblem / "solution", subs / "alice" / id, fs::copy_options::recursive);
  fs::create_directories(subs / "bob");
  fs::create_directory_symlink(subs / "alice" / id, subs / "bob" / id);
  fs::create_directories(subs / "alice" / "__pycache__");
  const std::string batch = "batch " + quote(subs) + " --problems " + quote(problems) + " --out " + quote(out) + " -j 1";
  auto records = [&] {
    std::map<std::string, pyjudge::batch::Record> by_key;
    for (auto& r : pyjudge::batch::load_results(out).records) by_key[r.key()] = r;
    return by_key;
  };
  Run first = run_pyjudge(batch);
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("alice/__pycache__ (Python's bytecode cache)") != std::string::npos);
  auto r = records();
  REQUIRE(r.count("alice/" + id));
  CHECK(r["alice/" + id].verdict == pyjudge::Verdict::AC);
  CHECK(r["alice/" + id].passed == 2);
  std::string before = r["alice/" + id].file_sha256;
  CHECK(before.size() == 64);
  REQUIRE(r.count("bob/" + id));
  CHECK(r["bob/" + id].verdict == pyjudge::Verdict::CE);
  CHECK(r["bob/" + id].refused.find("a symlink") == 0);

  Run again = run_pyjudge(batch);
  CHECK(again.err.find("1 already judged") != std::string::npos);  // alice's folder is unchanged
  write(subs / "alice" / id / "geometry" / "square.py", "def area(n):\n    return n * n + 1\n");  // a module changes
  Run changed = run_pyjudge(batch);
  CHECK(changed.err.find("0 already judged") != std::string::npos);
  r = records();
  CHECK(r["alice/" + id].file_sha256 != before);
  CHECK(r["alice/" + id].verdict == pyjudge::Verdict::WA);
}
