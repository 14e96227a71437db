// Files the pages need (web/ and CodeMirror), served from fixed folders only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pyjudge::serve {

struct StaticFile {
  std::string content_type;
  std::string body;
};

/// The regular file `relative` under `root`, if it names one: letters, digits, `._-/` only, no
/// `..` or hidden component, at most 1 MiB, and (symlinks resolved) still under `root`.
std::optional<StaticFile> read_static(const std::filesystem::path& root, const std::string& relative);

}  // namespace pyjudge::serve
