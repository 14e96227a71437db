#include "judge/escape.hpp"

#include <fmt/format.h>

namespace pyjudge {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if there is none.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
  }
  if (n == 2 && c < 0xc2) return 0;  // overlong
  return n;
}

std::string escaped(std::string_view text, bool controls, bool keep_layout) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = utf8_length(text, i);
    // C1 controls (U+0080..U+009F) are CSI/OSC introducers on some terminals too.
    bool c1 = n == 2 && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0;
    bool layout = keep_layout && (c == '\n' || c == '\t');
    if (n == 0 || (controls && (c1 || (n == 1 && (c < 0x20 || c == 0x7f) && !layout)))) {
      std::size_t len = n ? n : 1;
      for (std::size_t k = 0; k < len; ++k) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i + k]));
      i += len;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string cut_text(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
  return std::string(text.substr(0, end)) + std::string(kCutMark);
}

std::string terminal_text(std::string_view text) { return escaped(text, true, true); }

std::string terminal_line(std::string_view text) { return escaped(text, true, false); }

std::string utf8_or_escaped(std::string_view text) { return escaped(text, false, true); }

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
          if (c != 0x7f) out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  std::string cell(text);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string workflow_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // CR and LF as the runner decodes them; other control characters (ESC...) shown, as on a
  // terminal: the log is one.
  for (char c : escaped(text, true, true)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (c == '\t') out += ' ';
    else out += c;
  }
  return out;
}

std::string workflow_property(std::string_view text) {
  std::string out;
  for (char c : workflow_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace pyjudge
