#include "python/interpreter.hpp"

#include <algorithm>
#include <utility>

#include <stdexcept>
#include <string_view>
#include <vector>

namespace pyjudge::embedded {
extern const char* const kStructuresPy;
extern const char* const kPreludeLeetcodePy;
extern const char* const kPreludeLeetcodeNames;
}  // namespace pyjudge::embedded

namespace pyjudge::python {

namespace {

void check_status(PyStatus status, PyConfig& config) {
  if (PyStatus_Exception(status)) {
    std::string why = status.err_msg ? status.err_msg : "unknown error";
    PyConfig_Clear(&config);
    throw std::runtime_error("cannot initialise Python: " + why);
  }
}

// Runs `source` as a fresh module namespace and returns that dict (new reference).
PyObject* run_source(const char* source, const char* filename) {
  PyObject* globals = PyDict_New();
  if (!globals) return nullptr;
  PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
  PyDict_SetItemString(globals, "__name__", PyUnicode_FromString("pyjudge"));
  PyObject* code = Py_CompileString(source, filename, Py_file_input);
  PyObject* result = code ? PyEval_EvalCode(code, globals, globals) : nullptr;
  Py_XDECREF(code);
  if (!result) {
    Py_DECREF(globals);
    return nullptr;
  }
  Py_DECREF(result);
  return globals;
}

// `site` (not imported: isolated start-up) is what gives python3 its builtins exit() and quit();
// contest code ends with them. Define them as site.setquit() does, from the same class.
void define_exit_and_quit() {
  PyObject* ns = run_source(
      "import builtins, _sitebuiltins\n"
      "builtins.exit = _sitebuiltins.Quitter('exit', 'Ctrl-D (i.e. EOF)')\n"
      "builtins.quit = _sitebuiltins.Quitter('quit', 'Ctrl-D (i.e. EOF)')\n",
      "<pyjudge site>");
  if (!ns) throw std::runtime_error("cannot define exit() and quit(): " + take_error());
  Py_DECREF(ns);
}

}  // namespace

void initialize() {
  if (Py_IsInitialized()) return;
  // UTF-8 mode: with an empty environment the locale is "C", and without this sys.stdin would
  // decode "café" as ASCII with surrogates, as `python3` itself avoids by PEP 538/540 coercion.
  PyPreConfig preconfig;
  PyPreConfig_InitIsolatedConfig(&preconfig);
  preconfig.utf8_mode = 1;
  if (PyStatus s = Py_PreInitialize(&preconfig); PyStatus_Exception(s)) {
    throw std::runtime_error(std::string("cannot pre-initialise Python: ") + (s.err_msg ? s.err_msg : "?"));
  }
  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  config.site_import = 0;
  config.write_bytecode = 0;
  config.install_signal_handlers = 0;
  config.parse_argv = 0;
  // Pin the home to the interpreter CMake found, so start-up neither searches nor picks another.
  check_status(PyConfig_SetBytesString(&config, &config.home, PYJUDGE_PYTHON_HOME "/../.."), config);
  check_status(Py_InitializeFromConfig(&config), config);
  PyConfig_Clear(&config);
  define_exit_and_quit();
}

const Structures& structures() {
  static Structures s = [] {
    Structures out;
    PyObject* ns = run_source(embedded::kStructuresPy, "<pyjudge structures>");
    if (!ns) throw std::runtime_error("cannot load ListNode/TreeNode: " + take_error());
    out.list_node = PyDict_GetItemString(ns, "ListNode");
    out.tree_node = PyDict_GetItemString(ns, "TreeNode");
    Py_INCREF(out.list_node);
    Py_INCREF(out.tree_node);
    Py_DECREF(ns);
    return out;
  }();
  return s;
}

PyObject* leetcode_prelude() {
  static PyObject* names = [] {
    PyObject* ns = run_source(embedded::kPreludeLeetcodePy, "<pyjudge prelude>");
    if (!ns) throw std::runtime_error("cannot load the leetcode prelude: " + take_error());
    PyObject* out = PyDict_New();
    PyObject* builtins = PyEval_GetBuiltins();
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(ns, &pos, &key, &value)) {
      // `from math import *` would replace the builtin pow() with math.pow(): keep builtins.
      if (PyUnicode_READ_CHAR(key, 0) == '_' || PyDict_Contains(builtins, key)) continue;
      PyDict_SetItem(out, key, value);
    }
    Py_DECREF(ns);
    PyDict_SetItemString(out, "ListNode", structures().list_node);
    PyDict_SetItemString(out, "TreeNode", structures().tree_node);
    return out;
  }();
  return names;
}

