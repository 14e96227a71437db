// Inside a test's child: everything here runs next to candidate code, after the sandbox is in
// place. Nothing here is trusted by the judge; it only has to be useful to an honest candidate.
#include <signal.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#include <iterator>
#include <optional>
#include <new>

#include "box/child.hpp"
#include "protocol/wire.hpp"
#include "python/bridge.hpp"
#include "python/interpreter.hpp"

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
  python::FetchedError pending = python::FetchedError::take();
  PyObject* type = pending.type();
  PyObject* value = pending.value();
  PyObject* tb = pending.traceback();
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

// What one test did to the child beyond its result.
struct TestRun {
  bool unfit = false;  ///< an error that may leave the harness or the heap half-built
};

void report(const ChildReport& r) {
  flush_stdio();
  write_all(kReportFd, encode(r));
}

void report_returned(const Writer& encoded_value) {
  flush_stdio();
  write_all(kReportFd, encode_returned_report(encoded_value.data()));
}

void report_pending_exception(TestRun& run) {
  // After a MemoryError or a RecursionError the heap or the harness may be half-built: the
  // next test gets a fresh child.
  run.unfit = run.unfit || PyErr_ExceptionMatches(PyExc_MemoryError) ||
              PyErr_ExceptionMatches(PyExc_RecursionError);
  report(describe_pending_exception());
}

// Reports `obj` (new reference, or null with an exception pending).
void report_result(PyObject* obj, TestRun& run) {
  if (!obj) return report_pending_exception(run);
  std::string why;
  Writer value;
  bool plain = python::encode_python(obj, value, why);
  Py_DECREF(obj);
  if (!plain) return report(NotPlainData{why});
  report_returned(value);
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

void run_function(const Program& p, const TestInput& in, TestRun& run) {
  PyObject* fn = resolve_entry(p);
  if (!fn) return report_result(nullptr, run);
  PyObject* args = PyList_AsTuple(in.args);
  PyObject* ret = PyObject_Call(fn, args, in.kwargs);
  Py_DECREF(fn);
  if (ret && in.test->compare_arg >= 0) {
    Py_DECREF(ret);
    ret = PyTuple_GetItem(args, static_cast<Py_ssize_t>(in.test->compare_arg));
    Py_XINCREF(ret);
  }
  Py_DECREF(args);
  report_result(ret, run);
}

// LeetCode's design encoding: ops[0] constructs, every later op is a method call; each result
// is serialised as soon as it returns, before later calls can mutate it.
void run_design(const Program& p, const TestInput& in, TestRun& run) {
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
    if (!ret) {
      report_pending_exception(run);
      Py_XDECREF(instance);
      return;
    }
    if (i == 0) {
      instance = ret;
      encode(Value::none(), results);
      continue;
    }
    std::string why;
    bool plain = python::encode_python(ret, results, why);
    Py_DECREF(ret);
    if (!plain) {
      report(NotPlainData{"operation " + std::to_string(i) + " (" + ops[i] + "): " + why});
      Py_XDECREF(instance);
      return;
    }
  }
  Py_XDECREF(instance);
  report_returned(results);
}

// Each test's code runs in its own copy of the module's namespace: a `result` (or any name) a
// previous test set is not there.
void run_script(const Program& p, const TestInput& in, TestRun& run) {
  PyObject* ns = PyDict_Copy(p.globals);
  if (!ns) return report_result(nullptr, run);
  PyObject* r = PyEval_EvalCode(in.snippet, ns, ns);
  if (!r) {
    Py_DECREF(ns);
    return report_result(nullptr, run);
  }
  Py_DECREF(r);
  PyObject* result = PyDict_GetItemString(ns, "result");
  Py_XINCREF(result);
  Py_DECREF(ns);
  if (!result) PyErr_SetString(PyExc_NameError, "the test code did not set 'result'");
  report_result(result, run);
}

// A stdio program ends like `python3 sol.py` would: SystemExit(None or 0) is success, an int is
// the exit status, anything else is printed and exits 1. A non-zero status ends the child.
void finish_stdio_exit() {
  int status = 0;
  {
    python::FetchedError pending = python::FetchedError::take();
    PyObject* value = pending.value();
    PyObject* code = value ? PyObject_GetAttrString(value, "code") : nullptr;
    PyErr_Clear();
    if (code && PyLong_Check(code)) {
      status = static_cast<int>(PyLong_AsLong(code)) & 0xff;
    } else if (code && code != Py_None) {
      PySys_WriteStderr("%s\n", str_of(code, "").c_str());
      status = 1;
    }
    Py_XDECREF(code);
  }  // the exception is released here, before the result is reported
  PyErr_Clear();
  report(Returned{Value::none()});
  if (status != 0) _exit(status);
}

