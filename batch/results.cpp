#include "judge/errors.hpp"
#include "batch/results.hpp"

#include "batch/submissions.hpp"
#include "judge/escape.hpp"
#include "protocol/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <set>
#include <stdexcept>

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

// A results file holds every record of a batch, each bounded (judge/report.hpp's caps).
constexpr std::size_t kMaxResultsFile = std::size_t{4} << 30;

void write_all_or_throw(int fd, const std::string& data, const fs::path& file) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
    off += static_cast<std::size_t>(n);
  }
}

// Replaces `file` by `records`, crash-safely: a temporary file, fsync, rename, fsync the folder.
void rewrite(const fs::path& file, const std::vector<const Record*>& records) {
  fs::path tmp = file;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
  std::string all;
  for (const auto* r : records) all += record_line(*r);
  write_all_or_throw(fd, all, tmp);
  ::fsync(fd);
  ::close(fd);
  fs::rename(tmp, file);
  int dir = ::open(file.parent_path().empty() ? "." : file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

// Typed reads of a JSON object: a missing field is its default, a field of the wrong type is an
// error naming it. Each read field is taken out of `rest`, which keeps what is left verbatim.
class Fields {
 public:
  explicit Fields(const nlohmann::json& j, std::string where) : rest_(j), where_(std::move(where)) {}
  std::string text(const char* key) { return take<std::string>(key, "a string").value_or(""); }
  double number(const char* key, double fallback = 0) {
    auto it = rest_.find(key);
    if (it == rest_.end() || it->is_null()) return fallback;
    if (!it->is_number()) throw bad(key, "a number");
    double v = it->get<double>();
    rest_.erase(it);
    return v;
  }
  std::int64_t integer(const char* key) {
    auto it = rest_.find(key);
    if (it == rest_.end() || it->is_null()) return 0;
    if (!it->is_number_integer()) throw bad(key, "an integer");
    auto v = it->get<std::int64_t>();
    rest_.erase(it);
    return v;
  }
  bool flag(const char* key) { return take<bool>(key, "true or false").value_or(false); }
  Verdict verdict() {
    std::string code = text("verdict");
    auto v = verdict_from_code(code);
    if (!v) throw std::invalid_argument(where_ + "verdict '" + cut_text(code, 40) + "' is not one of AC, WA, TLE, MLE, RE, OLE, CE, IE");
    return *v;
  }
  std::optional<nlohmann::json> raw(const char* key) {
    auto it = rest_.find(key);
    if (it == rest_.end()) return std::nullopt;
    nlohmann::json v = std::move(*it);
    rest_.erase(it);
    return v;
  }
  nlohmann::json rest() && { return std::move(rest_); }

 private:
  template <class T>
  std::optional<T> take(const char* key, const char* what) {
    auto it = rest_.find(key);
    if (it == rest_.end() || it->is_null()) return std::nullopt;
    bool ok = std::is_same_v<T, bool> ? it->is_boolean() : it->is_string();
    if (!ok) throw bad(key, what);
    T v = it->get<T>();
    rest_.erase(it);
    return v;
  }
  std::invalid_argument bad(const char* key, const char* what) const {
    return std::invalid_argument(where_ + "'" + key + "' must be " + what);
  }
  nlohmann::json rest_;
  std::string where_;
};

TestRecord test_from_json(const nlohmann::json& j, std::size_t index) {
  if (!j.is_object()) throw std::invalid_argument(fmt::format("tests[{}] must be an object", index));
  Fields f(j, fmt::format("tests[{}]: ", index));
  TestRecord t;
  t.name = f.text("name");
  t.verdict = f.verdict();
  t.sample = f.flag("sample");
  t.time_ms = f.number("time_ms");
  t.memory_kib = f.integer("memory_kib");
  t.message = f.text("message");
  if (auto line = f.raw("line")) {
    if (!line->is_number_integer()) throw std::invalid_argument(fmt::format("tests[{}]: 'line' must be an integer", index));
    t.line = line->get<long>();
  }
  t.input = f.text("input");
  t.expected = f.text("expected");
  t.got = f.text("got");
  t.diff = f.text("diff");
  t.traceback = f.text("traceback");
  t.rest = std::move(f).rest();
  return t;
}

nlohmann::json to_json(const TestRecord& t) {
  nlohmann::json j = t.rest;
  j["name"] = t.name;
  j["verdict"] = verdict_code(t.verdict);
  j["sample"] = t.sample;
  j["time_ms"] = t.time_ms;
  j["memory_kib"] = t.memory_kib;
  j["message"] = t.message;
  if (t.line) j["line"] = *t.line;
  for (auto [key, value] : {std::pair{"input", &t.input}, {"expected", &t.expected}, {"got", &t.got},
                            {"diff", &t.diff}, {"traceback", &t.traceback}}) {
    if (!value->empty()) j[key] = *value;
  }
  return j;
}

}  // namespace

Record record_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::invalid_argument("a record must be a JSON object");
  if (!j.contains("candidate") || !j.contains("problem")) throw std::invalid_argument("a record needs candidate and problem");
  Fields f(j, "");
  Record r;
  r.candidate = f.text("candidate");
  r.problem = f.text("problem");
  r.file = f.text("file");
  r.verdict = f.verdict();
  r.passed = static_cast<int>(f.integer("passed"));
  r.total = static_cast<int>(f.integer("total"));
  r.score = f.number("score");
  r.max_score = f.number("max_score", 1);
  r.time_ms = f.number("time_ms");
  r.wall_ms = f.number("wall_ms");
  r.memory_kib = f.integer("memory_kib");
  if (auto tests = f.raw("tests")) {
    if (!tests->is_array()) throw std::invalid_argument("'tests' must be a list");
    for (std::size_t i = 0; i < tests->size(); ++i) r.tests.push_back(test_from_json((*tests)[i], i));
  }
  if (auto ce = f.raw("compile_error")) {
    if (!ce->is_object()) throw std::invalid_argument("'compile_error' must be an object");
    Fields c(*ce, "compile_error: ");
    r.compile_error = CompileErrorRecord{c.text("message"), c.text("kind"), static_cast<long>(c.integer("line"))};
  }
  r.error = f.text("error");
  r.internal_error = f.text("internal_error");
  r.refused = f.text("refused");
  r.file_sha256 = f.text("file_sha256");
  r.problem_version = f.text("problem_version");
  r.submissions = f.text("submissions");
  r.shard = f.text("shard");
  r.rest = std::move(f).rest();
  return r;
}

