#include <doctest/doctest.h>

#include <cmath>

#include "judge/compare.hpp"

using namespace pyjudge;

namespace {

Value list(std::vector<Value> items) { return Value::sequence(Value::Kind::List, std::move(items)); }
Value tuple(std::vector<Value> items) { return Value::sequence(Value::Kind::Tuple, std::move(items)); }
Value i(std::int64_t v) { return Value::of_int(v); }

bool exact(const Value& e, const Value& g) { return compare_values(e, g, CompareMode::Exact, {}).equal; }

}  // namespace

TEST_CASE("Exact comparison treats list and tuple alike and numbers like Python ==") {
  CHECK(exact(list({i(1), i(2)}), tuple({i(1), i(2)})));
  CHECK_FALSE(exact(list({i(1), i(2)}), list({i(2), i(1)})));
  CHECK(exact(i(1), Value::of_float(1.0)));
  CHECK(exact(i(1), Value::of_bool(true)));
  CHECK_FALSE(exact(i(1), Value::of_str("1")));
  CHECK_FALSE(exact(list({i(1)}), list({i(1), i(1)})));
}

TEST_CASE("Floats compare within the tolerance given") {
  CompareOptions o;
  o.abs_tol = 1e-6;
  CHECK(compare_values(Value::of_float(0.1 + 0.2), Value::of_float(0.3), CompareMode::Exact, o).equal);
  CHECK_FALSE(compare_values(Value::of_float(0.3001), Value::of_float(0.3), CompareMode::Exact, o).equal);
  CHECK(exact(Value::of_float(NAN), Value::of_float(NAN)));
}

TEST_CASE("Unordered comparison is a multiset at the top level only, unless asked deeper") {
  CompareOptions o;
  Value e = list({list({i(1), i(2)}), list({i(3)})});
  Value g = list({list({i(3)}), list({i(1), i(2)})});
  CHECK(compare_values(e, g, CompareMode::Unordered, o).equal);
  Value g_inner = list({list({i(3)}), list({i(2), i(1)})});
  CHECK_FALSE(compare_values(e, g_inner, CompareMode::Unordered, o).equal);
  o.unordered_depth = 2;
  CHECK(compare_values(e, g_inner, CompareMode::Unordered, o).equal);
  CHECK_FALSE(compare_values(list({i(1), i(1)}), list({i(1), i(2)}), CompareMode::Unordered, {}).equal);
}

TEST_CASE("Depth-2 unordered lines elements up by their own sorted form, not their raw order") {
  // Sorted raw, [1, 3] < [2] but [2] < [3, 1]: pairing by raw order would match [1, 3] with [2].
  CompareOptions o;
  o.unordered_depth = 2;
  Value e = list({list({i(1), i(3)}), list({i(2)}), list({})});
  Value g = list({list({}), list({i(3), i(1)}), list({i(2)})});
  CHECK(compare_values(e, g, CompareMode::Unordered, o).equal);
  Value wrong = list({list({}), list({i(3), i(2)}), list({i(1)})});
  CHECK_FALSE(compare_values(e, wrong, CompareMode::Unordered, o).equal);
  // Sets are unordered at every depth: a set of frozensets too.
  auto fs = [](std::vector<Value> items) { return Value::sequence(Value::Kind::FrozenSet, std::move(items)); };
  Value s1 = Value::sequence(Value::Kind::Set, {fs({i(1), i(3)}), fs({i(2)})});
  Value s2 = Value::sequence(Value::Kind::Set, {fs({i(2)}), fs({i(3), i(1)})});
  CHECK(exact(s1, s2));
}

TEST_CASE("Dicts and sets compare regardless of order") {
  Value d1 = Value::sequence(Value::Kind::Dict, {Value::of_str("a"), i(1), Value::of_str("b"), i(2)});
  Value d2 = Value::sequence(Value::Kind::Dict, {Value::of_str("b"), i(2), Value::of_str("a"), i(1)});
  CHECK(exact(d1, d2));
  Value s1 = Value::sequence(Value::Kind::Set, {i(1), i(2)});
  Value s2 = Value::sequence(Value::Kind::FrozenSet, {i(2), i(1)});
  CHECK(exact(s1, s2));
  CHECK_FALSE(exact(s1, list({i(1), i(2)})));
}

TEST_CASE("A difference is located for the candidate") {
  auto c = compare_values(list({i(1), i(2), i(3)}), list({i(1), i(5), i(3)}), CompareMode::Exact, {});
  CHECK(c.message == "at [1]: expected 2, got 5");
}

