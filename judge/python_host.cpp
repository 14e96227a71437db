#include "judge/python_host.hpp"

#include <pybind11/embed.h>

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "python/bridge.hpp"
#include "python/interpreter.hpp"

namespace py = pybind11;

namespace pyjudge::host {

namespace {

// Started on first use: most runs (plain YAML values, no checker) never pay for it.
void ensure_started() { python::initialize(); }

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
  static std::map<std::filesystem::path, py::dict> loaded;
  if (auto it = loaded.find(file); it != loaded.end()) return it->second;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream buf;
  buf << in.rdbuf();
  py::dict ns;
  ns["__builtins__"] = py::module_::import("builtins");
  ns["__name__"] = file.stem().string();
  ns["__file__"] = file.string();
  ns["ListNode"] = py::handle(python::structures().list_node);
  ns["TreeNode"] = py::handle(python::structures().tree_node);
  py::exec(py::bytes(buf.str()).attr("decode")("utf-8"), ns);
  return loaded.emplace(file, ns).first->second;
}

template <typename F>
auto guarded(const std::string& where, F&& f) {
  ensure_started();
  try {
    return f();
  } catch (py::error_already_set& e) {
    throw std::runtime_error(where + ": " + e.what());
  }
}

}  // namespace

Value literal_eval(const std::string& source) {
  return guarded("!py literal", [&] {
    auto ast = py::module_::import("ast");
    return to_value(ast.attr("literal_eval")(source), "!py literal");
  });
}

Value big_integer(const std::string& digits) {
  return guarded("integer", [&] {
    return to_value(py::reinterpret_steal<py::object>(PyLong_FromString(digits.c_str(), nullptr, 10)),
                    "integer");
  });
}

Value generate(const std::filesystem::path& file, std::int64_t seed, std::int64_t size, int index) {
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

CheckerVerdict check(const std::filesystem::path& file, const Value& args, const Value& expected,
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
