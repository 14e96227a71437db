// Problem statements: Markdown rendered to HTML on the server with cmark.
#pragma once

#include <string>

namespace pyjudge::serve {

/// CommonMark to HTML in cmark's safe mode: raw HTML and javascript: links are dropped.
std::string markdown_to_html(const std::string& markdown);

}  // namespace pyjudge::serve
