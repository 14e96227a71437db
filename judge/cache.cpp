#include "judge/cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <patchlevel.h>  // PY_VERSION, without the rest of Python.h
#include <algorithm>
#include <atomic>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <random>

#include "judge/sha256.hpp"
#include "protocol/files.hpp"
#include "protocol/wire.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

// Bumped whenever the entry layout or encode_tests() changes: old entries then miss.
constexpr std::string_view kMagic = "pyjudge-cache 1\n";
constexpr std::size_t kDigestSize = 32;
constexpr std::uint64_t kMaxEntry = 1ull << 30;

bool write_all_to(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Regular files only, never through a symlink, and bounded before reading.
std::optional<std::string> read_entry_file(const fs::path& path) {
  FileContents f = read_whole_file(path, kMaxEntry, Symlinks::Refuse);
  if (!f.ok()) return std::nullopt;
  return std::move(f.data);
}

// magic | u64 payload length | SHA-256 of the payload | payload. The payload is cut out of the
// entry in place: a copy of a multi-megabyte entry costs fresh pages, slow to fault in.
std::optional<std::string> checked_payload(std::string entry) {
  std::size_t header = kMagic.size() + 8 + kDigestSize;
  if (entry.size() < header || entry.compare(0, kMagic.size(), kMagic) != 0) return std::nullopt;
  Reader r(std::string_view(entry).substr(kMagic.size(), 8));
  std::uint64_t length = r.u64();
  if (length != entry.size() - header) return std::nullopt;
  Sha256 h;
  h.update(std::string_view(entry).substr(header));
  if (h.digest() != entry.substr(kMagic.size() + 8, kDigestSize)) return std::nullopt;
  entry.erase(0, header);
  return entry;
}

std::string temp_suffix() {
  static std::atomic<unsigned> counter{0};
  return fmt::format(".tmp-{}-{}-{}", ::getpid(), counter++, std::random_device{}());
}

}  // namespace

fs::path TestCache::default_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return fs::path(xdg) / "pyjudge";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".cache" / "pyjudge";
}

fs::path TestCache::entry_path(std::string_view key) const {
  bool plain = !key.empty() && key.size() <= 128 && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  return dir_ / ((plain ? std::string(key) : sha256_hex(key)) + ".entry");
}

std::optional<std::string> TestCache::load(std::string_view key) const {
  fs::path path = entry_path(key);
  auto entry = read_entry_file(path);
  if (!entry) return std::nullopt;
  auto payload = checked_payload(std::move(*entry));
  if (!payload) {
    std::error_code ec;
    fs::remove(path, ec);  // torn or altered: rebuilt by the caller, never trusted
  }
  return payload;
}

bool TestCache::store(std::string_view key, std::string_view payload) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::path path = entry_path(key);
  fs::path temp = path;
  temp += temp_suffix();
  Sha256 h;
  h.update(payload);
  Writer w;
  w.u64(payload.size());
  std::string header = std::string(kMagic) + w.take() + h.digest();
  {
    UniqueFd f(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!f) return false;
    if (!write_all_to(f.get(), header) || !write_all_to(f.get(), payload) || ::fsync(f.get()) != 0) {
      fs::remove(temp, ec);
      return false;
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    fs::remove(temp, ec);
    return false;
  }
  // The rename itself is durable only once the folder is synced.
  UniqueFd d(::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d) ::fsync(d.get());
  return true;
}

std::size_t TestCache::clear() const {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file() && (name.ends_with(".entry") || name.find(".entry.tmp-") != std::string::npos)) {
      removed += fs::remove(e.path(), ec);
    }
  }
  return removed;
}

std::optional<std::string> problem_cache_key(const Problem& problem) {
  constexpr std::size_t kMaxFiles = 1000;
  constexpr std::uintmax_t kMaxBytes = 256u << 20;
  std::vector<fs::path> files;
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(problem.dir, ec); it != fs::recursive_directory_iterator(); ++it) {
    fs::path rel = fs::relative(it->path(), problem.dir, ec);
    if (it->is_directory() && rel.filename() == "__pycache__") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || rel == "statement.md") continue;
    files.push_back(rel);
    bytes += it->file_size(ec);
    if (files.size() > kMaxFiles || bytes > kMaxBytes) return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  Sha256 h;
  h.update(fmt::format("pyjudge {} {} {}\n", PYJUDGE_VERSION, kMagic, PY_VERSION));
  h.update(problem.spec_file.filename().string());
  for (const auto& rel : files) {
    h.update(std::string_view("\0", 1));
    h.update(rel.generic_string());
    h.update(std::string_view("\0", 1));
    h.update_file(problem.dir / rel);
  }
  return "tests-" + problem.id.substr(0, 40) + "-" + h.hex_digest().substr(0, 32);
}

std::string content_cache_key(std::string_view kind, std::string_view context, std::string_view content) {
  Sha256 h;
  h.update(fmt::format("pyjudge {} {} {}\n", PYJUDGE_VERSION, kMagic, PY_VERSION));
  Writer w;
  w.bytes(context);
  h.update(w.data());
  h.update(content);
  return std::string(kind) + "-" + h.hex_digest().substr(0, 32);
}

// The record holds the source itself: a hash collision cannot make another file pass.
bool compiled_before(const TestCache& cache, std::string_view source) {
  auto record = cache.load(content_cache_key("compiles", "", source));
  return record && *record == source;
}

void remember_compiled(const TestCache& cache, std::string_view source) {
  cache.store(content_cache_key("compiles", "", source), source);
}

std::string encode_tests(const std::vector<TestCase>& tests) {
  Writer w;
  w.u64(tests.size());
  for (const auto& t : tests) {
    w.bytes(t.name);
    w.u8(t.sample);
    w.bytes(t.origin.file.string());
    w.i64(t.origin.line);
    w.bytes(encode(t.input));
    w.u8(t.expected.has_value());
    if (t.expected) encode(*t.expected, w);
    w.u8(t.expected_output.has_value());
    if (t.expected_output) w.bytes(*t.expected_output);
    w.bytes(t.raises);
    w.i64(t.points);
    w.bytes(t.group);
  }
  return w.take();
}

std::vector<TestCase> decode_tests(std::string_view bytes, const std::atomic<bool>* cancel) {
  Reader r(bytes);
  std::uint64_t n = r.u64();
  if (n > r.remaining()) throw ProtocolError("test count larger than the entry");
  std::vector<TestCase> tests(static_cast<std::size_t>(n));
  for (auto& t : tests) {
    if (cancel && cancel->load()) {
      tests.resize(static_cast<std::size_t>(&t - tests.data()));
      return tests;
    }
    t.name = r.bytes();
    t.sample = r.u8() != 0;
    t.origin.file = r.bytes();
    t.origin.line = static_cast<int>(r.i64());
    t.input = decode_run_test(r.bytes_view());
    if (r.u8()) t.expected = decode_value(r);
    if (r.u8()) t.expected_output = r.bytes();
    t.raises = r.bytes();
    t.points = r.i64();
    t.group = r.bytes();
  }
  r.expect_done();
  return tests;
}

}  // namespace pyjudge