namespace {

// Adds every name `code` and the code objects nested in it mention to `names`.
void collect_names(PyObject* code, PyObject* names) {
  auto* co = reinterpret_cast<PyCodeObject*>(code);
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_names); ++i) PySet_Add(names, PyTuple_GET_ITEM(co->co_names, i));
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); ++i) {
    PyObject* c = PyTuple_GET_ITEM(co->co_consts, i);
    if (PyCode_Check(c)) collect_names(c, names);
  }
}

// Names through which code reaches globals it does not mention: such code gets every name.
constexpr const char* kDynamicAccess[] = {"eval", "exec", "globals", "vars", "locals", "compile",
                                          "__import__", "__dict__", "modules", "import_module"};

struct PreludeName {
  std::string name, module, attribute;  ///< an empty attribute: the module itself
};

// python/prelude_names.py's table, generated from the prelude at build time.
const std::vector<PreludeName>& prelude_names() {
  static const std::vector<PreludeName> table = [] {
    std::vector<PreludeName> out;
    std::string_view text = embedded::kPreludeLeetcodeNames;
    while (!text.empty()) {
      std::string_view line = text.substr(0, text.find('\n'));
      text.remove_prefix(std::min(text.size(), line.size() + 1));
      auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
      out.push_back({std::string(line.substr(0, tab1)), std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                     std::string(line.substr(tab2 + 1))});
    }
    return out;
  }();
  return table;
}

}  // namespace

PyObject* leetcode_prelude_for(PyObject* code) {
  PyObject* used = PySet_New(nullptr);
  if (!used) return nullptr;
  collect_names(code, used);
  auto mentions = [&](const char* name) {
    PyObject* key = PyUnicode_FromString(name);
    int found = key ? PySet_Contains(used, key) : 0;
    Py_XDECREF(key);
    return found == 1;
  };
  bool dynamic = std::any_of(std::begin(kDynamicAccess), std::end(kDynamicAccess), mentions);
  PyObject* out = PyDict_New();
  if (dynamic && out) PyDict_Update(out, leetcode_prelude());
  for (const auto& n : prelude_names()) {
    if (!out || dynamic || !mentions(n.name.c_str())) continue;
    PyObject* module = PyImport_ImportModule(n.module.c_str());
    PyObject* value = module && !n.attribute.empty() ? PyObject_GetAttrString(module, n.attribute.c_str()) : Py_XNewRef(module);
    // A name the installed module no longer has is left unbound, as `from m import *` would.
    if (value) PyDict_SetItemString(out, n.name.c_str(), value);
    Py_XDECREF(value);
    Py_XDECREF(module);
    PyErr_Clear();
  }
  for (auto [name, cls] : {std::pair{"ListNode", structures().list_node}, std::pair{"TreeNode", structures().tree_node}}) {
    if (out && !dynamic && mentions(name)) PyDict_SetItemString(out, name, cls);
  }
  Py_DECREF(used);
  return out;
}

PyObject* sortedcontainers() {
  static PyObject* module = [] {
    PyObject* sys_path = PySys_GetObject("path");  // borrowed
    PyObject* dir = PyUnicode_FromString(PYJUDGE_PYTHON_HOME "/../python3/dist-packages");
    PyObject* imported = nullptr;
    if (sys_path && dir && PyList_Append(sys_path, dir) == 0) {
      imported = PyImport_ImportModule("sortedcontainers");
      // Only this package: the folder leaves sys.path again (the module stays in sys.modules).
      Py_ssize_t n = PyList_GET_SIZE(sys_path);
      if (n > 0) PySequence_DelItem(sys_path, n - 1);
    }
    Py_XDECREF(dir);
    PyErr_Clear();
    return imported;
  }();
  return module;
}

FetchedError FetchedError::take() {
  FetchedError e;
  PyErr_Fetch(&e.type_, &e.value_, &e.traceback_);
  if (e.type_) PyErr_NormalizeException(&e.type_, &e.value_, &e.traceback_);
  // Normalising can itself fail; what it left pending is not this exception.
  PyErr_Clear();
  return e;
}

FetchedError::FetchedError(FetchedError&& o) noexcept
    : type_(std::exchange(o.type_, nullptr)), value_(std::exchange(o.value_, nullptr)),
      traceback_(std::exchange(o.traceback_, nullptr)) {}

FetchedError::~FetchedError() {
  Py_XDECREF(type_);
  Py_XDECREF(value_);
  Py_XDECREF(traceback_);
}

std::string take_error() {
  FetchedError e = FetchedError::take();
  if (!e) return "unknown error";
  std::string out = reinterpret_cast<PyTypeObject*>(e.type())->tp_name;
  if (PyObject* s = e.value() ? PyObject_Str(e.value()) : nullptr) {
    if (const char* text = PyUnicode_AsUTF8(s); text && *text) out = out + ": " + text;
    Py_DECREF(s);
  }
  PyErr_Clear();
  return out;
}

}  // namespace pyjudge::python
