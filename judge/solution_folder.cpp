#include "judge/solution_folder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "judge/errors.hpp"
#include "judge/escape.hpp"
#include "judge/intake.hpp"
#include "protocol/utf8.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

// Every name in a message is the candidate's: escaped for the terminal it is shown on.
std::string printable_name(const fs::path& p) { return terminal_line(p.string()); }

[[noreturn]] void refuse(const fs::path& where, const std::string& why) {
  throw UsageError(fmt::format("solution folder: {}: {}", printable_name(where), why));
}

// Names are bytes from the candidate: shown escaped, and accepted only as UTF-8 (they become
// Python module names and traceback file names).
std::string utf8_name(const fs::path& p) {
  std::string n = p.filename().string();
  if (first_invalid_utf8(n)) refuse(p, "a name that is not UTF-8");
  return n;
}

class FolderReader {
 public:
  explicit FolderReader(const fs::path& root) : root_(root) {}

  /// Every .py file below the root, relative '/'-separated paths, sorted.
  std::vector<ModuleFile> read() {
    walk(root_, 0);
    std::sort(files_.begin(), files_.end(), [](auto& a, auto& b) { return a.path < b.path; });
    return std::move(files_);
  }

 private:
  void walk(const fs::path& dir, int depth) {
    if (depth > kMaxFolderDepth) refuse(dir, fmt::format("nested deeper than {} folders", kMaxFolderDepth));
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      // Files left out still cost a look each: a folder of a million of them is refused, not walked.
      if (++entries_ > kMaxFolderEntries) refuse(root_, fmt::format("more than {} files and folders", kMaxFolderEntries));
      std::string name = utf8_name(p);
      fs::file_status st = fs::symlink_status(p, ec);
      if (ec) refuse(p, "cannot be examined: " + ec.message());
      if (fs::is_symlink(st)) refuse(p, "a symlink (a solution folder holds regular files only)");
      if (fs::is_directory(st)) {
        if (name != "__pycache__") walk(p, depth + 1);
      } else if (!fs::is_regular_file(st)) {
        refuse(p, "not a regular file (a FIFO, socket or device)");
      } else if (p.extension() == ".py") {
        add(p);
      }
    }
    if (ec) refuse(dir, "cannot be listed: " + ec.message());
  }

  void add(const fs::path& p) {
    if (files_.size() >= kMaxFolderModules + 1) {
      refuse(root_, fmt::format("more than {} .py files", kMaxFolderModules + 1));
    }
    IntakeFile f = read_regular_file(p, kMaxSource);
    if (!f.refused.empty()) refuse(p, f.refused);
    total_ += f.bytes.size();
    if (total_ > kMaxFolderBytes) refuse(root_, fmt::format("its .py files are over {} bytes together", kMaxFolderBytes));
    files_.push_back({fs::relative(p, root_).generic_string(), std::move(f.bytes)});
  }

  fs::path root_;
  std::vector<ModuleFile> files_;
  std::size_t total_ = 0;
  std::size_t entries_ = 0;
};

std::string entry_of(const fs::path& folder, const std::vector<ModuleFile>& files, const std::string& entry) {
  auto has = [&](const std::string& name) {
    return std::any_of(files.begin(), files.end(), [&](auto& f) { return f.path == name; });
  };
  if (!entry.empty()) {
    if (!has(entry)) refuse(folder / entry, "the entry file (--entry) is not a .py file of the folder");
    return entry;
  }
  for (const char* name : {"main.py", "solution.py"}) {
    if (has(name)) return name;
  }
  std::vector<std::string> top;
  for (const auto& f : files) {
    if (f.path.find('/') == std::string::npos) top.push_back(f.path);
  }
  if (top.size() == 1) return top.front();
  if (top.empty()) refuse(folder, "no .py file at its top to run");
  std::string names;
  for (const auto& n : top) names += (names.empty() ? "" : ", ") + printable_name(n);
  refuse(folder, fmt::format("which file is the entry is ambiguous: {} and none is main.py or solution.py; "
                             "name one with --entry", names));
}

}  // namespace

SourceFile read_solution_folder(const fs::path& path, const std::string& entry) {
  std::vector<ModuleFile> files = FolderReader(path).read();
  std::string main = entry_of(path, files, entry);
  SourceFile out;
  out.name = (path / main).string();
  for (auto& f : files) {
    if (f.path == main) out.text = std::move(f.source);
    else out.modules.push_back(std::move(f));
  }
  return out;
}

void add_package_includes(const Problem& problem, SourceFile& files) {
  if (!problem.package) return;
  fs::path include = problem.dir / "include" / "python3";
  std::error_code ec;
  if (!fs::is_directory(include, ec)) return;
  for (auto& f : FolderReader(include).read()) {
    std::erase_if(files.modules, [&](auto& m) { return m.path == f.path; });
    files.modules.push_back(std::move(f));
  }
}

}  // namespace pyjudge
