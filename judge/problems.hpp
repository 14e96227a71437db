// Finding problems: by id in a problems folder, or by path.
#pragma once

#include <filesystem>
#include <vector>

#include "judge/errors.hpp"
#include "judge/spec.hpp"

namespace pyjudge {

/// The problems folder to use when none is given: ./problems, else the repository's next to the
/// executable (build/../problems).
std::filesystem::path default_problems_dir();

/// `ref` is a path to a problem folder or spec file, or an id inside `problems_dir`.
/// Throws SpecError for a malformed spec and UsageError for an unknown id. `cache`:
/// see load_problem().
Problem find_problem(const std::string& ref, const std::filesystem::path& problems_dir,
                     const TestCache* cache = nullptr);

/// Every problem folder (one holding a problem.yaml) directly inside `problems_dir`, sorted.
/// Throws UsageError when the folder is missing, unreadable or holds no problem.
std::vector<std::filesystem::path> problem_dirs(const std::filesystem::path& problems_dir);

}  // namespace pyjudge
