#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <fmt/format.h>

#include "box/program.hpp"
#include "python/interpreter.hpp"

namespace pyjudge::embedded {
extern const char* const kSolutionFolderPy;
}

namespace pyjudge::box {

namespace {

// Standard-library modules never imported ahead of time: importing them has visible effects.
constexpr std::string_view kNeverPreimport[] = {"antigravity", "this", "__hello__", "__phello__",
                                                "idlelib", "tkinter", "turtle", "turtledemo"};

CompileError compile_error_from_pending() {
  python::FetchedError pending = python::FetchedError::take();
  PyObject* type = pending.type();
  PyObject* value = pending.value();
  CompileError e;
  e.kind = reinterpret_cast<PyTypeObject*>(type)->tp_name;
  auto get_int = [&](const char* name) -> std::int64_t {
    PyObject* v = value ? PyObject_GetAttrString(value, name) : nullptr;
    std::int64_t out = v && PyLong_Check(v) ? PyLong_AsLongLong(v) : 0;
    Py_XDECREF(v);
    PyErr_Clear();
    return out;
  };
  PyObject* msg = value ? PyObject_GetAttrString(value, "msg") : nullptr;
  PyErr_Clear();
  PyObject* text = msg && PyUnicode_Check(msg) ? msg : (value ? PyObject_Str(value) : nullptr);
  const char* utf8 = text ? PyUnicode_AsUTF8(text) : nullptr;
  e.message = utf8 ? utf8 : "cannot compile";
  if (text != msg) Py_XDECREF(text);
  Py_XDECREF(msg);
  e.line = get_int("lineno");
  e.column = get_int("offset");
  e.end_column = get_int("end_offset");
  PyErr_Clear();
  return e;
}

// Imports the standard-library modules the code names anywhere (co_names of every nested code
// object), so `import heapq` in a child finds it in sys.modules instead of on disk.
void preimport_named_modules(PyObject* code, PyObject* stdlib) {
  auto* co = reinterpret_cast<PyCodeObject*>(code);
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_names); ++i) {
    PyObject* name = PyTuple_GET_ITEM(co->co_names, i);
    if (!PySet_Contains(stdlib, name)) continue;
    std::string_view n = PyUnicode_AsUTF8(name);
    if (std::find(std::begin(kNeverPreimport), std::end(kNeverPreimport), n) !=
        std::end(kNeverPreimport)) {
      continue;
    }
    PyObject* mod = PyImport_Import(name);
    Py_XDECREF(mod);
    PyErr_Clear();
  }
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); ++i) {
    PyObject* c = PyTuple_GET_ITEM(co->co_consts, i);
    if (PyCode_Check(c)) preimport_named_modules(c, stdlib);
  }
}

// The leetcode prelude's names, bound before the module runs. A script test's code is compiled
// in the child, after this, and may name any of them: it gets them all. Other modes get the names
// the solution mentions, so a solution that never names `List` never imports typing.
void bind_prelude(const Setup& setup, PyObject* code, PyObject* globals) {
  if (setup.prelude != Prelude::Leetcode) return;
  if (setup.mode == Mode::Script) {
    PyDict_Update(globals, python::leetcode_prelude());
    return;
  }
  PyObject* names = python::leetcode_prelude_for(code);
  if (names) PyDict_Update(globals, names);
  Py_XDECREF(names);
  PyErr_Clear();
}

PyObject* make_module_globals(const Setup& setup, PyObject* code) {
  // A real module in sys.modules, so pickle and dataclasses find the candidate's classes.
  const char* name = setup.mode == Mode::Stdio ? "__main__" : "solution";
  PyObject* module = PyImport_AddModule(name);  // borrowed
  PyObject* globals = PyModule_GetDict(module);  // borrowed
  PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
  PyObject* file = PyUnicode_FromString(setup.filename.c_str());
  PyDict_SetItemString(globals, "__file__", file);
  Py_XDECREF(file);
  bind_prelude(setup, code, globals);
  Py_INCREF(globals);
  return globals;
}

