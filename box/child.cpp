// Inside a test's child: everything here runs next to candidate code, after the sandbox is in
// place. Nothing here is trusted by the judge; it only has to be useful to an honest candidate.
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#include <new>

#include "box/program.hpp"
#include "protocol/wire.hpp"
#include "python/bridge.hpp"

namespace pyjudge::box {

namespace {

constexpr std::size_t kMaxMessage = 4096;  // below the judge's caps (protocol/messages.hpp)
constexpr std::size_t kMaxFrames = 400;
constexpr std::size_t kMaxName = kMaxReportName;

std::string str_of(PyObject* o, const char* fallback) {
  PyObject* s = o ? PyObject_Str(o) : nullptr;
  const char* text = s ? PyUnicode_AsUTF8(s) : nullptr;
  std::string out = text ? text : fallback;
  Py_XDECREF(s);
  PyErr_Clear();
  if (out.size() > kMaxMessage) out.resize(kMaxMessage);
  return out;
}

std::string attr_str(PyObject* o, const char* name, const char* fallback) {
  PyObject* v = PyObject_GetAttrString(o, name);
  std::string out = v && PyUnicode_Check(v) ? str_of(v, fallback) : fallback;
  Py_XDECREF(v);
  PyErr_Clear();
  return out;
}

// A class the candidate wrote (a heap type) may call itself anything: __module__ = "builtins",
// __qualname__ = "ValueError". Only a static type, compiled into CPython, is reported as a
// builtin; a heap type claiming that module is reported under the solution's.
bool is_static_type(PyObject* cls) {
  return PyType_Check(cls) && !(reinterpret_cast<PyTypeObject*>(cls)->tp_flags & Py_TPFLAGS_HEAPTYPE);
}

std::string class_module(PyObject* cls) {
  std::string module = attr_str(cls, "__module__", "?");
  if (module.size() > kMaxName) module.resize(kMaxName);
  if (module == "builtins" && !is_static_type(cls)) return "solution";
  return module;
}

std::string class_name(PyObject* cls) {
  std::string name = attr_str(cls, "__qualname__", PyType_Check(cls) ? reinterpret_cast<PyTypeObject*>(cls)->tp_name : "?");
  if (name.size() > kMaxName) name.resize(kMaxName);
  return name;
}

std::vector<TraceFrame> frames_of(PyObject* tb) {
  std::vector<TraceFrame> frames;
  for (PyObject* t = tb; t && t != Py_None;) {
    auto* tbo = reinterpret_cast<PyTracebackObject*>(t);
    PyCodeObject* code = PyFrame_GetCode(tbo->tb_frame);
    TraceFrame f;
    f.file = str_of(code->co_filename, "?").substr(0, kMaxName);
    f.function = str_of(code->co_name, "?").substr(0, kMaxName);
    PyObject* line = PyObject_GetAttrString(t, "tb_lineno");
    f.line = line ? PyLong_AsLong(line) : 0;
    Py_XDECREF(line);
    Py_DECREF(code);
    PyErr_Clear();
    frames.push_back(std::move(f));
    t = reinterpret_cast<PyObject*>(tbo->tb_next);
  }
  // A RecursionError carries ~1000 identical frames: keep both ends, which is what helps.
  if (frames.size() > kMaxFrames) {
    frames.erase(frames.begin() + kMaxFrames / 4, frames.end() - (kMaxFrames * 3) / 4);
  }
  return frames;
}

RaisedException describe_pending_exception() {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  if (tb && value) PyException_SetTraceback(value, tb);
  RaisedException e;
  auto* t = reinterpret_cast<PyTypeObject*>(type);
  e.type = class_name(type);
  e.module = class_module(type);
  if (t && t->tp_mro) {
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t->tp_mro) && e.mro.size() < kMaxReportMro; ++i) {
      PyObject* base = PyTuple_GET_ITEM(t->tp_mro, i);
      e.mro.push_back(class_module(base) + "." + class_name(base));
    }
  }
  e.message = str_of(value, "<exception str() failed>");
  e.frames = frames_of(tb);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  PyErr_Clear();
  return e;
}

void flush_stdio() {
  for (const char* name : {"stdout", "stderr"}) {
    PyObject* stream = PySys_GetObject(name);  // borrowed
    if (!stream || stream == Py_None) continue;
    PyObject* r = PyObject_CallMethod(stream, "flush", nullptr);
    Py_XDECREF(r);
    PyErr_Clear();  // a closed stdout is the candidate's business
  }
}

[[noreturn]] void finish(const ChildReport& report, int exit_code) {
  flush_stdio();
  write_all(kReportFd, encode(report));
  _exit(exit_code);
}

[[noreturn]] void finish_returned(const Writer& encoded_value) {
  flush_stdio();
  write_all(kReportFd, encode_returned_report(encoded_value.data()));
  _exit(0);
}

// Serialises `obj` (new reference, may be null with an exception pending) and exits.
[[noreturn]] void finish_with(PyObject* obj) {
  if (!obj) finish(describe_pending_exception(), 0);
  std::string why;
  Writer value;
  bool plain = python::encode_python(obj, value, why);
  Py_DECREF(obj);
  if (!plain) finish(NotPlainData{why}, 0);
  finish_returned(value);
}

PyObject* lookup(PyObject* globals, const std::string& name) {
  PyObject* obj = PyDict_GetItemString(globals, name.c_str());
  if (!obj) {
    PyErr_Format(PyExc_NameError, "the solution does not define '%s'", name.c_str());
    return nullptr;
  }
  Py_INCREF(obj);
  return obj;
}