nlohmann::json to_json(const Record& r) {
  nlohmann::json j = r.rest;
  j["candidate"] = r.candidate;
  j["problem"] = r.problem;
  j["file"] = r.file;
  j["verdict"] = verdict_code(r.verdict);
  j["passed"] = r.passed;
  j["total"] = r.total;
  j["score"] = r.score;
  j["max_score"] = r.max_score;
  j["time_ms"] = r.time_ms;
  j["wall_ms"] = r.wall_ms;
  j["memory_kib"] = r.memory_kib;
  j["tests"] = nlohmann::json::array();
  for (const auto& t : r.tests) j["tests"].push_back(to_json(t));
  if (r.compile_error) {
    j["compile_error"] = {{"message", r.compile_error->message}, {"line", r.compile_error->line}};
    if (!r.compile_error->kind.empty()) j["compile_error"]["kind"] = r.compile_error->kind;
  }
  for (auto [key, value] : {std::pair{"error", &r.error}, {"internal_error", &r.internal_error},
                            {"refused", &r.refused}, {"submissions", &r.submissions}, {"shard", &r.shard}}) {
    if (!value->empty()) j[key] = *value;
  }
  // Fingerprints are always written: an empty one (an unreadable file) must never match.
  j["file_sha256"] = r.file_sha256;
  j["problem_version"] = r.problem_version;
  return j;
}