bool names_any(PyObject* code, std::initializer_list<const char*> names) {
  auto* co = reinterpret_cast<PyCodeObject*>(code);
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_names); ++i) {
    const char* n = PyUnicode_AsUTF8(PyTuple_GET_ITEM(co->co_names, i));
    for (const char* want : names) {
      if (n && std::strcmp(n, want) == 0) return true;
    }
  }
  for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); ++i) {
    PyObject* c = PyTuple_GET_ITEM(co->co_consts, i);
    if (PyCode_Check(c) && names_any(c, names)) return true;
  }
  PyErr_Clear();
  return false;
}

// sortedcontainers is imported only for code that names it (`import sortedcontainers`) or,
// under the leetcode prelude, one of its classes: most solutions never pay for it.
void bind_sortedcontainers(PyObject* code, const Setup& setup, PyObject* globals) {
  bool classes = setup.prelude == Prelude::Leetcode && names_any(code, {"SortedList", "SortedDict", "SortedSet"});
  if (!classes && !names_any(code, {"sortedcontainers"})) return;
  PyObject* module = python::sortedcontainers();
  if (!module || !classes) return;
  for (const char* name : {"SortedList", "SortedDict", "SortedSet", "SortedKeyList"}) {
    if (PyObject* cls = PyObject_GetAttrString(module, name)) {
      PyDict_SetItemString(globals, name, cls);
      Py_DECREF(cls);
    }
  }
  PyErr_Clear();
}

// The box's virtual size now: compiling in a child may grow it by the test's memory limit.
std::uint64_t current_vm_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  unsigned long pages = 0;
  if (f) {
    if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
    std::fclose(f);
  }
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

enum class TrialResult : char { Compiled = 'c', Failed = 'f', OutOfMemory = 'm' };

// Compiling runs before any test and outside every test's limits, so it is tried first in a
// forked child under the test's CPU time, wall time and memory: a compile bomb (a huge literal,
// a deep constant fold) ends there as a compile error that says which limit it hit, never as
// minutes or gigabytes the box spends uncounted. Only a file that compiled within the limits
// (or failed with an ordinary SyntaxError, which the box then reports in full) is compiled again
// in the box.
std::optional<CompileError> trial_compile(const Setup& setup) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) return std::nullopt;  // no trial: the cap on the source still holds
  std::uint64_t vm = current_vm_bytes();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    close(fds[0]);
    auto seconds = static_cast<rlim_t>((setup.limits.time.count() + 999) / 1000);
    rlimit cpu{seconds, seconds + 1};
    rlimit as{static_cast<rlim_t>(vm + setup.limits.memory.value), static_cast<rlim_t>(vm + setup.limits.memory.value)};
    setrlimit(RLIMIT_CPU, &cpu);
    if (vm > 0) setrlimit(RLIMIT_AS, &as);
    PyObject* compile = PyDict_GetItemString(PyEval_GetBuiltins(), "compile");
    PyObject* code = PyObject_CallFunction(compile, "y#ss", setup.source.data(),
                                           static_cast<Py_ssize_t>(setup.source.size()), setup.filename.c_str(), "exec");
    TrialResult r = code ? TrialResult::Compiled
                  : PyErr_ExceptionMatches(PyExc_MemoryError) ? TrialResult::OutOfMemory : TrialResult::Failed;
    (void)!write(fds[1], &r, 1);
    _exit(0);
  }
  close(fds[1]);
  pollfd p{fds[0], POLLIN, 0};
  int ready = 0;
  while ((ready = poll(&p, 1, static_cast<int>(setup.limits.wall.count()))) < 0 && errno == EINTR) {
  }
  char r = 0;
  bool answered = ready > 0 && read(fds[0], &r, 1) == 1;
  close(fds[0]);
  if (!answered) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  CompileError e;
  if (answered && r == static_cast<char>(TrialResult::OutOfMemory)) {
    e.kind = "CompileMemoryLimit";
    e.message = fmt::format("compiling the file needs more than the {:.0f} MiB memory limit", setup.limits.memory.mib());
    return e;
  }
  if (answered) return std::nullopt;
  bool cpu = WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || (ready > 0 && WTERMSIG(status) == SIGKILL));
  e.kind = "CompileTimeLimit";
  e.message = cpu ? fmt::format("compiling the file takes more than the {} ms CPU limit", setup.limits.time.count())
            : ready == 0 ? fmt::format("compiling the file takes more than the {} ms wall limit", setup.limits.wall.count())
                         : "compiling the file failed outside Python (killed by a signal)";
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV) {
    e.kind = "CompileMemoryLimit";
    e.message = fmt::format("compiling the file needs more than the {:.0f} MiB memory limit", setup.limits.memory.mib());
  }
  return e;
}

