#include "judge/palette.hpp"

#include <unistd.h>

#include <cstdlib>

namespace pyjudge {

Palette Palette::for_fd(int fd) { return Palette(isatty(fd) && !std::getenv("NO_COLOR")); }

std::string Palette::paint(std::string_view code, std::string_view text) const {
  if (!on_) return std::string(text);
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::string Palette::verdict(Verdict v, std::string_view text) const {
  switch (v) {
    case Verdict::AC: return paint("1;32", text);
    case Verdict::TLE:
    case Verdict::MLE:
    case Verdict::OLE: return paint("1;33", text);
    case Verdict::IE: return paint("1;35", text);
    default: return paint("1;31", text);
  }
}

std::string Palette::outcome(bool good, std::string_view text) const { return paint(good ? "32" : "31;1", text); }
std::string Palette::bold(std::string_view text) const { return paint("1", text); }
std::string Palette::dim(std::string_view text) const { return paint("2", text); }

}  // namespace pyjudge
