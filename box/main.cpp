// pyjudge-box: the untrusted side. Spawned fresh by the judge for one submission; it never
// receives an expected output. stdin carries requests, stdout responses, stderr diagnostics.
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include "box/run_test.hpp"
#include "protocol/wire.hpp"
#include "python/interpreter.hpp"
#include "sandbox/contain.hpp"

namespace pyjudge::box {
namespace {

constexpr int kRequestFd = 10;
constexpr int kResponseFd = 11;
// The judge's interaction socket (fd 3 at exec, see judge/box_runner.cpp) moves here.
constexpr int kInteractionFd = 12;
// Threads get 1 MiB stacks (glibc would take RLIMIT_STACK, 8 MiB): thread stacks count
// against RLIMIT_DATA, and a threading exercise should not fail for its reservations.
constexpr std::size_t kThreadStack = 1 << 20;

[[noreturn]] void die(const std::string& message) {
  write_frame(kResponseFd, static_cast<std::uint8_t>(MessageType::Fatal), encode(Fatal{message}));
  std::fprintf(stderr, "pyjudge-box: %s\n", message.c_str());
  _exit(3);
}

// Requests and responses move off 0 and 1, which become /dev/null: the candidate's stdio is
// set up per test on 0-2, and nothing Python prints in the box can reach the protocol.
bool move_protocol_fds() {
  if (dup3(0, kRequestFd, O_CLOEXEC) < 0 || dup3(1, kResponseFd, O_CLOEXEC) < 0) return false;
  // A box started without one (by hand) runs every test but an interactive one.
  if (fcntl(3, F_GETFD) >= 0 && (dup3(3, kInteractionFd, O_CLOEXEC) < 0 || close(3) < 0)) return false;
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  return null >= 0 && dup2(null, 0) == 0 && dup2(null, 1) == 1 && close(null) == 0;
}

int add_library_dir(dl_phdr_info* info, size_t, void* data) {
  std::filesystem::path p = info->dlpi_name ? info->dlpi_name : "";
  if (p.is_absolute()) static_cast<std::set<std::string>*>(data)->insert(p.parent_path());
  return 0;
}

// What a child may read: the Python installation (sys.path) and the directories of the shared
// libraries the interpreter loaded, so that an `import` of an extension module still works.
std::vector<std::string> readable_paths() {
  std::set<std::string> paths;
  PyObject* sys_path = PySys_GetObject("path");
  for (Py_ssize_t i = 0; sys_path && i < PyList_GET_SIZE(sys_path); ++i) {
    if (const char* s = PyUnicode_AsUTF8(PyList_GET_ITEM(sys_path, i)); s && *s) paths.insert(s);
  }
  PyErr_Clear();
  // sortedcontainers comes from outside sys.path (see python::sortedcontainers()).
  PyObject* name = PyUnicode_FromString("sortedcontainers");
  PyObject* sc = name ? PyImport_GetModule(name) : nullptr;
  Py_XDECREF(name);
  if (sc) {
    PyObject* file = PyObject_GetAttrString(sc, "__file__");
    if (const char* f = file && PyUnicode_Check(file) ? PyUnicode_AsUTF8(file) : nullptr) {
      paths.insert(std::filesystem::path(f).parent_path());
    }
    Py_XDECREF(file);
    Py_DECREF(sc);
  }
  PyErr_Clear();
  dl_iterate_phdr(add_library_dir, &paths);
  paths.insert("/etc/ld.so.cache");
  paths.insert("/usr/share/zoneinfo");
  paths.insert("/etc/localtime");
  return {paths.begin(), paths.end()};
}

Setup read_setup() {
  auto frame = read_frame(kRequestFd, kMaxFrame);
  if (!frame || frame->type != static_cast<std::uint8_t>(MessageType::Setup)) die("expected Setup");
  return decode_setup(frame->payload);
}

Ready make_ready(const sandbox::BoxLayers& layers, Isolation isolation) {
  Ready ready;
  ready.isolation = isolation;
  ready.python_version = Py_GetVersion();
  ready.layers = sandbox::layer_statuses(layers);
  return ready;
}

// Freeze what exists now: children then never touch these objects' GC headers, so the pages
// stay shared instead of being copied on the first collection.
void freeze_heap() {
  PyObject* gc = PyImport_ImportModule("gc");
  if (!gc) return PyErr_Clear();
  for (const char* fn : {"collect", "freeze"}) {
    PyObject* r = PyObject_CallMethod(gc, fn, nullptr);
    Py_XDECREF(r);
  }
  Py_DECREF(gc);
  PyErr_Clear();
}

void serve(const Program& program, BoxState& box) {
  for (;;) {
    auto frame = read_frame(kRequestFd, kMaxFrame);
    if (!frame) return;  // the judge closed the channel: done
    if (frame->type != static_cast<std::uint8_t>(MessageType::RunTest)) die("expected RunTest");
    auto result = run_test(program, decode_run_test_view(frame->payload), frame->payload, box);
    if (auto* fatal = std::get_if<Fatal>(&result)) die(fatal->message);
    write_frame(kResponseFd, static_cast<std::uint8_t>(MessageType::TestOutcome),
                encode(std::get<TestOutcome>(result)));
  }
}

int box_main() {
  // A child that dies with its command pipe half-written must not take the box with it.
  signal(SIGPIPE, SIG_IGN);
  if (!move_protocol_fds()) die("cannot set up the protocol descriptors");
  sandbox::BoxLayers layers;
  BoxState box;
  if (auto s = sandbox::contain_box_process(kInteractionFd + 1, layers, box.cgroup); !s) die(s.describe());
  if (fcntl(kInteractionFd, F_GETFD) >= 0) box.interaction.reset(kInteractionFd);
  box.statm.reset(open("/proc/self/statm", O_RDONLY | O_CLOEXEC));
  if (!box.statm) die("cannot open /proc/self/statm");
  if (!open_stdin_file(box)) die(std::string("cannot create the tests' stdin file: ") + std::strerror(errno));
  if (auto s = sandbox::compile_seccomp(box.seccomp); !s) die("cannot build the seccomp filter: " + s.describe());
  python::initialize();
  auto prepared = prepare(read_setup());
  if (auto* ce = std::get_if<CompileError>(&prepared)) {
    write_frame(kResponseFd, static_cast<std::uint8_t>(MessageType::CompileError), encode(*ce));
    return 0;
  }
  auto& program = std::get<Program>(prepared);
  if (auto s = sandbox::restrict_box_filesystem(readable_paths(), layers); !s) die(s.describe());
  // Every layer is known now, and no candidate code has run: a required one missing ends here.
  if (auto missing = sandbox::missing_required_layer(sandbox::layer_statuses(layers), program.setup.required_layers)) {
    die(*missing);
  }
  if (auto error = install_solution_folder(program)) die(*error);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kThreadStack);
  pthread_setattr_default_np(&attr);
  freeze_heap();
  if (box.cgroup) {
    if (auto s = limit_test_cgroup(*box.cgroup, program.setup.limits); !s) {
      die("cannot set the cgroup's limits: " + s.describe());
    }
  }
  // Shared isolation measures memory from the cgroup; without one, every test gets a fresh
  // child, measured by rusage net of a calibrated baseline.
  box.isolation = program.setup.isolation == Isolation::Shared && can_share_child(box.cgroup.get())
                      ? Isolation::Shared : Isolation::Process;
  // The rusage figure (the only one without a cgroup, a second one beside it) exists only for a
  // child per test: only then is the calibration child worth its fork.
  if (box.isolation == Isolation::Process) box.calibration = calibrate(box.statm.get());
  write_frame(kResponseFd, static_cast<std::uint8_t>(MessageType::Ready),
              encode(make_ready(layers, box.isolation)));
  serve(program, box);
  return 0;
}

}  // namespace
}  // namespace pyjudge::box

int main() {
  try {
    return pyjudge::box::box_main();
  } catch (const std::exception& e) {
    pyjudge::box::die(e.what());
  }
}
