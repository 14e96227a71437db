#include "serve/static_files.hpp"

#include "protocol/files.hpp"

namespace pyjudge::serve {

namespace fs = std::filesystem;

namespace {

bool safe_name(const std::string& relative) {
  if (relative.empty() || relative.size() > 200 || relative.front() == '/') return false;
  for (char c : relative) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-' && c != '/') return false;
  }
  for (const auto& part : fs::path(relative)) {
    if (part.empty() || part.string().front() == '.') return false;
  }
  return true;
}

std::string content_type(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  return "application/octet-stream";
}

}  // namespace

std::optional<StaticFile> read_static(const fs::path& root, const std::string& relative) {
  if (!safe_name(relative)) return std::nullopt;
  std::error_code ec;
  auto base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  auto file = fs::canonical(base / relative, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  auto [end, _] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  // Debian links codemirror.js to lib/codemirror.js: links are fine while they stay inside.
  if (end != base.end()) return std::nullopt;
  FileContents read = read_whole_file(file, 1 << 20);
  if (!read.ok()) return std::nullopt;
  return StaticFile{content_type(file), std::move(read.data)};
}

}  // namespace pyjudge::serve
