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
  Reader skipping(w.data());
  CHECK_THROWS_AS(skip_value(skipping), ProtocolError);
}

TEST_CASE("Skipping a value reads exactly its bytes, with decode_value's caps") {
  Value v = list({Value::of_int(7), Value::of_str("héllo"), Value::sequence(Value::Kind::Set, {Value::of_float(1.5)})});
  Value node;
  node.kind = Value::Kind::ListNode;
  node.items = {Value::of_int(1), Value::of_int(2)};
  node.cycle_pos = 0;
  Writer w;
  encode(v, w);
  encode(node, w);
  std::string first = w.data().substr(0, w.data().size() - 1 - 8 - 8 - 2 * 9);
  Reader r(w.data());
  CHECK(skip_value(r) == first);
  CHECK(repr(decode_value(r)) == repr(node));
  CHECK(r.done());
  for (std::size_t cut = 0; cut < first.size(); ++cut) {
    Reader truncated(std::string_view(first).substr(0, cut));
    CHECK_THROWS_AS(skip_value(truncated), ProtocolError);
  }
  Reader capped(first);
  CHECK_THROWS_AS(skip_value(capped, 3), ValueTooLarge);
  Writer liar;
  liar.u8(static_cast<std::uint8_t>(Value::Kind::List));
  liar.u64(std::uint64_t{1} << 40);
  Reader lying(liar.data());
  CHECK_THROWS_AS(skip_value(lying), ProtocolError);
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

TEST_CASE("Every string, list and frame count a child reports has a cap checked before allocating") {
  auto frame = [](const std::string& payload) {
    Writer w;
    w.u64(payload.size());
    w.u8(static_cast<std::uint8_t>(MessageType::ChildReport));
    return w.take() + payload;
  };
  auto raised = [](std::size_t message, std::uint64_t frames) {
    Writer w;
    w.u8(2);  // Raised
    w.bytes("ValueError");
    w.bytes("builtins");
    w.u64(0);
    w.bytes(std::string(message, 'm'));
    w.u64(frames);
    for (std::uint64_t k = 0; k < frames; ++k) {
      w.bytes("s.py");
      w.i64(1);
      w.bytes("f");
    }
    return w.take();
  };
  CHECK(std::holds_alternative<RaisedException>(decode_child_report(frame(raised(kMaxReportText, kMaxReportFrames)))));
  CHECK_THROWS_AS(decode_child_report(frame(raised(kMaxReportText + 1, 0))), ProtocolError);
  CHECK_THROWS_AS(decode_child_report(frame(raised(10, kMaxReportFrames + 1))), ProtocolError);
  // A claimed 2**60-byte type name is refused from its length alone.
  Writer lying;
  lying.u8(2);
  lying.u64(std::uint64_t{1} << 60);
  CHECK_THROWS_AS(decode_child_report(frame(lying.take())), ProtocolError);
}

TEST_CASE("A result past the value or size cap is too large, an unreadable one is not plain data") {
  Writer many;
  many.u8(1);  // Returned
  encode_collection_header(Value::Kind::List, kMaxValues, many);
  for (std::size_t k = 0; k < kMaxValues; ++k) many.u8(0);  // None
  std::string payload = many.take();
  Writer header;
  header.u64(payload.size());
  header.u8(static_cast<std::uint8_t>(MessageType::ChildReport));
  CHECK_THROWS_AS(decode_child_report(header.take() + payload), ValueTooLarge);

  CHECK_THROWS_AS(decode_child_report(std::string(kMaxChildReport + 1, '\0')), ValueTooLarge);

  auto returned = [](Value v) { return encode(ChildReport{Returned{std::move(v)}}); };
  auto not_plain = [](const ChildReport& r) { return std::get_if<NotPlainData>(&r); };
  auto bad_str = decode_child_report(returned(Value::of_str("\xff\xfe")));
  REQUIRE(not_plain(bad_str));
  CHECK(not_plain(bad_str)->reason == "a str that is not valid UTF-8");
  Value bad_int;
  bad_int.kind = Value::Kind::BigInt;
  bad_int.text = "0xzz";
  CHECK(not_plain(decode_child_report(returned(bad_int))));
  bad_int.text = "-0x1f000000000000000";
  CHECK(std::holds_alternative<Returned>(decode_child_report(returned(bad_int))));
}

TEST_CASE("An encoded value holds the bytes encode() writes and decodes to the same value") {
  Value v = list({Value::of_int(-5), Value::of_str("héllo"), Value::sequence(Value::Kind::Dict, {Value::of_str("k"), Value::none()})});
  EncodedValue e(v);
  Writer w;
  encode(v, w);
  CHECK(e.bytes() == w.data());
  CHECK(e.kind() == Value::Kind::List);
  CHECK(repr(e.decode()) == repr(v));
  CHECK(EncodedValue().kind() == Value::Kind::None);
  CHECK(EncodedValue() == EncodedValue(Value::none()));
  CHECK(EncodedValue(v) == e);
  CHECK_FALSE(EncodedValue(list({})) == e);
  // Moved from, it still holds a value (None), never an empty buffer the box would choke on.
  EncodedValue taken = std::move(e);
  CHECK(repr(taken.decode()) == repr(v));
  CHECK(e.kind() == Value::Kind::None);  // NOLINT(bugprone-use-after-move): the point of the test
  CHECK(repr(e.decode()) == "None");
  e = std::move(taken);
  CHECK(repr(e.decode()) == repr(v));
  CHECK(taken == EncodedValue());  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("Reading an encoded value takes exactly one value, with every check decode_value makes") {
  Value first = list({Value::of_int(7), Value::of_str("é")});
  Writer w;
  encode(first, w);
  encode(Value::of_int(1), w);
  Reader r(w.data());
  EncodedValue e = EncodedValue::read(r);
  CHECK(e == EncodedValue(first));
  CHECK(repr(decode_value(r)) == "1");
  CHECK(r.done());
  const std::string one = EncodedValue(first).bytes();
  for (std::size_t cut = 0; cut < one.size(); ++cut) {
    Reader truncated(std::string_view(one).substr(0, cut));
    CHECK_THROWS_AS(EncodedValue::read(truncated), ProtocolError);
  }
  Reader capped(one);
  CHECK_THROWS_AS(EncodedValue::read(capped, 2), ValueTooLarge);
  // What decode_value refuses in a str's or an int's bytes, read() refuses too: decode() of an
  // EncodedValue never throws.
  Value bad_int;
  bad_int.kind = Value::Kind::BigInt;
  bad_int.text = "0x0f";  // a leading zero: not the canonical form
  for (const Value& bad : {Value::of_str("\xff"), bad_int}) {
    Writer b;
    encode(list({bad}), b);
    Reader skipping(b.data());
    CHECK_NOTHROW(skip_value(skipping));
    Reader reading(b.data());
    CHECK_THROWS_AS(EncodedValue::read(reading), UndecodableValue);
  }
  Writer deep;
  for (int i = 0; i <= kMaxValueDepth + 1; ++i) encode_collection_header(Value::Kind::List, 1, deep);
  deep.u8(0);
  Reader too_deep(deep.data());
  CHECK_THROWS_AS(EncodedValue::read(too_deep), ProtocolError);
}
