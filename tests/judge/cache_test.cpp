#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "judge/cache.hpp"
#include "protocol/wire.hpp"

using namespace pyjudge;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path;
  explicit TempFolder(const std::string& tag) {
    path = fs::temp_directory_path() / ("pyjudge-cache-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

fs::path only_file(const fs::path& dir) { return fs::directory_iterator(dir)->path(); }

}  // namespace

TEST_CASE("A cache entry reads back exactly as stored, and leaves no temporary file") {
  TempFolder dir("roundtrip");
  TestCache cache(dir.path);
  CHECK_FALSE(cache.load("tests-p-1").has_value());
  std::string payload("binary\0payload\xff", 15);
  REQUIRE(cache.store("tests-p-1", payload));
  CHECK(cache.load("tests-p-1") == payload);
  CHECK(files_in(dir.path) == 1);
  CHECK(cache.store("tests-p-1", "replaced"));
  CHECK(cache.load("tests-p-1") == "replaced");
  CHECK(cache.clear() == 1);
  CHECK_FALSE(cache.load("tests-p-1").has_value());
}

TEST_CASE("A corrupt or torn cache entry is detected, removed and rebuilt, never trusted") {
  TempFolder dir("corrupt");
  TestCache cache(dir.path);
  std::string payload(100000, 'x');
  REQUIRE(cache.store("k", payload));
  fs::path entry = only_file(dir.path);
  {  // one flipped byte in the payload: the checksum no longer matches
    std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(5000);
    f.put('y');
  }
  CHECK_FALSE(cache.load("k").has_value());
  CHECK_FALSE(fs::exists(entry));
  REQUIRE(cache.store("k", payload));
  CHECK(cache.load("k") == payload);
  fs::resize_file(entry, fs::file_size(entry) / 2);  // torn: a crash in the middle of a copy
  CHECK_FALSE(cache.load("k").has_value());
  std::ofstream(entry, std::ios::trunc) << "garbage";
  CHECK_FALSE(cache.load("k").has_value());
  fs::remove(entry);
  fs::create_symlink("/etc/passwd", entry);  // not a regular file: not read
  CHECK_FALSE(cache.load("k").has_value());
}

TEST_CASE("Two processes storing one key at once never leave a mixed or torn entry") {
  TempFolder dir("concurrent");
  TestCache cache(dir.path);
  const std::string a(3 << 20, 'a'), b(2 << 20, 'b');
  pid_t writers[2];
  for (int w = 0; w < 2; ++w) {
    writers[w] = fork();
    REQUIRE(writers[w] >= 0);
    if (writers[w] == 0) {
      for (int i = 0; i < 20; ++i) {
        if (!cache.store("shared", w == 0 ? a : b)) _exit(1);
      }
      _exit(0);
    }
  }
  // Meanwhile this process reads: every read is nothing yet, or one writer's whole payload.
  int reads = 0, bad = 0;
  for (int alive = 2; alive > 0;) {
    if (auto got = cache.load("shared")) {
      ++reads;
      bad += *got != a && *got != b;
    }
    for (pid_t& p : writers) {
      int status = 0;
      if (p > 0 && waitpid(p, &status, WNOHANG) == p) {
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        p = -1;
        --alive;
      }
    }
  }
  CHECK(bad == 0);
  MESSAGE(reads << " reads during the writes");
  auto last = cache.load("shared");
  REQUIRE(last.has_value());
  CHECK((*last == a || *last == b));
  CHECK(files_in(dir.path) == 1);  // no temporary file left behind
}

TEST_CASE("Prepared tests survive encoding: inputs, expected values, origins and scoring") {
  TestCase t;
  t.name = "gen-50-1";
  t.sample = false;
  t.origin = {"problems/p/problem.yaml", 12};
  t.input.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_int(3), Value::of_str("é\n")}));
  t.input.stdin_data = std::string("line\0two", 8);
  t.input.compare_arg = 1;
  t.expected = Value::sequence(Value::Kind::Tuple, {Value::of_float(0.5), Value::none()});
  t.raises = "ValueError";
  t.points = 7;
  t.group = "large";
  TestCase u;
  u.name = "stdio";
  u.expected_output = "out\n";
  auto back = decode_tests(encode_tests({t, u}));
  REQUIRE(back.size() == 2);
  CHECK(back[0].name == t.name);
  CHECK(back[0].origin.str() == t.origin.str());
  CHECK(encode(back[0].input) == encode(t.input));
  REQUIRE(back[0].expected.has_value());
  CHECK(repr(*back[0].expected) == repr(*t.expected));
  CHECK_FALSE(back[0].expected_output.has_value());
  CHECK(back[0].raises == "ValueError");
  CHECK(back[0].points == 7);
  CHECK(back[0].group == "large");
  CHECK(back[1].expected_output == "out\n");
  CHECK_FALSE(back[1].expected.has_value());
  std::string bytes = encode_tests({t});
  CHECK_THROWS_AS(decode_tests(bytes.substr(0, bytes.size() - 3)), ProtocolError);
  CHECK_THROWS_AS(decode_tests(bytes + "x"), ProtocolError);
}

