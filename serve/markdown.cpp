#include "serve/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace pyjudge::serve {

std::string markdown_to_html(const std::string& markdown) {
  // CMARK_OPT_DEFAULT is safe since cmark 0.29 (CMARK_OPT_UNSAFE is off): raw HTML becomes a
  // comment and unsafe link schemes are emptied. Said explicitly for older headers.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SAFE), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace pyjudge::serve
