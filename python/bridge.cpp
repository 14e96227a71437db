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

// Node values, owned; released whatever happens.
struct OwnedValues {
  std::vector<PyObject*> items;
  ~OwnedValues() {
    for (PyObject* o : items) Py_XDECREF(o);
  }
};

// A linked list of `values` (owned by the caller), the tail linked back to `cycle_pos` if >= 0.
PyObject* link_list_nodes(const std::vector<PyObject*>& values, std::int64_t cycle_pos) {
  PyObject* cls = structures().list_node;
  std::vector<PyObject*> nodes;
  for (PyObject* val : values) {
    PyObject* node = PyObject_CallOneArg(cls, val);
    if (!node) break;
    nodes.push_back(node);
  }
  bool ok = nodes.size() == values.size();
  for (std::size_t i = 0; ok && i + 1 < nodes.size(); ++i) {
    ok = PyObject_SetAttrString(nodes[i], "next", nodes[i + 1]) == 0;
  }
  if (ok && cycle_pos >= 0 && static_cast<std::size_t>(cycle_pos) < nodes.size()) {
    ok = PyObject_SetAttrString(nodes.back(), "next", nodes[cycle_pos]) == 0;
  }
  PyObject* head = ok && !nodes.empty() ? nodes.front() : (ok ? Py_None : nullptr);
  Py_XINCREF(head);
  for (PyObject* n : nodes) Py_DECREF(n);
  return head;
}

// A tree from its level order (owned by the caller; None: no node there).
PyObject* link_tree_nodes(const std::vector<PyObject*>& values) {
  PyObject* cls = structures().tree_node;
  if (values.empty() || values[0] == Py_None) Py_RETURN_NONE;
  std::vector<PyObject*> made;  // owned references, released at the end
  auto make = [&](PyObject* val) -> PyObject* {
    PyObject* node = PyObject_CallOneArg(cls, val);
    if (node) made.push_back(node);
    return node;
  };
  PyObject* root = make(values[0]);
  std::deque<PyObject*> parents;
  if (root) parents.push_back(root);
  bool ok = root != nullptr;
  for (std::size_t i = 1; ok && i < values.size() && !parents.empty(); ++i) {
    PyObject* parent = parents.front();
    const char* side = (i % 2 == 1) ? "left" : "right";
    if (i % 2 == 0) parents.pop_front();
    if (values[i] == Py_None) continue;
    PyObject* child = make(values[i]);
    ok = child && PyObject_SetAttrString(parent, side, child) == 0;
    if (ok) parents.push_back(child);
  }
  PyObject* out = ok ? root : nullptr;
  Py_XINCREF(out);
  for (PyObject* n : made) Py_DECREF(n);
  return out;
}

PyObject* build_nodes(const Value& v) {
  OwnedValues values;
  for (const auto& item : v.items) {
    values.items.push_back(to_python(item));
    if (!values.items.back()) return nullptr;
  }
  return v.kind == Kind::ListNode ? link_list_nodes(values.items, v.cycle_pos) : link_tree_nodes(values.items);
}

// ---- encoded Value -> Python, with no Value tree in between ----------------------------------

// The checks of decode_value (protocol/value.cpp): depth, a budget of values, counts no larger
// than the bytes left. Strs and ints are checked by CPython as it builds them.
class Builder {
 public:
  Builder(Reader& r, std::size_t max_values) : r_(r), budget_(max_values) {}

  PyObject* build(int depth) {
    if (depth > kMaxValueDepth) return error("value nested too deeply");
    if (budget_-- == 0) return error("too many values");
    std::uint8_t tag = r_.u8();
    if (tag > static_cast<std::uint8_t>(Kind::TreeNode)) return error("unknown value tag");
    switch (static_cast<Kind>(tag)) {
      case Kind::None: Py_RETURN_NONE;
      case Kind::Bool: return PyBool_FromLong(r_.u8() != 0);
      case Kind::Int: return PyLong_FromLongLong(r_.i64());
      case Kind::Float: return PyFloat_FromDouble(r_.f64());
      case Kind::BigInt: return PyLong_FromString(std::string(r_.bytes_view()).c_str(), nullptr, 0);
      case Kind::Str: {
        std::string_view s = r_.bytes_view();
        return PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogatepass");
      }
      case Kind::Bytes: {
        std::string_view s = r_.bytes_view();
        return PyBytes_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
      }
      default: return collection(static_cast<Kind>(tag), depth);
    }
  }

 private:
  static PyObject* error(const char* why) {
    PyErr_SetString(PyExc_ValueError, why);
    return nullptr;
  }

