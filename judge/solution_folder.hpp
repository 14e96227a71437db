// A solution as the judge reads it: one .py file, or a folder with an entry file and the modules
// it imports (and a problem package's include/python3/ added to every submission). The folder is
// hostile intake: bounded, regular files only, no symlinks, UTF-8 names.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "judge/spec.hpp"
#include "judge/one_test.hpp"
#include "protocol/messages.hpp"

namespace pyjudge {

/// Caps on a solution folder (the entry file has the box's own source cap, kMaxSource).
inline constexpr std::size_t kMaxFolderModules = 100;      ///< .py files besides the entry
inline constexpr std::size_t kMaxFolderBytes = 2u << 20;   ///< all .py files together
inline constexpr int kMaxFolderDepth = 8;                  ///< nested package folders
inline constexpr std::size_t kMaxFolderEntries = 10000;   ///< entries of any kind looked at

/// Reads a solution folder: its entry file is `entry` when given, else main.py, else
/// solution.py, else the only .py file at its top. Every other .py file below it becomes a
/// module; other regular files are left out. Throws UsageError naming the file and the rule for
/// a symlink, a FIFO or device, a file or folder over the caps, a name that is not UTF-8, or an
/// entry that is missing or ambiguous.
SourceFile read_solution_folder(const std::filesystem::path& folder, const std::string& entry = "");

/// Adds a problem package's include/python3/ files (problemtools copies them into every
/// submission, over the submission's own files of the same name). Nothing for other problems.
void add_package_includes(const Problem& problem, SourceFile& files);

}  // namespace pyjudge
