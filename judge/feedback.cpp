#include "judge/feedback.hpp"

#include <fmt/format.h>

#include <sstream>

namespace pyjudge {

namespace {

std::string source_line(const std::string& source, std::int64_t line) {
  if (line <= 0) return "";
  std::istringstream in(source);
  std::string text;
  for (std::int64_t i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (in.fail()) return "";
  auto first = text.find_first_not_of(" \t");
  return first == std::string::npos ? "" : text.substr(first);
}

}  // namespace

std::string printable(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c == '\n' || c == '\t' || c >= 0x20) {
      if (c != 0x7f) out += static_cast<char>(c);
    } else if (c != '\r') {
      out += fmt::format("\\x{:02x}", c);
    }
  }
  return out;
}

std::string format_traceback(const RaisedException& e, const std::string& filename, const std::string& source) {
  std::string out = "Traceback (most recent call last):\n";
  std::size_t i = 0;
  while (i < e.frames.size()) {
    const TraceFrame& f = e.frames[i];
    std::size_t repeat = 1;
    while (i + repeat < e.frames.size() && e.frames[i + repeat].file == f.file &&
           e.frames[i + repeat].line == f.line && e.frames[i + repeat].function == f.function) {
      ++repeat;
    }
    out += fmt::format("  File \"{}\", line {}, in {}\n", printable(f.file), f.line, printable(f.function));
    if (f.file == filename) {
      if (auto text = source_line(source, f.line); !text.empty()) out += "    " + text + "\n";
    }
    if (repeat > 1) out += fmt::format("  [Previous line repeated {} more times]\n", repeat - 1);
    i += repeat;
  }
  std::string type = e.module == "builtins" || e.module == "solution" || e.module == "__main__"
                         ? e.type : e.module + "." + e.type;
  out += printable(e.message.empty() ? type : type + ": " + e.message);
  return out;
}

std::optional<std::int64_t> candidate_line(const RaisedException& e, const std::string& filename) {
  for (auto it = e.frames.rbegin(); it != e.frames.rend(); ++it) {
    if (it->file == filename) return it->line;
  }
  return std::nullopt;
}

std::string format_compile_error(const CompileError& e, const std::string& filename, const std::string& source) {
  std::string out = fmt::format("  File \"{}\", line {}\n", filename, e.line);
  std::istringstream in(source);
  std::string text;
  for (std::int64_t i = 0; i < e.line && std::getline(in, text); ++i) {
  }
  if (e.line > 0 && !in.fail()) {
    auto first = text.find_first_not_of(" \t");
    std::size_t indent = first == std::string::npos ? 0 : first;
    out += "    " + printable(text.substr(indent)) + "\n";
    if (e.column > 0) {
      auto col = static_cast<std::size_t>(e.column - 1);
      std::size_t width = e.end_column > e.column ? static_cast<std::size_t>(e.end_column - e.column) : 1;
      out += "    " + std::string(col > indent ? col - indent : 0, ' ') + std::string(width, '^') + "\n";
    }
  }
  out += e.kind + ": " + e.message;
  return out;
}

std::string describe_input(const Problem& problem, const TestCase& test) {
  const RunTest& in = test.input;
  switch (problem.mode) {
    case Mode::Stdio: return in.stdin_data;
    case Mode::Script: return in.code;
    case Mode::Design: {
      std::string out;
      for (std::size_t i = 0; i < in.ops.size(); ++i) {
        std::string args = repr(in.args.items[i], 200);
        out += fmt::format("{}{}({})", i ? ", " : "", in.ops[i], args.substr(1, args.size() - 2));
      }
      return out;
    }
    case Mode::Function: {
      std::string args;
      for (const auto& a : in.args.items) args += (args.empty() ? "" : ", ") + repr(a, 2000);
      for (std::size_t i = 0; i + 1 < in.kwargs.items.size(); i += 2) {
        args += (args.empty() ? "" : ", ") + in.kwargs.items[i].text + "=" + repr(in.kwargs.items[i + 1], 2000);
      }
      auto dot = problem.entry.rfind('.');
      return fmt::format("{}({})", dot == std::string::npos ? problem.entry : problem.entry.substr(dot + 1), args);
    }
  }
  return "";
}

}  // namespace pyjudge
