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
  throw std::invalid_argument("no problem '" + ref + "' (not a path, and not an id in " +
                              problems_dir.string() + "; see `pyjudge list`)");
}

std::vector<fs::path> problem_dirs(const fs::path& problems_dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(problems_dir, ec)) {
    if (entry.is_directory() && fs::is_regular_file(entry.path() / "problem.yaml")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pyjudge
