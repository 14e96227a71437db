#include "judge/errors.hpp"
#include "batch/results.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

void write_all_or_throw(int fd, const std::string& data, const fs::path& file) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(fmt::format("cannot write {}: {}", file.string(), std::strerror(errno)));
    off += static_cast<std::size_t>(n);
  }
}

std::string line_of(const nlohmann::json& record) {
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Replaces `file` by `records`, crash-safely: a temporary file, fsync, rename, fsync the folder.
void rewrite(const fs::path& file, const std::vector<const nlohmann::json*>& records) {
  fs::path tmp = file;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
  std::string all;
  for (const auto* r : records) all += line_of(*r);
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

}  // namespace

std::string record_key(const nlohmann::json& record) {
  return record.value("candidate", std::string()) + "/" + record.value("problem", std::string());
}

LoadedResults load_results(const fs::path& file) {
  LoadedResults out;
  std::ifstream in(file, std::ios::binary);
  if (!in) return out;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
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
    if (j.is_discarded() || !j.is_object() || !j.contains("candidate") || !j.contains("problem")) {
      throw UsageError(fmt::format("{}:{}: not a result record (a JSON object with candidate and problem)",
                                              file.string(), line));
    }
    out.records.push_back(std::move(j));
    out.valid_bytes = pos;
  }
  return out;
}

ResultsLog::ResultsLog(fs::path file, const std::map<std::string, std::pair<std::string, std::string>>& current,
                       const std::string& submissions, bool replace_other_set)
    : file_(std::move(file)) {
  LoadedResults loaded = load_results(file_);
  for (const auto& r : loaded.records) {
    std::string theirs = r.value("submissions", std::string());
    if (!submissions.empty() && !theirs.empty() && theirs != submissions && !replace_other_set) {
      throw UsageError(fmt::format(
          "{} holds the results of another set of submissions ({}), not of {}: give this batch its own --out FILE, "
          "or --replace-results to replace them",
          file_.string(), theirs, submissions));
    }
  }
  std::size_t total = loaded.records.size();
  for (auto& r : loaded.records) {
    std::string key = record_key(r);
    auto it = current.find(key);
    bool fresh = it != current.end() && r.value("file_sha256", std::string()) == it->second.first &&
                 r.value("problem_version", std::string()) == it->second.second && !it->second.first.empty();
    if (fresh) kept_[key] = std::move(r);  // a later line for the same key wins
  }
  dropped_ = total - kept_.size();
  // Only this batch's submissions with matching fingerprints stay: a changed file or problem is
  // judged again, and a removed submission (or another shard's) does not linger in this file.
  std::vector<const nlohmann::json*> keep;
  for (const auto& [key, r] : kept_) keep.push_back(&r);
  if (dropped_ > 0 || loaded.torn) rewrite(file_, keep);
  fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd_ < 0) throw std::runtime_error(fmt::format("cannot open {}: {}", file_.string(), std::strerror(errno)));
}

ResultsLog::~ResultsLog() {
  if (fd_ >= 0) ::close(fd_);
}

const nlohmann::json* ResultsLog::done(const std::string& key) const {
  auto it = kept_.find(key);
  return it == kept_.end() ? nullptr : &it->second;
}

void ResultsLog::append(const nlohmann::json& record) {
  // One write of the whole line: with O_APPEND it lands in one piece, and a crash mid-write
  // leaves at worst a line without its newline, which the next load drops.
  write_all_or_throw(fd_, line_of(record), file_);
  if (::fsync(fd_) < 0) throw std::runtime_error(fmt::format("cannot fsync {}: {}", file_.string(), std::strerror(errno)));
}

}  // namespace pyjudge::batch