// "name" or "Class.method"; a class gets a fresh instance per test, as on LeetCode.
PyObject* resolve_entry(const Program& p) {
  const std::string& entry = p.setup.entry;
  auto dot = entry.find('.');
  if (dot == std::string::npos) return lookup(p.globals, entry);
  PyObject* cls = lookup(p.globals, entry.substr(0, dot));
  if (!cls) return nullptr;
  PyObject* instance = PyObject_CallNoArgs(cls);
  Py_DECREF(cls);
  if (!instance) return nullptr;
  PyObject* method = PyObject_GetAttrString(instance, entry.c_str() + dot + 1);
  Py_DECREF(instance);
  return method;
}

[[noreturn]] void run_function(const Program& p, const TestInput& in) {
  PyObject* fn = resolve_entry(p);
  if (!fn) finish_with(nullptr);
  PyObject* args = PyList_AsTuple(in.args);
  PyObject* ret = PyObject_Call(fn, args, in.kwargs);
  Py_DECREF(fn);
  if (ret && in.test->compare_arg >= 0) {
    Py_DECREF(ret);
    ret = PyTuple_GetItem(args, static_cast<Py_ssize_t>(in.test->compare_arg));
    Py_XINCREF(ret);
  }
  Py_DECREF(args);
  finish_with(ret);
}

// LeetCode's design encoding: ops[0] constructs, every later op is a method call; each result
// is serialised as soon as it returns, before later calls can mutate it.
[[noreturn]] void run_design(const Program& p, const TestInput& in) {
  const auto& ops = in.test->ops;
  Writer results;  // a list: None for the constructor, then each call's result
  encode_collection_header(Value::Kind::List, ops.size(), results);
  PyObject* instance = nullptr;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    PyObject* call_args = PyList_AsTuple(PyList_GET_ITEM(in.args, i));
    PyObject* target = i == 0 ? lookup(p.globals, p.setup.entry.empty() ? ops[0] : p.setup.entry)
                              : PyObject_GetAttrString(instance, ops[i].c_str());
    PyObject* ret = target && call_args ? PyObject_Call(target, call_args, nullptr) : nullptr;
    Py_XDECREF(target);
    Py_XDECREF(call_args);
    if (!ret) finish_with(nullptr);
    if (i == 0) {
      instance = ret;
      encode(Value::none(), results);
      continue;
    }
    std::string why;
    bool plain = python::encode_python(ret, results, why);
    Py_DECREF(ret);
    if (!plain) finish(NotPlainData{"operation " + std::to_string(i) + " (" + ops[i] + "): " + why}, 0);
  }
  finish_returned(results);
}

[[noreturn]] void run_script(const Program& p, const TestInput& in) {
  PyObject* r = PyEval_EvalCode(in.snippet, p.globals, p.globals);
  if (!r) finish_with(nullptr);
  Py_DECREF(r);
  PyObject* result = PyDict_GetItemString(p.globals, "result");
  Py_XINCREF(result);
  if (!result) PyErr_SetString(PyExc_NameError, "the test code did not set 'result'");
  finish_with(result);
}

// A stdio program ends like `python3 sol.py` would: SystemExit(None or 0) is success, an int is
// the exit status, anything else is printed and exits 1.
[[noreturn]] void finish_stdio_exit() {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  PyObject* code = value ? PyObject_GetAttrString(value, "code") : nullptr;
  PyErr_Clear();
  int status = 0;
  if (code && PyLong_Check(code)) {
    status = static_cast<int>(PyLong_AsLong(code)) & 0xff;
  } else if (code && code != Py_None) {
    PySys_WriteStderr("%s\n", str_of(code, "").c_str());
    status = 1;
  }
  Py_XDECREF(code);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  finish(Returned{Value::none()}, status);
}

}  // namespace

void run_child(const Program& p, const TestInput& in) {
  try {
    PyObject* module_result = PyEval_EvalCode(p.code, p.globals, p.globals);
    if (!module_result && p.setup.mode == Mode::Stdio && PyErr_ExceptionMatches(PyExc_SystemExit)) {
      finish_stdio_exit();
    }
    if (!module_result) finish(describe_pending_exception(), p.setup.mode == Mode::Stdio ? 1 : 0);
    Py_DECREF(module_result);
    switch (p.setup.mode) {
      case Mode::Function: run_function(p, in);
      case Mode::Design: run_design(p, in);
      case Mode::Script: run_script(p, in);
      case Mode::Stdio: finish(Returned{Value::none()}, 0);
    }
  } catch (const std::bad_alloc&) {
    // Memory ran out in the harness itself; the judge sees the rusage and decides.
    _exit(120);
  }
  _exit(121);
}

namespace {

// Async-signal-safe: no allocation, no Python; the frame is built on the stack.
void report_forbidden_call(int, siginfo_t* info, void*) {
  unsigned char frame[kForbiddenReportSize];
  encode_forbidden_report(info->si_syscall, frame);
  [[maybe_unused]] ssize_t n = write(kReportFd, frame, sizeof frame);
  syscall(SYS_exit_group, 125);
}

}  // namespace

void install_forbidden_call_reporter() {
  struct sigaction sa {};
  sa.sa_sigaction = report_forbidden_call;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSYS, &sa, nullptr);
}

}  // namespace pyjudge::box