// ---- the child's life: set-up once, then tests until the box closes the command channel ----

// A copy of the test's stdin, put back before every test: `open(0).read()` closes fd 0 when the
// file is collected, and the next test still has its input.
constexpr int kStdinCopyFd = 7;

void marker(char m) { [[maybe_unused]] ssize_t n = write(kControlFd, &m, 1); }

[[noreturn]] void fail(const std::string& message) {
  marker(kMarkerFailed);
  write_all(kControlFd, message.substr(0, 4096));
  _exit(126);
}

// What a test may change that would leak into the next one. Compared after every test; any
// difference ends the child (the box forks a fresh one) rather than being undone piecemeal.
// The working directory cannot change (chdir is not in the seccomp allowlist); threads are
// counted by the box, from the cgroup, outside the child.
struct Hygiene {
  int lowest_free_fd = -1;
  PyObject* getsignal = nullptr;  ///< _signal.getsignal, bound before candidate code
  PyObject* handlers = nullptr;   ///< tuple: the Python-level handler of each watched signal
  PyObject* stdout_obj = nullptr;  ///< sys.stdout / sys.stderr as set-up left them
  PyObject* stderr_obj = nullptr;
};

// Only the signals a test can be interrupted by without asking for it.
constexpr int kWatchedSignals[] = {SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGINT, SIGTERM, SIGHUP,
                                   SIGUSR1, SIGUSR2, SIGCHLD, SIGPIPE, SIGIO, SIGURG, SIGWINCH};

int lowest_free_fd() {
  int fd = dup(kCommandFd);
  if (fd >= 0) close(fd);
  return fd;
}

bool interval_timer_armed() {
  for (int which : {ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF}) {
    itimerval t{};
    if (getitimer(which, &t) == 0 && (t.it_value.tv_sec || t.it_value.tv_usec)) return true;
  }
  return false;
}

// Python-level handlers (what signal.signal() sets; no system call to read them).
PyObject* handlers_now(PyObject* getsignal) {
  constexpr auto n = static_cast<Py_ssize_t>(std::size(kWatchedSignals));
  PyObject* out = PyTuple_New(n);
  for (Py_ssize_t i = 0; out && i < n; ++i) {
    PyObject* h = getsignal ? PyObject_CallFunction(getsignal, "i", kWatchedSignals[i]) : nullptr;
    if (!h) {
      PyErr_Clear();
      h = Py_NewRef(Py_None);
    }
    PyTuple_SET_ITEM(out, i, h);
  }
  return out;
}

// stdin is rewound (and put back if the test closed or replaced fd 0) for the next test;
// sys.stdout and sys.stderr go back to the objects set-up left (a test may have redirected them).
void restore_stdio(const Hygiene& h) {
  dup2(kStdinCopyFd, 0);
  lseek(0, 0, SEEK_SET);
  if (h.stdout_obj) PySys_SetObject("stdout", h.stdout_obj);
  if (h.stderr_obj) PySys_SetObject("stderr", h.stderr_obj);
}

Hygiene take_hygiene() {
  Hygiene h;
  h.stdout_obj = Py_XNewRef(PySys_GetObject("stdout"));
  h.stderr_obj = Py_XNewRef(PySys_GetObject("stderr"));
  PyObject* signal_module = PyImport_ImportModule("_signal");
  h.getsignal = signal_module ? PyObject_GetAttrString(signal_module, "getsignal") : nullptr;
  Py_XDECREF(signal_module);
  PyErr_Clear();
  h.handlers = handlers_now(h.getsignal);
  restore_stdio(h);
  h.lowest_free_fd = lowest_free_fd();
  return h;
}

bool left_state_behind(const Hygiene& h) {
  restore_stdio(h);
  // A descriptor left open (or one of 1-3 closed) moves the lowest free number.
  if (lowest_free_fd() != h.lowest_free_fd || interval_timer_armed()) return true;
  PyObject* now = handlers_now(h.getsignal);
  int same = now && h.handlers ? PyObject_RichCompareBool(now, h.handlers, Py_EQ) : 0;
  Py_XDECREF(now);
  PyErr_Clear();
  return same != 1;
}

// Python objects for the test, built in the child straight from the frame the box forwarded
// (owned references, released as soon as the test has run).
struct PreparedInput {
  std::string payload;  ///< the frame's payload: `test` views into it
  RunTestView test;
  TestInput input;
  ~PreparedInput() {
    Py_XDECREF(input.args);
    Py_XDECREF(input.kwargs);
    Py_XDECREF(input.snippet);
  }
};

