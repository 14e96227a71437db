#include "python/bridge.hpp"

#include <deque>
#include <utility>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

#include "python/interpreter.hpp"

namespace pyjudge::python {

namespace {

using Kind = Value::Kind;

// Owns one reference; enough RAII for the few places that need it here.
struct Ref {
  PyObject* p;
  explicit Ref(PyObject* o) : p(o) {}
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  ~Ref() { Py_XDECREF(p); }
  PyObject* release() { return std::exchange(p, nullptr); }
};

PyObject* big_int(const std::string& text) {
  // BigInt text is canonical hexadecimal ("-0x1f"): base 16 has no int_max_str_digits limit.
  return PyLong_FromString(text.c_str(), nullptr, 0);
}

PyObject* build_list_node(const Value& v) {
  PyObject* cls = structures().list_node;
  std::vector<PyObject*> nodes;
  for (const auto& item : v.items) {
    Ref val(to_python(item));
    if (!val.p) break;
    PyObject* node = PyObject_CallOneArg(cls, val.p);
    if (!node) break;
    nodes.push_back(node);
  }
  bool ok = nodes.size() == v.items.size();
  for (std::size_t i = 0; ok && i + 1 < nodes.size(); ++i) {
    ok = PyObject_SetAttrString(nodes[i], "next", nodes[i + 1]) == 0;
  }
  if (ok && v.cycle_pos >= 0 && static_cast<std::size_t>(v.cycle_pos) < nodes.size()) {
    ok = PyObject_SetAttrString(nodes.back(), "next", nodes[v.cycle_pos]) == 0;
  }
  PyObject* head = ok && !nodes.empty() ? nodes.front() : (ok ? Py_None : nullptr);
  Py_XINCREF(head);
  for (PyObject* n : nodes) Py_DECREF(n);
  return head;
}

PyObject* build_tree_node(const Value& v) {
  PyObject* cls = structures().tree_node;
  if (v.items.empty() || v.items[0].kind == Kind::None) Py_RETURN_NONE;
  std::vector<PyObject*> made;  // owned references, released at the end
  auto make = [&](const Value& item) -> PyObject* {
    Ref val(to_python(item));
    PyObject* node = val.p ? PyObject_CallOneArg(cls, val.p) : nullptr;
    if (node) made.push_back(node);
    return node;
  };
  PyObject* root = make(v.items[0]);
  std::deque<PyObject*> parents;
  if (root) parents.push_back(root);
  bool ok = root != nullptr;
  for (std::size_t i = 1; ok && i < v.items.size() && !parents.empty(); ++i) {
    PyObject* parent = parents.front();
    const char* side = (i % 2 == 1) ? "left" : "right";
    if (i % 2 == 0) parents.pop_front();
    if (v.items[i].kind == Kind::None) continue;
    PyObject* child = make(v.items[i]);
    ok = child && PyObject_SetAttrString(parent, side, child) == 0;
    if (ok) parents.push_back(child);
  }
  PyObject* out = ok ? root : nullptr;
  Py_XINCREF(out);
  for (PyObject* n : made) Py_DECREF(n);
  return out;
}

PyObject* build_items(const Value& v) {
  Py_ssize_t n = static_cast<Py_ssize_t>(v.items.size());
  if (v.kind == Kind::List || v.kind == Kind::Tuple) {
    PyObject* out = v.kind == Kind::List ? PyList_New(n) : PyTuple_New(n);
    for (Py_ssize_t i = 0; out && i < n; ++i) {
      PyObject* item = to_python(v.items[i]);
      if (!item) {
        Py_CLEAR(out);
        break;
      }
      if (v.kind == Kind::List) PyList_SET_ITEM(out, i, item); else PyTuple_SET_ITEM(out, i, item);
    }
    return out;
  }
  if (v.kind == Kind::Dict) {
    Ref out(PyDict_New());
    for (std::size_t i = 0; out.p && i + 1 < v.items.size(); i += 2) {
      Ref key(to_python(v.items[i])), val(to_python(v.items[i + 1]));
      if (!key.p || !val.p || PyDict_SetItem(out.p, key.p, val.p) < 0) return nullptr;
    }
    return out.release();
  }
  Ref out(v.kind == Kind::Set ? PySet_New(nullptr) : PyFrozenSet_New(nullptr));
  for (const auto& item : v.items) {
    Ref elem(to_python(item));
    if (!out.p || !elem.p || PySet_Add(out.p, elem.p) < 0) return nullptr;
  }
  return out.release();
}

// ---- Python -> Value ---------------------------------------------------------------------------

constexpr std::size_t kMaxNodes = 50'000'000;

class Walker {
 public:
  explicit Walker(std::string& why_not) : why_not_(why_not) {}

