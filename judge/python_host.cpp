#include "judge/python_host.hpp"

#include <pybind11/embed.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "protocol/files.hpp"
#include "python/bridge.hpp"
#include "python/interpreter.hpp"

namespace py = pybind11;

namespace pyjudge::host {

namespace {

// Started on first use: most runs (plain YAML values, no checker) never pay for it. The judge
// prepares generated tests on one thread while it judges written ones on another, so the
// interpreter's lock is released once started and every call below takes it (PyGILState:
// any thread, reentrant).
void ensure_started() {
  static std::once_flag once;
  std::call_once(once, [] {
    python::initialize();
    PyEval_SaveThread();
  });
}

struct GilHeld {
  PyGILState_STATE state = PyGILState_Ensure();
  GilHeld() = default;
  GilHeld(const GilHeld&) = delete;
  GilHeld& operator=(const GilHeld&) = delete;
  ~GilHeld() { PyGILState_Release(state); }
};

Value to_value(py::handle obj, const char* what) {
  std::string why;
  auto v = python::from_python(obj.ptr(), why);
  if (!v) throw std::runtime_error(std::string(what) + ": " + why);
  return *v;
}

py::object from_value(const Value& v) {
  PyObject* o = python::to_python(v);
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

// Loads an author's Python file as a fresh namespace, once per path.
py::dict load_file(const std::filesystem::path& file) {
  // Never destroyed: at exit no thread holds the interpreter's lock to release them.
  static auto& loaded = *new std::map<std::filesystem::path, py::dict>;
  if (auto it = loaded.find(file); it != loaded.end()) return it->second;
  FileContents source = read_whole_file(file, std::size_t{64} << 20);
  if (!source.ok()) throw std::runtime_error("cannot read " + file.string() + ": " + source.error);
  py::dict ns;
  ns["__builtins__"] = py::module_::import("builtins");
  ns["__name__"] = file.stem().string();
  ns["__file__"] = file.string();
  ns["ListNode"] = py::handle(python::structures().list_node);
  ns["TreeNode"] = py::handle(python::structures().tree_node);
  // compile() under the author's file name: tracebacks and SyntaxErrors then name that file and
  // the line CPython reports (py::exec would say <string>, one line off for its coding header).
  auto builtins = py::module_::import("builtins");
  py::object code = builtins.attr("compile")(py::bytes(source.data), file.string(), "exec");
  builtins.attr("exec")(code, ns);
  return loaded.emplace(file, ns).first->second;
}

// An author's error as Python would print it: the exception line, then the frames in the
// author's own files (file and line), innermost last; the judge's own frames are left out.
std::string describe(py::error_already_set& e) {
  std::string out;
  try {
    auto tb_module = py::module_::import("traceback");
    py::list lines = tb_module.attr("format_exception_only")(e.type(), e.value());
    for (auto line : lines) out += py::str(line).cast<std::string>();
    if (e.trace()) {
      py::list frames = tb_module.attr("extract_tb")(e.trace());
      for (auto f : frames) {
        std::string name = py::str(f.attr("filename")).cast<std::string>();
        if (name.empty() || name[0] == '<') continue;
        out += "  at " + name + ":" + py::str(f.attr("lineno")).cast<std::string>() + " in " +
               py::str(f.attr("name")).cast<std::string>() + "\n";
      }
    }
  } catch (const py::error_already_set&) {
    out = e.what();
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

template <typename F>
auto guarded(const std::string& where, F&& f) {
  ensure_started();
  GilHeld gil;
  try {
    return f();
  } catch (py::error_already_set& e) {
    throw std::runtime_error(where + ": " + describe(e));
  }
}

}  // namespace

Value literal_eval(const std::string& source) {
  return guarded("!py literal", [&] {
    auto ast = py::module_::import("ast");
    py::object tree;
    try {
      tree = ast.attr("parse")(source, "<!py>", "eval");
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_SyntaxError)) throw;
      throw std::runtime_error("not valid Python: " + py::str(e.value().attr("msg")).cast<std::string>());
    }
    try {
      return to_value(ast.attr("literal_eval")(tree), "!py literal");
    } catch (py::error_already_set& e) {
      if (!e.matches(PyExc_ValueError)) throw;
      // literal_eval names the offending node by its repr (<ast.Call object at 0x...>): name
      // the construct instead.
      std::string what = "an expression";
      for (py::handle node : ast.attr("walk")(tree)) {
        std::string kind = py::str(py::type::handle_of(node).attr("__name__")).cast<std::string>();
        if (kind == "Call" || kind == "Name" || kind == "Attribute" || kind == "BinOp" || kind == "Compare" ||
            kind == "Lambda" || kind == "ListComp" || kind == "Subscript" || kind == "BoolOp") {
          what = "a " + kind + " (" + py::str(ast.attr("unparse")(node)).cast<std::string>().substr(0, 80) + ")";
          break;
        }
      }
      throw std::runtime_error("not a Python literal: " + what +
                               " is not allowed; use numbers, strings, bytes, tuples, lists, dicts, sets, "
                               "True, False and None");
    }
  });
}

Value big_integer(const std::string& digits) {
  return guarded("integer", [&] {
    return to_value(py::reinterpret_steal<py::object>(PyLong_FromString(digits.c_str(), nullptr, 10)),
                    "integer");
  });
}

Value generate(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index,
               const AuthorBudget& budget) {
  return generate_in_worker(file, seed, size, index, budget);
}

CheckerVerdict check(const std::filesystem::path& file, const Value& args, const Value& expected,
                     const Value& got, const AuthorBudget& budget) {
  return check_in_worker(file, args, expected, got, budget);
}

Value generate_here(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index) {
  return guarded(file.string(), [&] {
    py::dict ns = load_file(file);
    if (!ns.contains("generate")) throw std::runtime_error(file.string() + " defines no generate(rng, size)");
    auto random = py::module_::import("random");
    py::object rng = random.attr("Random")(std::to_string(seed) + ":" + std::to_string(size) + ":" +
                                           std::to_string(index));
    py::object test = ns["generate"](rng, size);
    if (!py::isinstance<py::dict>(test)) {
      throw std::runtime_error(file.string() + ": generate() must return a dict of test fields");
    }
    return to_value(test, (file.string() + ": generate() returned").c_str());
  });
}

CheckerVerdict check_here(const std::filesystem::path& file, const Value& args, const Value& expected,
                          const Value& got) {
  return guarded(file.string(), [&] {
    py::dict ns = load_file(file);
    if (!ns.contains("check")) throw std::runtime_error(file.string() + " defines no check()");
    py::object r = ns["check"](from_value(args), from_value(expected), from_value(got));
    CheckerVerdict out;
    if (py::isinstance<py::tuple>(r) && py::len(r) == 2) {
      out.accepted = py::bool_(r[py::int_(0)]);
      out.message = py::str(r[py::int_(1)]);
    } else {
      out.accepted = py::bool_(r);
    }
    return out;
  });
}

bool is_builtin_name(const std::string& name) {
  return guarded("builtins", [&] { return py::hasattr(py::module_::import("builtins"), name.c_str()); });
}

std::span<const std::string_view> builtin_exception_names() {
  // dir(builtins) of CPython 3.11, the BaseException subclasses (aliases included).
  static constexpr std::string_view kNames[] = {
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
      "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
      "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
      "DeprecationWarning", "EOFError", "EncodingWarning", "EnvironmentError", "Exception",
      "ExceptionGroup", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
      "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
      "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
      "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError",
      "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
      "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
      "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
      "TabError", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
      "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
      "ValueError", "Warning", "ZeroDivisionError"};
  return kNames;
}

std::optional<std::string_view> builtin_exception(const std::string& module, const std::string& type) {
  if (module != "builtins") return std::nullopt;
  for (std::string_view name : builtin_exception_names()) {
    if (name == type) return name;
  }
  return std::nullopt;
}

std::vector<std::string> global_names(const std::string& code) {
  return guarded("names", [&] {
    py::dict ns;
    ns["source"] = code;
    py::exec(R"(
import builtins, types
def _names(co, out):
    out.update(co.co_names)
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            _names(c, out)
found = set()
_names(compile(source, "<test>", "exec"), found)
names = sorted(n for n in found if not hasattr(builtins, n))
)", ns);
    std::vector<std::string> out;
    for (auto n : ns["names"]) out.push_back(py::str(n));
    return out;
  });
}

void check_compiles(const std::string& code, const std::string& filename) {
  guarded(filename, [&] {
    py::module_::import("builtins").attr("compile")(code, filename, "exec");
    return 0;
  });
}

}  // namespace pyjudge::host
