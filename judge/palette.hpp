// The one colour palette of every text output (run's report, watch, show, check, validate,
// doctor): which escape means what, and when colour is on at all.
#pragma once

#include <string>
#include <string_view>

#include "judge/verdict.hpp"

namespace pyjudge {

class Palette {
 public:
  explicit Palette(bool on) : on_(on) {}
  /// On when `fd` is a terminal and NO_COLOR is not set.
  static Palette for_fd(int fd);

  bool on() const { return on_; }
  /// A verdict's colour, bold: AC green, TLE/MLE/OLE yellow, IE magenta, the rest red.
  std::string verdict(Verdict v, std::string_view text) const;
  /// Green for a good outcome, bold red for a bad one ("ok", "MISMATCH").
  std::string outcome(bool good, std::string_view text) const;
  std::string bold(std::string_view text) const;
  std::string dim(std::string_view text) const;

  /// Moves the cursor home and clears the screen (watch, before each round).
  static constexpr std::string_view kClearScreen = "\x1b[H\x1b[2J";
  /// Back to the start of the line and clear it (a progress line redrawn in place).
  static constexpr std::string_view kClearLine = "\r\x1b[K";

 private:
  std::string paint(std::string_view code, std::string_view text) const;
  bool on_;
};

}  // namespace pyjudge