  PyObject* collection(Kind kind, int depth) {
    std::int64_t cycle_pos = kind == Kind::ListNode ? r_.i64() : -1;
    std::uint64_t n = r_.u64();
    if (n > r_.remaining()) return error("implausible item count");
    if (kind == Kind::Dict && n % 2) return error("dict with odd item count");
    auto count = static_cast<Py_ssize_t>(n);
    if (kind == Kind::List || kind == Kind::Tuple) {
      Ref out(kind == Kind::List ? PyList_New(count) : PyTuple_New(count));
      for (Py_ssize_t i = 0; out.p && i < count; ++i) {
        PyObject* item = build(depth + 1);
        if (!item) return nullptr;
        if (kind == Kind::List) PyList_SET_ITEM(out.p, i, item); else PyTuple_SET_ITEM(out.p, i, item);
      }
      return out.release();
    }
    if (kind == Kind::Dict) {
      Ref out(PyDict_New());
      for (Py_ssize_t i = 0; out.p && i < count; i += 2) {
        Ref key(build(depth + 1));
        Ref val(key.p ? build(depth + 1) : nullptr);
        if (!val.p || PyDict_SetItem(out.p, key.p, val.p) < 0) return nullptr;
      }
      return out.release();
    }
    if (kind == Kind::Set || kind == Kind::FrozenSet) {
      Ref out(kind == Kind::Set ? PySet_New(nullptr) : PyFrozenSet_New(nullptr));
      for (Py_ssize_t i = 0; out.p && i < count; ++i) {
        Ref elem(build(depth + 1));
        if (!elem.p || PySet_Add(out.p, elem.p) < 0) return nullptr;
      }
      return out.release();
    }
    OwnedValues values;
    values.items.reserve(static_cast<std::size_t>(count));
    for (Py_ssize_t i = 0; i < count; ++i) {
      values.items.push_back(build(depth + 1));
      if (!values.items.back()) return nullptr;
    }
    return kind == Kind::ListNode ? link_list_nodes(values.items, cycle_pos) : link_tree_nodes(values.items);
  }

  Reader& r_;
  std::size_t budget_;
};

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

// ---- Python -> encoded Value -------------------------------------------------------------------

constexpr std::size_t kMaxNodes = 50'000'000;

// Writes the encoding of protocol/value.hpp straight from the Python objects: no Value tree is
// built in the child, whose memory is the candidate's (a tree costs ~100 bytes per element).
class Walker {
 public:
  Walker(Writer& w, std::string& why_not) : w_(w), why_not_(why_not) {}

  bool walk(PyObject* o, int depth) {
    if (depth > kMaxValueDepth) return fail("the value is nested too deeply (or contains itself)");
    if (++count_ > kMaxNodes) return fail("the value is too large");
    PyTypeObject* t = Py_TYPE(o);
    if (o == Py_None) return kind(Kind::None), true;
    if (t == &PyBool_Type) return kind(Kind::Bool), w_.u8(o == Py_True), true;
    if (t == &PyLong_Type) return integer(o);
    if (t == &PyFloat_Type) return kind(Kind::Float), w_.f64(PyFloat_AS_DOUBLE(o)), true;
    if (t == &PyUnicode_Type) return text(o);
    if (t == &PyBytes_Type) {
      kind(Kind::Bytes);
      w_.bytes(std::string_view(PyBytes_AS_STRING(o), static_cast<std::size_t>(PyBytes_GET_SIZE(o))));
      return true;
    }
    if (t == &PyList_Type || t == &PyTuple_Type) return sequence(o, depth);
    if (t == &PyDict_Type) return dict(o, depth);
    if (t == &PySet_Type || t == &PyFrozenSet_Type) return set(o, depth);
    if (is_structure(t, "ListNode", structures().list_node)) return list_node(o, depth);
    if (is_structure(t, "TreeNode", structures().tree_node)) return tree_node(o, depth);
    return fail(fmt::format("a value of type '{}' is not plain data (only int, float, str, bool, "
                            "None, bytes, list, tuple, dict, set, ListNode and TreeNode compare)",
                            t->tp_name));
  }

 private:
  void kind(Kind k) { w_.u8(static_cast<std::uint8_t>(k)); }
  void size(std::size_t n) { w_.u64(n); }

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

  bool integer(PyObject* o) {
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (!overflow) return kind(Kind::Int), w_.i64(v), true;
    PyObject* hex = PyNumber_ToBase(o, 16);
    if (!hex) return PyErr_Clear(), fail("an integer that cannot be converted");
    kind(Kind::BigInt);
    w_.bytes(PyUnicode_AsUTF8(hex));
    Py_DECREF(hex);
    return true;
  }

