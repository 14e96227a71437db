// The leetcode prelude, bound lazily: a solution gets exactly the eager prelude's objects for
// the names it mentions, and nothing (no module imported for it) for the names it does not.
#include <doctest/doctest.h>

#include <string>

#include "python/interpreter.hpp"
#include "tests/python/gil.hpp"

using namespace pyjudge;

namespace {

using testing::Gil;

PyObject* compiled(const std::string& source) {
  PyObject* code = Py_CompileString(source.c_str(), "<solution>", Py_file_input);
  REQUIRE(code != nullptr);
  return code;
}

// The eager prelude's names, as one Python expression naming each of them.
std::string every_prelude_name() {
  std::string names;
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  while (PyDict_Next(python::leetcode_prelude(), &pos, &key, &value)) {
    names += std::string(names.empty() ? "" : ", ") + PyUnicode_AsUTF8(key);
  }
  return names;
}

}  // namespace

TEST_CASE("A solution that names every prelude name gets the eager prelude's objects") {
  Gil gil;
  // Nested in a method, as a LeetCode solution would use them.
  PyObject* code = compiled("class Solution:\n    def f(self):\n        return (" + every_prelude_name() + ")\n");
  PyObject* lazy = python::leetcode_prelude_for(code);
  REQUIRE(lazy != nullptr);
  PyObject* eager = python::leetcode_prelude();
  CHECK(PyDict_Size(lazy) == PyDict_Size(eager));
  PyObject *key, *value;
  Py_ssize_t pos = 0;
  while (PyDict_Next(eager, &pos, &key, &value)) {
    PyObject* got = PyDict_GetItem(lazy, key);
    INFO(PyUnicode_AsUTF8(key));
    REQUIRE(got != nullptr);
    // The same object, except `inf`: float("inf") in the prelude, math.inf here (equal).
    CHECK((got == value || PyObject_RichCompareBool(got, value, Py_EQ) == 1));
  }
  Py_DECREF(lazy);
  Py_DECREF(code);
}

TEST_CASE("A solution that names no prelude name gets none of them") {
  Gil gil;
  PyObject* code = compiled("class Solution:\n    def plus(self, a: int, b: int) -> int:\n        return a + b\n");
  PyObject* lazy = python::leetcode_prelude_for(code);
  REQUIRE(lazy != nullptr);
  CHECK(PyDict_Size(lazy) == 0);
  Py_DECREF(lazy);
  Py_DECREF(code);
}

TEST_CASE("The lazy prelude binds only what a solution names: List, deque and ListNode") {
  Gil gil;
  PyObject* code = compiled(
      "class Solution:\n"
      "    def f(self, nums: List[int], head: Optional[ListNode]) -> int:\n"
      "        return len(deque(nums))\n");
  PyObject* lazy = python::leetcode_prelude_for(code);
  REQUIRE(lazy != nullptr);
  CHECK(PyDict_Size(lazy) == 4);
  for (const char* name : {"List", "Optional", "ListNode", "deque"}) {
    INFO(name);
    CHECK(PyDict_GetItemString(lazy, name) == PyDict_GetItemString(python::leetcode_prelude(), name));
  }
  Py_DECREF(lazy);
  Py_DECREF(code);
}

TEST_CASE("Code that reaches globals by name (eval, globals()) gets the whole prelude") {
  Gil gil;
  for (const char* source : {"x = eval('deque')([1])\n", "x = globals()['heappush']\n", "x = vars()\n"}) {
    INFO(source);
    PyObject* code = compiled(source);
    PyObject* lazy = python::leetcode_prelude_for(code);
    REQUIRE(lazy != nullptr);
    CHECK(PyDict_Size(lazy) == PyDict_Size(python::leetcode_prelude()));
    Py_DECREF(lazy);
    Py_DECREF(code);
  }
}
