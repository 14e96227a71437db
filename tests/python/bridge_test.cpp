// The Value <-> Python bridge: only exact builtin types (plus ListNode/TreeNode) are plain data.
#include <doctest/doctest.h>

#include "python/bridge.hpp"
#include "python/interpreter.hpp"
#include "tests/python/gil.hpp"

using namespace pyjudge;

namespace {

using testing::Gil;

// Evaluates `expr` after running `setup` in a fresh namespace; a new reference.
PyObject* eval(const char* setup, const char* expr) {
  PyObject* globals = PyDict_New();
  PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
  PyDict_SetItemString(globals, "ListNode", python::structures().list_node);
  PyObject* r = PyRun_String(setup, Py_file_input, globals, globals);
  REQUIRE(r != nullptr);
  Py_DECREF(r);
  PyObject* v = PyRun_String(expr, Py_eval_input, globals, globals);
  Py_DECREF(globals);
  REQUIRE(v != nullptr);
  return v;
}

}  // namespace

TEST_CASE("A list subclass, even one equal to everything, is not plain data") {
  Gil gil;
  PyObject* sneaky = eval("class L(list):\n    def __eq__(self, other): return True\n", "L([1, 2])");
  std::string why;
  CHECK_FALSE(python::from_python(sneaky, why).has_value());
  CHECK(why.find("L") != std::string::npos);
  Py_DECREF(sneaky);
  PyObject* plain = eval("", "[1, (2, 3), {'a': {4}}]");
  CHECK(python::from_python(plain, why).has_value());
  Py_DECREF(plain);
}

TEST_CASE("A ListNode with a cycle survives Value -> Python -> Value") {
  Gil gil;
  Value list;
  list.kind = Value::Kind::ListNode;
  list.items = {Value::of_int(3), Value::of_int(2), Value::of_int(0), Value::of_int(-4)};
  list.cycle_pos = 1;
  PyObject* obj = python::to_python(list);
  REQUIRE(obj != nullptr);
  std::string why;
  auto back = python::from_python(obj, why);
  Py_DECREF(obj);
  REQUIRE(back.has_value());
  CHECK(back->kind == Value::Kind::ListNode);
  CHECK(back->cycle_pos == 1);
  REQUIRE(back->items.size() == 4);
  CHECK(back->items[3].integer == -4);
}

TEST_CASE("Python objects built straight from a value's bytes equal those built from the Value") {
  Gil gil;
  Value tree;
  tree.kind = Value::Kind::TreeNode;
  tree.items = {Value::of_int(1), Value::none(), Value::of_int(2), Value::of_int(3)};
  Value cycle;
  cycle.kind = Value::Kind::ListNode;
  cycle.items = {Value::of_int(3), Value::of_int(2), Value::of_int(0)};
  cycle.cycle_pos = 1;
  Value big;
  big.kind = Value::Kind::BigInt;
  big.text = "-0x1fffffffffffffffffffff";
  Value v = Value::sequence(Value::Kind::List, {
      Value::of_int(-5), Value::of_float(2.5), Value::of_str("h\xc3\xa9llo"), Value::none(), Value::of_bool(true), big,
      Value::sequence(Value::Kind::Tuple, {Value::of_str("t")}),
      Value::sequence(Value::Kind::Dict, {Value::of_str("k"), Value::sequence(Value::Kind::Set, {Value::of_int(4)})}),
      Value::sequence(Value::Kind::FrozenSet, {Value::of_int(5)}), tree, cycle});
  Writer w;
  encode(v, w);
  PyObject* direct = python::decode_to_python(w.data());
  REQUIRE(direct != nullptr);
  std::string why;
  auto back = python::from_python(direct, why);
  REQUIRE(back.has_value());
  Writer again;
  encode(*back, again);
  CHECK(again.data() == w.data());
  Py_DECREF(direct);
  // Truncated or over the cap: a Python error, never a crash or a partial object.
  for (std::size_t cut = 0; cut < w.data().size(); ++cut) {
    PyObject* partial = python::decode_to_python(std::string_view(w.data()).substr(0, cut));
    CHECK(partial == nullptr);
    PyErr_Clear();
  }
  CHECK(python::decode_to_python(w.data(), 5) == nullptr);
  PyErr_Clear();
}

TEST_CASE("A lone surrogate stays itself, distinct from the replacement character") {
  Gil gil;
  PyObject* lone = eval("", "'a\\ud800b'");
  PyObject* replaced = eval("", "'a\\ufffdb'");
  std::string why;
  auto a = python::from_python(lone, why);
  auto b = python::from_python(replaced, why);
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  CHECK(a->text != b->text);
  PyObject* again = python::to_python(*a);
  REQUIRE(again != nullptr);
  CHECK(PyObject_RichCompareBool(again, lone, Py_EQ) == 1);
  Py_DECREF(again);
  Py_DECREF(lone);
  Py_DECREF(replaced);
}
