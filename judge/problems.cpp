#include "judge/errors.hpp"
#include "judge/problems.hpp"

#include <algorithm>
#include <stdexcept>

namespace pyjudge {

namespace fs = std::filesystem;

fs::path default_problems_dir() {
  std::error_code ec;
  if (fs::is_directory("problems", ec)) return "problems";
  auto exe = fs::read_symlink("/proc/self/exe", ec);
  auto beside = exe.parent_path().parent_path() / "problems";
  if (!ec && fs::is_directory(beside, ec)) return beside;
  return "problems";
}

Problem find_problem(const std::string& ref, const fs::path& problems_dir, const TestCache* cache) {
  std::error_code ec;
  if (fs::exists(ref, ec)) return load_problem(ref, cache);
  fs::path dir = problems_dir / ref;
  if (ref.find('/') == std::string::npos && fs::is_directory(dir, ec)) return load_problem(dir, cache);
  throw UsageError("no problem '" + ref + "' (not a path, and not an id in " +
                              problems_dir.string() + "; see `pyjudge list`)");
}

std::vector<fs::path> problem_dirs(const fs::path& problems_dir) {
  std::error_code ec;
  if (!fs::is_directory(problems_dir, ec)) {
    throw UsageError("no such problems folder: " + problems_dir.string());
  }
  std::vector<fs::path> out = on_user_path(problems_dir, [&] {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(problems_dir)) {
      if (entry.is_directory() && fs::is_regular_file(entry.path() / "problem.yaml")) found.push_back(entry.path());
    }
    return found;
  });
  // A CI job pointed at the wrong folder must not pass for want of problems.
  if (out.empty()) throw UsageError(problems_dir.string() + " holds no problem (no <id>/problem.yaml)");
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pyjudge