TEST_CASE("Token comparison follows the Kattis default validator") {
  CompareOptions o;
  CHECK(compare_output("1 2\n3\n", "1\n2 3", CompareMode::Tokens, o).equal);
  CHECK_FALSE(compare_output("YES", "yes", CompareMode::Tokens, o).equal);
  o.case_sensitive = false;
  CHECK(compare_output("YES", "yes", CompareMode::Tokens, o).equal);
  CHECK_FALSE(compare_output("1 2", "1 2 3", CompareMode::Tokens, o).equal);
  CHECK(compare_output("0.333333", "0.3333334", CompareMode::Float, CompareOptions{1e-6, 1e-6, true, 1}).equal);
}

TEST_CASE("Line comparison ignores trailing whitespace but not inner differences") {
  CHECK(compare_output("a b\nc\n", "a b  \nc", CompareMode::Lines, {}).equal);
  CHECK_FALSE(compare_output("a b\n", "a  b\n", CompareMode::Lines, {}).equal);
  CHECK(compare_output("a\n", "a\n", CompareMode::Exact, {}).equal);
  CHECK_FALSE(compare_output("a\n", "a \n", CompareMode::Exact, {}).equal);
}

TEST_CASE("The diff shows expected and got lines") {
  std::string d = line_diff("1\n2\n3\n", "1\n4\n3\n");
  CHECK(d.find("-2") != std::string::npos);
  CHECK(d.find("+4") != std::string::npos);
}

TEST_CASE("A dict with an extra key names that key, not an expected one") {
  auto str = [](const char* t) { return Value::of_str(t); };
  Value expected = Value::sequence(Value::Kind::Dict, {str("items"), i(1), str("name"), i(2)});
  Value got = Value::sequence(Value::Kind::Dict, {str("_total"), i(3), str("items"), i(1), str("name"), i(2)});
  Comparison c = compare_values(expected, got, CompareMode::Exact, {});
  CHECK_FALSE(c.equal);
  CHECK(c.message == "unexpected key '_total'");
  Value missing = Value::sequence(Value::Kind::Dict, {str("name"), i(2)});
  CHECK(compare_values(expected, missing, CompareMode::Exact, {}).message == "key 'items' is missing");
}

TEST_CASE("An integer expectation is met by a float only if it is exactly that integer") {
  CHECK_FALSE(exact(i(300000000000000000), Value::of_float(300000000000100000.0)));
  CHECK(exact(i(300000000000000000), Value::of_float(300000000000000000.0)));
  CHECK_FALSE(exact(i(3), Value::of_float(3.0000000001)));
  Value big;
  big.kind = Value::Kind::BigInt;
  big.text = "0x10000000000000000";  // 2**64
  CHECK(exact(big, Value::of_float(18446744073709551616.0)));
  CHECK_FALSE(exact(big, Value::of_float(18446744073709555712.0)));
  CHECK(exact(Value::of_float(0.5), Value::of_float(0.5 + 1e-12)));
}

TEST_CASE("Unordered comparison orders integers past 2**53 exactly") {
  Value a = list({i(9007199254740993), i(9007199254740992), i(9007199254740993)});
  Value b = list({i(9007199254740992), i(9007199254740993), i(9007199254740993)});
  CHECK(compare_values(a, b, CompareMode::Unordered, {}).equal);
  Value c = list({i(9007199254740992), i(9007199254740992), i(9007199254740993)});
  CHECK_FALSE(compare_values(a, c, CompareMode::Unordered, {}).equal);
  auto bigint = [](std::string text) {
    Value v;
    v.kind = Value::Kind::BigInt;
    v.text = std::move(text);
    return v;
  };
  Value d = list({bigint("0x10000000000000001"), bigint("-0x10000000000000000"), i(-1), bigint("0x10000000000000000")});
  Value e = list({bigint("0x10000000000000000"), i(-1), bigint("0x10000000000000001"), bigint("-0x10000000000000000")});
  CHECK(compare_values(d, e, CompareMode::Unordered, {}).equal);
}

TEST_CASE("Unordered comparison of a 600-deep answer lines up every level") {
  CompareOptions o;
  o.unordered_depth = 1000;
  Value v = i(0);
  for (int k = 0; k < 600; ++k) {
    std::vector<Value> row;
    for (int n = 0; n < 60; ++n) row.push_back(i(n));
    v = list({std::move(v), list(std::move(row))});
  }
  Value w = v;
  CHECK(compare_values(v, w, CompareMode::Unordered, o).equal);
  CHECK_FALSE(compare_values(list({i(1)}), list({v}), CompareMode::Unordered, o).equal);
}