void prepare_input(std::string payload, PreparedInput& prepared) {
  prepared.payload = std::move(payload);
  try {
    prepared.test = decode_run_test_view(prepared.payload);
  } catch (const ProtocolError& e) {
    fail(std::string("bad test from the box: ") + e.what());
  }
  TestInput& in = prepared.input;
  in.test = &prepared.test;
  in.args = python::decode_to_python(prepared.test.args);
  in.kwargs = python::decode_to_python(prepared.test.kwargs);
  if (!in.args || !in.kwargs || !PyList_Check(in.args) || !PyDict_Check(in.kwargs)) {
    fail("cannot build the test's arguments: " + python::take_error());
  }
  if (!prepared.test.code.empty()) {
    in.snippet = Py_CompileString(prepared.test.code.c_str(), "<test>", Py_file_input);
    if (!in.snippet) fail("the test's code does not compile: " + python::take_error());
  }
}

// The module runs once per child (stdio programs are the test itself: they run per test).
void run_module(const Program& p) {
  if (p.setup.mode == Mode::Stdio) return;
  PyObject* r = PyEval_EvalCode(p.code, p.globals, p.globals);
  if (r) {
    Py_DECREF(r);
    return;
  }
  // The first test's result: the module raised. This child serves no test.
  report(describe_pending_exception());
  _exit(0);
}

// `_io.open(0, "r", closefd=False)`, bound before any candidate code runs: a module-level
// `io.open = ...` does not reach it.
struct StdinOpener {
  PyObject* open = nullptr;
  PyObject* args = nullptr;
  PyObject* kwargs = nullptr;
  bool ready() const { return open && args && kwargs; }
  PyObject* operator()() const { return PyObject_Call(open, args, kwargs); }
};

StdinOpener stdin_opener() {
  StdinOpener o;
  PyObject* io = PyImport_ImportModule("_io");
  o.open = io ? PyObject_GetAttrString(io, "open") : nullptr;
  Py_XDECREF(io);
  o.args = Py_BuildValue("(is)", 0, "r");
  o.kwargs = Py_BuildValue("{s:O}", "closefd", Py_False);
  return o;
}

// A stdio test runs the whole program again, in the module's namespace as it was before any
// test ran, reading this test's input from a fresh sys.stdin.
void run_stdio(const Program& p, PyObject* initial_globals, const StdinOpener& open_stdin) {
  PyDict_Clear(p.globals);
  PyDict_Update(p.globals, initial_globals);
  PyObject* stdin_obj = open_stdin();
  if (stdin_obj) {
    PySys_SetObject("stdin", stdin_obj);
    Py_DECREF(stdin_obj);
  }
  PyErr_Clear();
  PyObject* r = PyEval_EvalCode(p.code, p.globals, p.globals);
  if (r) {
    Py_DECREF(r);
    return report(Returned{Value::none()});
  }
  if (PyErr_ExceptionMatches(PyExc_SystemExit)) return finish_stdio_exit();
  report(describe_pending_exception());
  flush_stdio();
  _exit(1);
}

void run_one(const Program& p, const TestInput& in, TestRun& run, PyObject* initial_globals,
             const StdinOpener& open_stdin) {
  switch (p.setup.mode) {
    case Mode::Function: return run_function(p, in, run);
    case Mode::Design: return run_design(p, in, run);
    case Mode::Script: return run_script(p, in, run);
    case Mode::Stdio: return run_stdio(p, initial_globals, open_stdin);
  }
}

}  // namespace

void serve_tests(const Program& p) {
  try {
    PyObject* initial_globals = PyDict_Copy(p.globals);
    StdinOpener open_stdin = stdin_opener();
    if (!initial_globals || !open_stdin.ready()) fail("cannot prepare the child: " + python::take_error());
    run_module(p);
    Hygiene hygiene = take_hygiene();
    marker(kMarkerSetUp);
    for (;;) {
      std::optional<Frame> frame;
      try {
        frame = read_frame(kCommandFd, kMaxFrame);
      } catch (const ProtocolError&) {
        _exit(122);
      }
      if (!frame) _exit(0);  // the box is done with this child; no atexit, no finalisation
      TestRun run;
      {
        PreparedInput prepared;
        prepare_input(std::move(frame->payload), prepared);
        frame.reset();
        marker(kMarkerBegin);
        char go = 0;
        if (read(kCommandFd, &go, 1) != 1 || go != kMarkerGo) _exit(122);
        run_one(p, prepared.input, run, initial_globals, open_stdin);
      }  // the input is released before End: the box sees what the test itself kept
      flush_stdio();
      bool unfit = run.unfit || left_state_behind(hygiene);
      marker(unfit ? kMarkerEndUnfit : kMarkerEnd);
    }
  } catch (const std::bad_alloc&) {
    // Memory ran out in the harness itself; the judge sees the figures and decides.
    _exit(120);
  }
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