  bool walk(PyObject* o, Value& out, int depth) {
    if (depth > kMaxValueDepth) return fail("the value is nested too deeply (or contains itself)");
    if (++count_ > kMaxNodes) return fail("the value is too large");
    PyTypeObject* t = Py_TYPE(o);
    if (o == Py_None) return out.kind = Kind::None, true;
    if (t == &PyBool_Type) return out = Value::of_bool(o == Py_True), true;
    if (t == &PyLong_Type) return integer(o, out);
    if (t == &PyFloat_Type) return out = Value::of_float(PyFloat_AS_DOUBLE(o)), true;
    if (t == &PyUnicode_Type) return text(o, out);
    if (t == &PyBytes_Type) {
      out.kind = Kind::Bytes;
      out.text.assign(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o)));
      return true;
    }
    if (t == &PyList_Type || t == &PyTuple_Type) return sequence(o, out, depth);
    if (t == &PyDict_Type) return dict(o, out, depth);
    if (t == &PySet_Type || t == &PyFrozenSet_Type) return set(o, out, depth);
    if (is_structure(t, "ListNode", structures().list_node)) return list_node(o, out, depth);
    if (is_structure(t, "TreeNode", structures().tree_node)) return tree_node(o, out, depth);
    return fail(fmt::format("a value of type '{}' is not plain data (only int, float, str, bool, "
                            "None, bytes, list, tuple, dict, set, ListNode and TreeNode compare)",
                            t->tp_name));
  }

 private:
  bool fail(std::string why) {
    if (why_not_.empty()) why_not_ = std::move(why);
    return false;
  }

  // The prelude's class, or a candidate's own class of the same name (LeetCode users often
  // paste the definition), read through its instance dict only: no candidate code runs.
  static bool is_structure(PyTypeObject* t, const char* name, PyObject* ours) {
    return reinterpret_cast<PyObject*>(t) == ours || std::string_view(t->tp_name) == name;
  }

  bool field(PyObject* o, const char* name, PyObject*& out) {
    PyObject* d = PyObject_GenericGetDict(o, nullptr);
    if (!d || !PyDict_Check(d)) {
      Py_XDECREF(d);
      PyErr_Clear();
      return fail(fmt::format("a {} without an instance __dict__", Py_TYPE(o)->tp_name));
    }
    out = PyDict_GetItemString(d, name);  // borrowed; kept alive by the node
    Py_DECREF(d);
    if (!out) return fail(fmt::format("a {} without a '{}' attribute", Py_TYPE(o)->tp_name, name));
    return true;
  }