std::string record_line(const Record& r) {
  return to_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool still_valid(const Record& stored, const Fingerprint& current) {
  return !current.file_sha256.empty() && stored.file_sha256 == current.file_sha256 &&
         stored.problem_version == current.problem_version;
}

LoadedResults load_results(const fs::path& file) {
  LoadedResults out;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return out;  // nothing judged yet
  FileContents read = read_whole_file(file, kMaxResultsFile);
  if (!read.ok()) throw UsageError("cannot read the results file " + file.string() + ": " + read.error);
  const std::string text = std::move(read.data);
  std::size_t pos = 0;
  int line = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    ++line;
    if (end == std::string::npos) {  // no newline: the write of this record was interrupted
      out.torn = true;
      break;
    }
    std::string_view body(text.data() + pos, end - pos);
    pos = end + 1;
    if (body.find_first_not_of(" \t\r") == std::string_view::npos) {
      out.valid_bytes = pos;
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    try {
      if (j.is_discarded()) throw std::invalid_argument("not JSON");
      out.records.push_back(record_from_json(j));
    } catch (const std::invalid_argument& e) {
      throw UsageError(fmt::format("{}:{}: not a result record (a JSON object with candidate and problem): {}",
                                   file.string(), line, e.what()));
    }
    out.valid_bytes = pos;
  }
  return out;
}

ResultsLog::ResultsLog(fs::path file, const std::map<std::string, Fingerprint>& current,
                       const std::string& submissions, bool replace_other_set)
    : file_(std::move(file)) {
  LoadedResults loaded = load_results(file_);
  for (const auto& r : loaded.records) {
    const std::string& theirs = r.submissions;
    if (!submissions.empty() && !theirs.empty() && theirs != submissions && !replace_other_set) {
      throw UsageError(fmt::format(
          "{} holds the results of another set of submissions ({}), not of {}: give this batch its own --out FILE, "
          "or --replace-results to replace them",
          file_.string(), theirs, submissions));
    }
  }
  std::size_t total = loaded.records.size();
  for (auto& r : loaded.records) {
    std::string key = r.key();
    auto it = current.find(key);
    if (it != current.end() && still_valid(r, it->second)) kept_[key] = std::move(r);  // a later line for the same key wins
  }
  dropped_ = total - kept_.size();
  // Only this batch's submissions with matching fingerprints stay: a changed file or problem is
  // judged again, and a removed submission (or another shard's) does not linger in this file.
  std::vector<const Record*> keep;
  for (const auto& [key, r] : kept_) keep.push_back(&r);
  if (dropped_ > 0 || loaded.torn) rewrite(file_, keep);
  fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) throw std::runtime_error(fmt::format("cannot open {}: {}", file_.string(), std::strerror(errno)));
}

ResultsLog::~ResultsLog() {
  if (fd_ >= 0) ::close(fd_);
}

const Record* ResultsLog::done(const std::string& key) const {
  auto it = kept_.find(key);
  return it == kept_.end() ? nullptr : &it->second;
}

void ResultsLog::append(const Record& record) {
  // One write of the whole line: with O_APPEND it lands in one piece, and a crash mid-write
  // leaves at worst a line without its newline, which the next load drops.
  write_all_or_throw(fd_, record_line(record), file_);
  if (::fsync(fd_) < 0) throw std::runtime_error(fmt::format("cannot fsync {}: {}", file_.string(), std::strerror(errno)));
}

Merged merge_results(const std::vector<std::pair<std::string, std::vector<Record>>>& inputs,
                     const std::optional<std::vector<std::string>>& expected) {
  Merged out;
  std::map<std::string, const Record*> by_key;
  std::map<std::string, std::string> origin;
  std::set<unsigned> shards_seen;
  std::optional<unsigned> shard_count;
  for (const auto& [input, records] : inputs) {
    for (const auto& r : records) {
      Shard shard = Shard::parse(r.shard.empty() ? "0/1" : r.shard);
      if (shard_count && *shard_count != shard.count) {
        out.problems.push_back(fmt::format("{}: {} is from a run with {} shards, others with {}", input, r.key(),
                                           shard.count, *shard_count));
      }
      shard_count = shard.count;
      shards_seen.insert(shard.index);
      auto [it, added] = by_key.emplace(r.key(), &r);
      if (!added) {
        out.problems.push_back(fmt::format("overlap: {} is in both {} and {}", r.key(), origin[r.key()], input));
        continue;
      }
      origin[r.key()] = input;
    }
  }
  if (expected) {
    // Exact: every submission of the batch has a result.
    for (const auto& key : *expected) {
      if (!by_key.count(key)) out.problems.push_back(fmt::format("gap: no result for {}", key));
    }
  } else {
    // From the records alone: a shard index nobody reported. (A shard can only be empty when
    // there are about as few submissions as shards; pass --submissions to be exact.)
    for (unsigned i = 0; shard_count && i < *shard_count; ++i) {
      if (!shards_seen.count(i)) out.problems.push_back(fmt::format("gap: no results from shard {}/{}", i, *shard_count));
    }
  }
  for (const auto& [key, r] : by_key) out.records.push_back(*r);
  out.shards = shard_count.value_or(1);
  return out;
}

}  // namespace pyjudge::batch
