#include "judge/errors.hpp"
#include "batch/submissions.hpp"

#include "judge/escape.hpp"
#include "judge/intake.hpp"
#include "judge/sha256.hpp"
#include "judge/solution_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace pyjudge::batch {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: fixed by definition, unlike std::hash, so shards agree across builds.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::pair<Submission, int>> read_csv(const fs::path& manifest) {
  std::ifstream in(manifest);
  if (!in) throw UsageError("cannot read " + manifest.string());
  std::vector<std::pair<Submission, int>> out;
  std::string line;
  int lineno = 0;
  std::map<std::string, std::size_t> column;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line == "\r") continue;
    auto cells = split_csv_line(line);
    if (column.empty()) {
      for (std::size_t i = 0; i < cells.size(); ++i) column[cells[i]] = i;
      for (const char* need : {"candidate", "problem", "file"}) {
        if (!column.count(need)) {
          throw UsageError(fmt::format("{}:{}: the header needs a '{}' column (candidate,problem,file)",
                                                  manifest.string(), lineno, need));
        }
      }
      continue;
    }
    auto cell = [&](const char* name) {
      std::size_t i = column[name];
      if (i >= cells.size() || cells[i].empty()) {
        throw UsageError(fmt::format("{}:{}: '{}' is empty", manifest.string(), lineno, name));
      }
      return cells[i];
    };
    out.push_back({{cell("candidate"), cell("problem"), manifest.parent_path() / cell("file")}, lineno});
  }
  return out;
}

std::vector<std::pair<Submission, int>> read_yaml(const fs::path& manifest) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(manifest.string());
  } catch (const YAML::Exception& e) {
    throw UsageError(fmt::format("{}:{}: {}", manifest.string(), e.mark.line + 1, e.msg));
  }
  if (!root.IsSequence()) throw UsageError(manifest.string() + ": expected a list of {candidate, problem, file}");
  std::vector<std::pair<Submission, int>> out;
  for (const auto& n : root) {
    int line = n.Mark().line + 1;
    auto field = [&](const char* name) {
      if (!n.IsMap() || !n[name] || !n[name].IsScalar() || n[name].Scalar().empty()) {
        throw UsageError(fmt::format("{}:{}: '{}' is missing", manifest.string(), line, name));
      }
      return n[name].Scalar();
    };
    out.push_back({{field("candidate"), field("problem"), manifest.parent_path() / field("file")}, line});
  }
  return out;
}