  bool integer(PyObject* o, Value& out) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (!overflow) return out = Value::of_int(v), true;
    PyObject* hex = PyNumber_ToBase(o, 16);
    if (!hex) return PyErr_Clear(), fail("an integer that cannot be converted");
    out.kind = Kind::BigInt;
    out.text = PyUnicode_AsUTF8(hex);
    Py_DECREF(hex);
    return true;
  }

  bool text(PyObject* o, Value& out) {
    Py_ssize_t n;
    const char* s = PyUnicode_AsUTF8AndSize(o, &n);
    out.kind = Kind::Str;
    if (s) {
      out.text.assign(s, static_cast<std::size_t>(n));
      return true;
    }
    PyErr_Clear();  // lone surrogates: keep them distinguishable rather than fail
    PyObject* b = PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass");
    if (!b) return PyErr_Clear(), fail("a string that cannot be encoded");
    out.text.assign(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
    Py_DECREF(b);
    return true;
  }

  bool sequence(PyObject* o, Value& out, int depth) {
    bool list = Py_TYPE(o) == &PyList_Type;
    out.kind = list ? Kind::List : Kind::Tuple;
    Py_ssize_t n = list ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o);
    out.items.resize(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i) {
      PyObject* item = list ? PyList_GET_ITEM(o, i) : PyTuple_GET_ITEM(o, i);
      if (!walk(item, out.items[i], depth + 1)) return false;
      // A list can be shrunk by nothing here (no candidate code runs), but be defensive.
      if (list && PyList_GET_SIZE(o) != n) return fail("a list changed while being read");
    }
    return true;
  }

  bool dict(PyObject* o, Value& out, int depth) {
    out.kind = Kind::Dict;
    out.items.reserve(static_cast<std::size_t>(PyDict_GET_SIZE(o)) * 2);
    PyObject *key, *val;
    Py_ssize_t pos = 0;
    while (PyDict_Next(o, &pos, &key, &val)) {
      out.items.emplace_back();
      if (!walk(key, out.items.back(), depth + 1)) return false;
      out.items.emplace_back();
      if (!walk(val, out.items.back(), depth + 1)) return false;
    }
    return true;
  }

  bool set(PyObject* o, Value& out, int depth) {
    out.kind = Py_TYPE(o) == &PySet_Type ? Kind::Set : Kind::FrozenSet;
    PyObject* it = PyObject_GetIter(o);
    if (!it) return PyErr_Clear(), fail("a set that cannot be iterated");
    bool ok = true;
    while (PyObject* item = PyIter_Next(it)) {
      ok = walk(item, out.items.emplace_back(), depth + 1);
      Py_DECREF(item);
      if (!ok) break;
    }
    Py_DECREF(it);
    PyErr_Clear();
    return ok;
  }

  bool list_node(PyObject* head, Value& out, int depth) {
    out.kind = Kind::ListNode;
    std::unordered_map<PyObject*, std::int64_t> index;
    for (PyObject* node = head; node != Py_None;) {
      if (auto seen = index.find(node); seen != index.end()) {
        out.cycle_pos = seen->second;
        return true;
      }
      if (!is_structure(Py_TYPE(node), "ListNode", structures().list_node)) {
        return fail(fmt::format("a ListNode whose next is a '{}'", Py_TYPE(node)->tp_name));
      }
      index.emplace(node, static_cast<std::int64_t>(out.items.size()));
      PyObject *val, *next;
      if (!field(node, "val", val) || !field(node, "next", next)) return false;
      if (!walk(val, out.items.emplace_back(), depth + 1)) return false;
      if (++count_ > kMaxNodes) return fail("the linked list is too long");
      node = next;
    }
    return true;
  }

  bool tree_node(PyObject* root, Value& out, int depth) {
    out.kind = Kind::TreeNode;
    std::unordered_set<PyObject*> seen;
    std::deque<PyObject*> queue{root};
    while (!queue.empty()) {
      PyObject* node = queue.front();
      queue.pop_front();
      if (node == Py_None) {
        out.items.emplace_back();
        continue;
      }
      if (!is_structure(Py_TYPE(node), "TreeNode", structures().tree_node)) {
        return fail(fmt::format("a TreeNode whose child is a '{}'", Py_TYPE(node)->tp_name));
      }
      if (!seen.insert(node).second) return fail("a TreeNode reachable twice (a cycle or shared node)");
      PyObject *val, *left, *right;
      if (!field(node, "val", val) || !field(node, "left", left) || !field(node, "right", right)) {
        return false;
      }
      if (!walk(val, out.items.emplace_back(), depth + 1)) return false;
      if (++count_ > kMaxNodes) return fail("the tree is too large");
      queue.push_back(left);
      queue.push_back(right);
    }
    while (!out.items.empty() && out.items.back().kind == Kind::None) out.items.pop_back();
    return true;
  }

  std::string& why_not_;
  std::size_t count_ = 0;
};

}  // namespace

PyObject* to_python(const Value& v) {
  switch (v.kind) {
    case Kind::None: Py_RETURN_NONE;
    case Kind::Bool: return PyBool_FromLong(v.boolean);
    case Kind::Int: return PyLong_FromLongLong(v.integer);
    case Kind::BigInt: return big_int(v.text);
    case Kind::Float: return PyFloat_FromDouble(v.real);
    case Kind::Str:
      return PyUnicode_DecodeUTF8(v.text.data(), static_cast<Py_ssize_t>(v.text.size()), "surrogatepass");
    case Kind::Bytes:
      return PyBytes_FromStringAndSize(v.text.data(), static_cast<Py_ssize_t>(v.text.size()));
    case Kind::ListNode: return build_list_node(v);
    case Kind::TreeNode: return build_tree_node(v);
    default: return build_items(v);
  }
}

std::optional<Value> from_python(PyObject* obj, std::string& why_not) {
  Value out;
  Walker walker(why_not);
  if (!walker.walk(obj, out, 0)) return std::nullopt;
  return out;
}

}  // namespace pyjudge::python