  bool text(PyObject* o) {
    Py_ssize_t n;
    const char* s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s) {
      kind(Kind::Str);
      w_.bytes(std::string_view(s, static_cast<std::size_t>(n)));
      return true;
    }
    PyErr_Clear();  // lone surrogates: keep them distinguishable rather than fail
    PyObject* b = PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass");
    if (!b) return PyErr_Clear(), fail("a string that cannot be encoded");
    kind(Kind::Str);
    w_.bytes(std::string_view(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b))));
    Py_DECREF(b);
    return true;
  }

  bool sequence(PyObject* o, int depth) {
    bool list = Py_TYPE(o) == &PyList_Type;
    Py_ssize_t n = list ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o);
    kind(list ? Kind::List : Kind::Tuple);
    size(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i) {
      PyObject* item = list ? PyList_GET_ITEM(o, i) : PyTuple_GET_ITEM(o, i);
      if (!walk(item, depth + 1)) return false;
      // A list can be shrunk by nothing here (no candidate code runs), but be defensive.
      if (list && PyList_GET_SIZE(o) != n) return fail("a list changed while being read");
    }
    return true;
  }

  bool dict(PyObject* o, int depth) {
    kind(Kind::Dict);
    size(static_cast<std::size_t>(PyDict_GET_SIZE(o)) * 2);
    PyObject *key, *val;
    Py_ssize_t pos = 0, seen = 0;
    while (PyDict_Next(o, &pos, &key, &val)) {
      if (!walk(key, depth + 1) || !walk(val, depth + 1)) return false;
      ++seen;
    }
    return seen == PyDict_GET_SIZE(o) || fail("a dict changed while being read");
  }

  bool set(PyObject* o, int depth) {
    kind(Py_TYPE(o) == &PySet_Type ? Kind::Set : Kind::FrozenSet);
    Py_ssize_t n = PySet_GET_SIZE(o), seen = 0;
    size(static_cast<std::size_t>(n));
    PyObject* it = PyObject_GetIter(o);
    if (!it) return PyErr_Clear(), fail("a set that cannot be iterated");
    bool ok = true;
    while (PyObject* item = PyIter_Next(it)) {
      ok = ++seen <= n && walk(item, depth + 1);
      Py_DECREF(item);
      if (!ok) break;
    }
    Py_DECREF(it);
    PyErr_Clear();
    return ok && (seen == n || fail("a set changed while being read"));
  }

  // Node values are borrowed references: the nodes keep them alive, and nothing here runs
  // candidate code that could drop them.
  bool list_node(PyObject* head, int depth) {
    std::vector<PyObject*> values;
    std::unordered_map<PyObject*, std::int64_t> index;
    std::int64_t cycle_pos = -1;
    for (PyObject* node = head; node != Py_None;) {
      if (auto seen = index.find(node); seen != index.end()) {
        cycle_pos = seen->second;
        break;
      }
      if (!is_structure(Py_TYPE(node), "ListNode", structures().list_node)) {
        return fail(fmt::format("a ListNode whose next is a '{}'", Py_TYPE(node)->tp_name));
      }
      index.emplace(node, static_cast<std::int64_t>(values.size()));
      PyObject *val, *next;
      if (!field(node, "val", val) || !field(node, "next", next)) return false;
      values.push_back(val);
      if (++count_ > kMaxNodes) return fail("the linked list is too long");
      node = next;
    }
    kind(Kind::ListNode);
    w_.i64(cycle_pos);
    size(values.size());
    for (PyObject* v : values) {
      if (!walk(v, depth + 1)) return false;
    }
    return true;
  }

  // Level order with None for a missing child, trailing Nones trimmed (LeetCode's encoding).
  bool tree_node(PyObject* root, int depth) {
    std::vector<PyObject*> values;  // nullptr: no node here
    std::unordered_set<PyObject*> seen;
    std::deque<PyObject*> queue{root};
    while (!queue.empty()) {
      PyObject* node = queue.front();
      queue.pop_front();
      if (node == Py_None) {
        values.push_back(nullptr);
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
      values.push_back(val);
      if (++count_ > kMaxNodes) return fail("the tree is too large");
      queue.push_back(left);
      queue.push_back(right);
    }
    while (!values.empty() && !values.back()) values.pop_back();
    kind(Kind::TreeNode);
    size(values.size());
    for (PyObject* v : values) {
      if (!v) kind(Kind::None);
      else if (!walk(v, depth + 1)) return false;
    }
    return true;
  }

  Writer& w_;
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
    case Kind::ListNode:
    case Kind::TreeNode: return build_nodes(v);
    default: return build_items(v);
  }
}

PyObject* decode_to_python(std::string_view encoded, std::size_t max_values) {
  Reader r(encoded);
  try {
    PyObject* out = Builder(r, max_values).build(0);
    if (out && !r.done()) {
      Py_DECREF(out);
      PyErr_SetString(PyExc_ValueError, "trailing bytes after the value");
      return nullptr;
    }
    return out;
  } catch (const ProtocolError& e) {  // truncated: whatever was built is released by its owner
    PyErr_SetString(PyExc_ValueError, e.what());
    return nullptr;
  }
}

bool encode_python(PyObject* obj, Writer& out, std::string& why_not) {
  return Walker(out, why_not).walk(obj, 0);
}

std::optional<Value> from_python(PyObject* obj, std::string& why_not) {
  Writer w;
  if (!encode_python(obj, w, why_not)) return std::nullopt;
  Reader r(w.data());
  return decode_value(r);
}

}  // namespace pyjudge::python