// The standard-library names to pre-import: all but those a solution folder provides (its
// queue.py shadows the standard one, as the folder of `python3 main.py` does). New reference.
PyObject* preimportable(PyObject* stdlib, const Setup& setup) {
  PyObject* own = PySet_New(nullptr);
  for (const auto& f : setup.modules) {
    std::string top = f.path.substr(0, f.path.find('/'));
    if (top.ends_with(".py")) top.resize(top.size() - 3);
    PyObject* name = PyUnicode_DecodeUTF8(top.data(), static_cast<Py_ssize_t>(top.size()), "strict");
    if (name) PySet_Add(own, name);
    Py_XDECREF(name);
  }
  PyErr_Clear();
  PyObject* out = PyNumber_Subtract(stdlib, own);
  Py_DECREF(own);
  return out;
}

}  // namespace

std::variant<Program, CompileError> prepare(Setup setup) {
  // Compiling runs in the box before any test's limits apply: a source past this cap (an 8 MB
  // list literal) would cost seconds and gigabytes nobody counts, so it is refused unread.
  if (setup.source.size() > kMaxSource) {
    CompileError e;
    e.kind = "SourceTooLarge";
    e.message = fmt::format("source is {} bytes; the limit is {}", setup.source.size(), kMaxSource);
    return e;
  }
  if (auto bomb = trial_compile(setup)) return *bomb;
  PyObject* builtins = PyEval_GetBuiltins();
  PyObject* compile = PyDict_GetItemString(builtins, "compile");
  // Bytes, not str: the file's own coding cookie (or UTF-8) decides, as for `python3 file.py`.
  PyObject* code = PyObject_CallFunction(compile, "y#ss", setup.source.data(),
                                         static_cast<Py_ssize_t>(setup.source.size()),
                                         setup.filename.c_str(), "exec");
  if (!code) return compile_error_from_pending();
  PyObject* stdlib = PySys_GetObject("stdlib_module_names");  // borrowed frozenset
  if (PyObject* names = stdlib ? preimportable(stdlib, setup) : nullptr) {
    preimport_named_modules(code, names);
    Py_DECREF(names);
  }
  PyErr_Clear();
  Program p;
  p.globals = make_module_globals(setup, code);
  bind_sortedcontainers(code, setup, p.globals);
  p.code = code;
  p.setup = std::move(setup);
  return p;
}

// python/solution_folder.py serves the modules from memory, under the folder's name: that name
// on sys.path names nothing the box may read, since Landlock's list is made before (see
// box/main.cpp). Nothing of the candidate's runs here: a module is compiled and run in a child,
// when the code imports it.
std::optional<std::string> install_solution_folder(const Program& program) {
  const Setup& setup = program.setup;
  if (setup.modules.empty()) return std::nullopt;
  std::size_t slash = setup.filename.rfind('/');
  std::string root = slash == std::string::npos || slash == 0 ? "." : setup.filename.substr(0, slash);
  PyObject* ns = PyDict_New();
  PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins());
  PyObject* r = PyRun_String(embedded::kSolutionFolderPy, Py_file_input, ns, ns);
  Py_XDECREF(r);
  PyObject* files = PyDict_New();
  for (const auto& f : setup.modules) {
    PyObject* source = PyBytes_FromStringAndSize(f.source.data(), static_cast<Py_ssize_t>(f.source.size()));
    PyObject* key = PyUnicode_DecodeUTF8(f.path.data(), static_cast<Py_ssize_t>(f.path.size()), "strict");
    if (key && source) PyDict_SetItem(files, key, source);
    Py_XDECREF(key);
    Py_XDECREF(source);
  }
  PyObject* install = r ? PyDict_GetItemString(ns, "install") : nullptr;  // borrowed
  PyObject* done = install ? PyObject_CallFunction(install, "sO", root.c_str(), files) : nullptr;
  std::optional<std::string> error;
  if (!done) error = "cannot install the solution folder's modules: " + python::take_error();
  Py_XDECREF(done);
  Py_DECREF(files);
  Py_DECREF(ns);
  return error;
}

}  // namespace pyjudge::box
