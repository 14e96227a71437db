#include "judge/feedback.hpp"

#include <fmt/format.h>

#include <sstream>
#include <string_view>
#include <vector>

#include "judge/escape.hpp"

namespace pyjudge {

namespace {

// A source line is shown at most this long: a candidate's file may be one 8 MB line.
constexpr std::size_t kMaxSourceLine = 200;

// The start of every line of the source, found once: a traceback of many frames costs
// frames + source size, never frames x source size.
class SourceLines {
 public:
  explicit SourceLines(const std::string& source) : source_(source) {
    starts_.push_back(0);
    for (std::size_t i = source.find('\n'); i != std::string::npos; i = source.find('\n', i + 1)) {
      starts_.push_back(i + 1);
    }
  }

  /// Line `line` (1-based) without its indentation and cut to kMaxSourceLine; "" if none.
  std::string stripped(std::int64_t line) const {
    if (line <= 0 || static_cast<std::uint64_t>(line) > starts_.size()) return "";
    std::size_t begin = starts_[static_cast<std::size_t>(line - 1)];
    if (begin >= source_.size()) return "";
    std::size_t end = source_.find('\n', begin);
    std::string_view text(source_.data() + begin, (end == std::string::npos ? source_.size() : end) - begin);
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    return printable(cut_text(text.substr(first), kMaxSourceLine));
  }

 private:
  const std::string& source_;
  std::vector<std::size_t> starts_;
};

}  // namespace

std::string printable(const std::string& text) { return terminal_text(text); }

std::string format_traceback(const RaisedException& e, const std::string& filename, const std::string& source) {
  std::string out = "Traceback (most recent call last):\n";
  SourceLines lines(source);
  std::size_t i = 0;
  while (i < e.frames.size()) {
    const TraceFrame& f = e.frames[i];
    std::size_t repeat = 1;
    while (i + repeat < e.frames.size() && e.frames[i + repeat].file == f.file &&
           e.frames[i + repeat].line == f.line && e.frames[i + repeat].function == f.function) {
      ++repeat;
    }
    out += fmt::format("  File \"{}\", line {}, in {}\n", printable(cut_text(f.file, kMaxSourceLine)), f.line,
                       printable(cut_text(f.function, kMaxSourceLine)));
    if (f.file == filename) {
      if (auto text = lines.stripped(f.line); !text.empty()) out += "    " + text + "\n";
    }
    if (repeat > 1) out += fmt::format("  [Previous line repeated {} more times]\n", repeat - 1);
    i += repeat;
  }
  std::string type = e.module == "builtins" || e.module == "solution" || e.module == "__main__"
                         ? e.type : e.module + "." + e.type;
  out += printable(cut_text(e.message.empty() ? type : type + ": " + e.message, 4096));
  return out;
}

std::optional<std::int64_t> candidate_line(const RaisedException& e, const std::string& filename) {
  for (auto it = e.frames.rbegin(); it != e.frames.rend(); ++it) {
    if (it->file == filename) return it->line;
  }
  return std::nullopt;
}

std::string format_compile_error(const CompileError& e, const std::string& filename, const std::string& source) {
  // Line 0: the judge refused the file before compiling it (too large); no line to point at.
  std::string out = e.line > 0 ? fmt::format("  File \"{}\", line {}\n", printable(filename), e.line) : "";
  SourceLines lines(source);
  std::string text = lines.stripped(e.line);
  if (!text.empty()) {
    // The caret's column counts from the line's start; `stripped` dropped the indentation.
    std::size_t begin = 0, line_no = 1;
    for (; line_no < static_cast<std::size_t>(e.line) && begin < source.size(); ++line_no) {
      begin = source.find('\n', begin);
      begin = begin == std::string::npos ? source.size() : begin + 1;
    }
    std::size_t indent = 0;
    while (begin + indent < source.size() && (source[begin + indent] == ' ' || source[begin + indent] == '\t')) ++indent;
    out += "    " + text + "\n";
    if (e.column > 0 && static_cast<std::size_t>(e.column) <= indent + kMaxSourceLine) {
      auto col = static_cast<std::size_t>(e.column - 1);
      std::size_t width = e.end_column > e.column ? static_cast<std::size_t>(e.end_column - e.column) : 1;
      width = std::min(width, kMaxSourceLine);
      out += "    " + std::string(col > indent ? col - indent : 0, ' ') + std::string(width, '^') + "\n";
    }
  }
  out += printable(cut_text(e.kind + ": " + e.message, 4096));
  return out;
}

std::string describe_input(const Problem& problem, const TestCase& test) {
  const RunTest& in = test.input;
  switch (problem.mode) {
    case Mode::Stdio: return in.stdin_data;
    case Mode::Script: return in.code;
    case Mode::Design: {
      Value per_op = in.args.decode();
      std::string out;
      for (std::size_t i = 0; i < in.ops.size() && i < per_op.items.size(); ++i) {
        std::string args = repr(per_op.items[i], 200);
        out += fmt::format("{}{}({})", i ? ", " : "", in.ops[i], args.substr(1, args.size() - 2));
      }
      return out;
    }
    case Mode::Function: {
      Value positional = in.args.decode(), keywords = in.kwargs.decode();
      std::string args;
      for (const auto& a : positional.items) args += (args.empty() ? "" : ", ") + repr(a, 2000);
      for (std::size_t i = 0; i + 1 < keywords.items.size(); i += 2) {
        args += (args.empty() ? "" : ", ") + keywords.items[i].text + "=" + repr(keywords.items[i + 1], 2000);
      }
      auto dot = problem.entry.rfind('.');
      return fmt::format("{}({})", dot == std::string::npos ? problem.entry : problem.entry.substr(dot + 1), args);
    }
  }
  return "";
}

}  // namespace pyjudge
