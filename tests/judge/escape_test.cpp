#include <doctest/doctest.h>

#include "judge/escape.hpp"

using namespace pyjudge;

TEST_CASE("Terminal text shows control sequences instead of running them") {
  // CR + ESC redrawing a verdict, OSC 52 writing the clipboard, a C1 CSI, invalid UTF-8.
  CHECK(terminal_text("ok\r\x1b[32mAccepted") == "ok\\x0d\\x1b[32mAccepted");
  CHECK(terminal_text("\x1b]52;c;aGk=\x07") == "\\x1b]52;c;aGk=\\x07");
  CHECK(terminal_text("a\xc2\x9b" "31m") == "a\\xc2\\x9b31m");
  CHECK(terminal_text("\xff\xfe") == "\\xff\\xfe");
  CHECK(terminal_text("line\n\ttab é") == "line\n\ttab é");
  CHECK(terminal_line("two\nlines") == "two\\x0alines");
}

TEST_CASE("CSV fields never start a formula") {
  CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field("+1") == "'+1");
  CHECK(csv_field("-2") == "'-2");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\rx") == "\"'\rx\"");
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
}

TEST_CASE("HTML text escapes markup and drops control characters") {
  CHECK(html_text("<script>alert('x')</script>&") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
  CHECK(html_text("a\x1b[0mb\"") == "a[0mb&quot;");
}

TEST_CASE("Workflow command data never starts a line with candidate text") {
  CHECK(workflow_data("boom\n::add-mask::secret\r%\x1b[0m") == "boom%0A::add-mask::secret\\x0d%25\\x1b[0m");
  CHECK(workflow_property("a:b,c\n") == "a%3Ab%2Cc%0A");
}

TEST_CASE("Cut text keeps whole UTF-8 characters and says it was cut") {
  CHECK(cut_text("short", 10) == "short");
  CHECK(cut_text("abcdef", 3) == "abc… (cut)");
  CHECK(cut_text("aé", 2) == "a… (cut)");  // é is two bytes: not split
}