std::vector<std::pair<Submission, int>> read_folder(const fs::path& root, std::vector<std::string>& skipped) {
  std::vector<std::pair<Submission, int>> out;
  auto skip = [&](const fs::path& entry, const char* why) {
    skipped.push_back(name_as_text(entry.lexically_relative(root).string()) + " (" + why + ")");
  };
  for (const auto& cand : fs::directory_iterator(root)) {
    std::string name = cand.path().filename().string();
    if (name.starts_with(".")) {
      skip(cand.path(), "hidden");
    } else if (cand.is_symlink()) {
      skip(cand.path(), "a symlink");
    } else if (!cand.is_directory()) {
      skip(cand.path(), "not in a candidate's folder");
    } else {
      for (const auto& f : fs::directory_iterator(cand.path())) {
        std::string file = f.path().filename().string();
        if (file.starts_with(".")) skip(f.path(), "hidden");
        else if (file == "__pycache__") skip(f.path(), "Python's bytecode cache");
        // <candidate>/<problem-id>/: a solution folder (its entry main.py, solution.py or its
        // only .py file); a symlink to a folder is a submission too, which intake refuses.
        else if (f.is_directory()) out.push_back({{name_as_text(name), name_as_text(file), f.path()}, 0});
        else if (f.path().extension() != ".py") skip(f.path(), "not a .py file");
        // Names are data: a folder named in another encoding is escaped, never a crash.
        else out.push_back({{name_as_text(name), name_as_text(f.path().stem().string()), f.path()}, 0});
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Submission> find_submissions(const fs::path& root) { return scan_submissions(root).submissions; }

SubmissionSet scan_submissions(const fs::path& root) {
  std::error_code ec;
  SubmissionSet set;
  std::vector<std::pair<Submission, int>> found;
  if (fs::is_directory(root, ec)) {
    found = read_folder(root, set.skipped);
    set.base = root;
  } else if (root.extension() == ".csv") {
    found = read_csv(root);
    set.base = root.parent_path();
  } else if (root.extension() == ".yaml" || root.extension() == ".yml") {
    found = read_yaml(root);
    set.base = root.parent_path();
  } else {
    throw UsageError("no such submissions folder or manifest (.csv, .yaml): " + root.string());
  }
  std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.first.key() < b.first.key(); });
  std::sort(set.skipped.begin(), set.skipped.end());
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (!set.submissions.empty() && found[i].first.key() == set.submissions.back().key()) {
      std::string where = found[i].second ? fmt::format("{}:{}: ", root.string(), found[i].second) : "";
      throw UsageError(where + "two submissions for " + found[i].first.key());
    }
    set.submissions.push_back(std::move(found[i].first));
  }
  return set;
}

Shard Shard::parse(const std::string& text) {
  Shard s;
  unsigned i = 0, n = 0;
  char slash = 0, extra = 0;
  std::istringstream in(text);
  if (!(in >> i >> slash >> n) || slash != '/' || (in >> extra) || n == 0 || i >= n) {
    throw UsageError("--shard takes I/N with 0 <= I < N, e.g. 0/4 (got '" + text + "')");
  }
  s.index = i;
  s.count = n;
  return s;
}

bool Shard::contains(const Submission& s) const { return fnv1a(s.key()) % count == index; }

SubmissionFile read_submission(const fs::path& file) {
  std::error_code ec;
  if (fs::symlink_status(file, ec).type() == fs::file_type::directory) {
    SubmissionFile out;
    try {
      SourceFile folder = read_solution_folder(file);
      out.source = std::move(folder.text);
      out.entry = fs::path(folder.name).lexically_relative(file).generic_string();
      out.modules = std::move(folder.modules);
    } catch (const std::exception& e) {  // the folder's rule it breaks, naming the file
      out = SubmissionFile{};
      out.refused = e.what();
    }
    return out;
  }
  IntakeFile f = read_regular_file(file, kMaxSubmissionBytes);
  SubmissionFile out;
  out.source = std::move(f.bytes);
  out.refused = std::move(f.refused);
  return out;
}

std::string SubmissionFile::fingerprint() const {
  if (!refused.empty()) return "";
  if (entry.empty() && modules.empty()) return sha256_hex(source);  // a file: its bytes' digest
  Sha256 h;
  auto part = [&h](std::string_view name, std::string_view bytes) {
    h.update(fmt::format("{}:{}\n{}:", name.size(), name, bytes.size()));
    h.update(bytes);
  };
  part(entry, source);
  for (const auto& m : modules) part(m.path, m.source);
  return h.hex_digest();
}

std::string file_sha256(const fs::path& file) { return read_submission(file).fingerprint(); }

std::string name_as_text(const std::string& bytes) { return utf8_or_escaped(bytes); }

std::string problem_version(const fs::path& problem_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(problem_dir, ec); it != fs::recursive_directory_iterator(); ++it) {
    fs::path rel = fs::relative(it->path(), problem_dir);
    if (it->is_directory() && (rel == "solutions" || rel.filename() == "__pycache__")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && rel != "statement.md") files.push_back(rel);
  }
  std::sort(files.begin(), files.end());
  Sha256 h;
  for (const auto& rel : files) {
    h.update(rel.generic_string());
    h.update(std::string_view("\0", 1));
    h.update_file(problem_dir / rel);
  }
  return h.hex_digest().substr(0, 16);
}

}  // namespace pyjudge::batch
