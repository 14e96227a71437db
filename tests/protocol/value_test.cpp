#include <doctest/doctest.h>

#include "protocol/messages.hpp"

using namespace pyjudge;

namespace {

Value roundtrip(const Value& v) {
  Writer w;
  encode(v, w);
  Reader r(w.data());
  Value out = decode_value(r);
  r.expect_done();
  return out;
}

Value list(std::vector<Value> items) { return Value::sequence(Value::Kind::List, std::move(items)); }

}  // namespace

TEST_CASE("A value survives encoding and decoding unchanged") {
  Value v = list({Value::of_int(-5), Value::of_float(2.5), Value::of_str("héllo"), Value::none(),
                  Value::sequence(Value::Kind::Tuple, {Value::of_bool(true)})});
  CHECK(repr(roundtrip(v)) == repr(v));
  CHECK(repr(v) == "[-5, 2.5, 'héllo', None, (True,)]");
}

TEST_CASE("A truncated or lying value is rejected, not trusted") {
  Writer w;
  encode(list({Value::of_str("abc")}), w);
  std::string bytes = w.data();
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    Reader r(std::string_view(bytes).substr(0, cut));
    CHECK_THROWS_AS(decode_value(r), ProtocolError);
  }
  Writer liar;
  liar.u8(static_cast<std::uint8_t>(Value::Kind::List));
  liar.u64(std::uint64_t{1} << 40);  // claims 2^40 items
  Reader r(liar.data());
  CHECK_THROWS_AS(decode_value(r), ProtocolError);
}

TEST_CASE("Nesting deeper than the limit is malformed") {
  Writer w;
  for (int i = 0; i <= kMaxValueDepth + 1; ++i) {
    w.u8(static_cast<std::uint8_t>(Value::Kind::List));
    w.u64(1);
  }
  w.u8(0);
  Reader r(w.data());
  CHECK_THROWS_AS(decode_value(r), ProtocolError);
}

TEST_CASE("A child report with trailing bytes is malformed") {
  std::string frame = encode(ChildReport{Returned{Value::of_int(1)}});
  CHECK(std::holds_alternative<Returned>(decode_child_report(frame)));
  CHECK_THROWS_AS(decode_child_report(frame + "x"), ProtocolError);
  CHECK_THROWS_AS(decode_child_report("garbage that is not a frame"), ProtocolError);
}

TEST_CASE("The forbidden-call report built in a signal handler decodes like any other") {
  unsigned char buf[kForbiddenReportSize];
  encode_forbidden_report(57, buf);
  auto report = decode_child_report(std::string(reinterpret_cast<char*>(buf), sizeof buf));
  REQUIRE(std::holds_alternative<ForbiddenSyscall>(report));
  CHECK(std::get<ForbiddenSyscall>(report).number == 57);
}

TEST_CASE("The isolation mode, the fresh flag and the set-up figures survive encoding") {
  Setup s;
  s.isolation = Isolation::Process;
  CHECK(decode_setup(encode(s)).isolation == Isolation::Process);
  Ready ready;
  ready.isolation = Isolation::Shared;
  CHECK(decode_ready(encode(ready)).isolation == Isolation::Shared);
  RunTest t;
  t.fresh = true;
  CHECK(decode_run_test(encode(t)).fresh);
  TestOutcome o;
  o.ran_setup = true;
  o.setup_cpu = Micros(1234);
  o.setup_memory = kib(56);
  TestOutcome back = decode_test_outcome(encode(o));
  CHECK(back.ran_setup);
  CHECK(back.setup_cpu == Micros(1234));
  CHECK(back.setup_memory == kib(56));
  std::string bad = encode(s);
  bad.back() = 7;  // no such isolation mode
  CHECK_THROWS_AS(decode_setup(bad), ProtocolError);
}
