#include <doctest/doctest.h>

#include "judge/palette.hpp"

using namespace pyjudge;

TEST_CASE("One palette: verdict colours by kind, and plain text when colour is off") {
  Palette on(true), off(false);
  CHECK(on.verdict(Verdict::AC, "AC") == "\x1b[1;32mAC\x1b[0m");
  CHECK(on.verdict(Verdict::TLE, "TLE") == "\x1b[1;33mTLE\x1b[0m");
  CHECK(on.verdict(Verdict::IE, "IE") == "\x1b[1;35mIE\x1b[0m");
  CHECK(on.verdict(Verdict::WA, "WA") == "\x1b[1;31mWA\x1b[0m");
  CHECK(on.outcome(false, "MISMATCH") == "\x1b[31;1mMISMATCH\x1b[0m");
  CHECK(on.dim("x") == "\x1b[2mx\x1b[0m");
  for (Verdict v : {Verdict::AC, Verdict::WA, Verdict::CE}) CHECK(off.verdict(v, "text") == "text");
  CHECK(off.bold("b") == "b");
  CHECK(off.outcome(true, "ok") == "ok");
}
