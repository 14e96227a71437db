// Candidate text made safe for the place it is shown: one function per place. Everything a
// submission produced (messages, values, names of its files and folders) goes through one of
// these before it reaches a terminal, a web page, a spreadsheet or a CI log.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pyjudge {

/// The mark that ends a text cut by cut_text().
inline constexpr std::string_view kCutMark = "… (cut)";

/// At most `max_bytes` bytes of `text` (never splitting a UTF-8 sequence) followed by
/// kCutMark when anything was dropped.
std::string cut_text(std::string_view text, std::size_t max_bytes);

/// For a terminal: C0 and C1 control characters (ESC, CR, BEL, OSC/CSI introducers...), DEL
/// and bytes that are not UTF-8 become visible \xNN escapes; newline and tab stay.
std::string terminal_text(std::string_view text);

/// The same on one line: newline and tab are escaped too (a name, a table cell).
std::string terminal_line(std::string_view text);

/// Only bytes that are not UTF-8 become \xNN; everything else is kept (a name stored as JSON).
std::string utf8_or_escaped(std::string_view text);

/// For HTML element content and quoted attribute values: & < > " ' escaped, control characters
/// other than tab, newline and CR dropped.
std::string html_text(std::string_view text);

/// One CSV field: quoted when needed, and a leading = + - @ tab or CR (a formula in
/// spreadsheets) neutralised with a leading apostrophe.
std::string csv_field(std::string_view text);

/// Text inside a GitHub workflow command's message or a step summary line: % CR LF escaped as
/// the runner decodes them (%25 %0D %0A), so candidate text never starts a line of the log;
/// other control characters become \xNN as on a terminal.
std::string workflow_data(std::string_view text);

/// A workflow command property value (file=, title=): workflow_data plus ':' and ','.
std::string workflow_property(std::string_view text);

}  // namespace pyjudge