TEST_CASE("The cache folder follows XDG_CACHE_HOME, else ~/.cache") {
  std::string saved_xdg = std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "";
  setenv("XDG_CACHE_HOME", "/somewhere", 1);
  CHECK(TestCache::default_dir() == fs::path("/somewhere/pyjudge"));
  unsetenv("XDG_CACHE_HOME");
  setenv("HOME", std::getenv("HOME") ? std::getenv("HOME") : "/root", 1);
  CHECK(TestCache::default_dir() == fs::path(std::getenv("HOME")) / ".cache" / "pyjudge");
  if (!saved_xdg.empty()) setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
}

TEST_CASE("A source recorded as compiling is known to, byte for byte; any other is not") {
  TempFolder dir("compiled");
  TestCache cache(dir.path);
  const std::string gen = "def generate(rng, size, index):\n    return {'args': [size]}\n";
  CHECK_FALSE(compiled_before(cache, gen));
  remember_compiled(cache, gen);
  CHECK(compiled_before(cache, gen));
  CHECK_FALSE(compiled_before(cache, gen + " "));
  CHECK_FALSE(compiled_before(TestCache(dir.path / "elsewhere"), gen));
  // A tampered record is no record.
  std::ofstream(only_file(dir.path), std::ios::binary | std::ios::app) << "x";
  CHECK_FALSE(compiled_before(cache, gen));
}

TEST_CASE("A cached test's input stays encoded, and an entry whose input is not a readable value is refused") {
  TestCase t;
  t.name = "gen-100000-1";
  std::vector<Value> nums;
  for (int i = 0; i < 1000; ++i) nums.push_back(Value::of_int(i * 7));
  t.input.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::sequence(Value::Kind::List, nums), Value::of_int(5)}));
  t.expected = Value::sequence(Value::Kind::List, {Value::of_int(0), Value::of_int(1)});
  std::string bytes = encode_tests({t});
  auto back = decode_tests(bytes);
  REQUIRE(back.size() == 1);
  CHECK(back[0].input.args == t.input.args);  // the same bytes, sent to the box as they are
  CHECK(back[0].input.args.decode().items.at(0).items.size() == 1000);
  // The entry's checksum holds, but the str inside is not UTF-8 (an entry written by another
  // build): decode_tests refuses it, and the caller prepares the tests again.
  TestCase u;
  u.name = "bad";
  u.input.args = EncodedValue(Value::sequence(Value::Kind::List, {Value::of_str("ok")}));
  std::string entry = encode_tests({u});
  auto at = entry.find("ok");
  REQUIRE(at != std::string::npos);
  entry[at] = '\xff';
  CHECK_THROWS_AS(decode_tests(entry), ProtocolError);
}
