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
    case Kind::ListNode: return build_list_node(v);
    case Kind::TreeNode: return build_tree_node(v);
    default: return build_items(v);
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
