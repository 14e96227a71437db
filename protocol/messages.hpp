// Messages between the judge (trusted) and the box (untrusted), and the record a test's child
// process leaves on its result pipe.
//
// Direction and trust:
//   judge -> box : Setup, RunTest             (never an expected value)
//   box -> judge : Ready | CompileError | Fatal, then one TestOutcome per RunTest
//   child -> box -> judge : ChildReport, forwarded as opaque bytes and decoded only by the judge,
//                           which treats it as hostile (the candidate can write to that pipe).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "protocol/limits.hpp"
#include "protocol/value.hpp"

namespace pyjudge {

enum class MessageType : std::uint8_t {
  Setup = 1,
  Ready = 2,
  CompileError = 3,
  Fatal = 4,
  RunTest = 5,
  TestOutcome = 6,
  ChildReport = 7,
};

enum class Mode : std::uint8_t { Function, Stdio, Design, Script };
enum class Prelude : std::uint8_t { None, Leetcode };
/// Shared: one warm child runs the module once and then the tests one after another (a fresh
/// child after any abnormal end). Process: a fresh child per test, which runs the module again.
enum class Isolation : std::uint8_t { Shared, Process };

/// Largest frame either side accepts.
inline constexpr std::size_t kMaxFrame = std::size_t{2} << 30;

/// Largest candidate source the box compiles; a larger one is a compile error ("source is N
/// bytes; the limit is M").
inline constexpr std::size_t kMaxSource = std::size_t{256} << 10;

/// One sandbox layer as the box applied it: active (with what it found, e.g. "ABI 4"), missing
/// on this host (with why), or not needed here (credentials when the box is not root).
enum class LayerState : std::uint8_t { Active, Missing, NotNeeded };

struct LayerStatus {
  std::string name;  ///< "rlimits", "seccomp", "fds", "hygiene", "credentials", "namespaces", "cgroups", "landlock"
  LayerState state = LayerState::Missing;
  std::string detail;
  bool operator==(const LayerStatus&) const = default;
};

/// "active", "missing", "not-needed".
const char* layer_state_name(LayerState s);

/// A module of a solution folder besides its entry file: importable in the box as if the folder
/// were on sys.path (served from memory: nothing is written to or read from a filesystem).
struct ModuleFile {
  std::string path;    ///< relative to the folder, '/'-separated: "helper.py", "pkg/__init__.py"
  std::string source;  ///< the file's bytes
};

struct Setup {
  Mode mode = Mode::Function;
  Prelude prelude = Prelude::None;
  std::string entry;     ///< "name", "Class.method" or, in design mode, the class name
  std::string filename;  ///< shown in tracebacks
  std::string source;    ///< the candidate's file, bytes as read
  Limits limits;
  Isolation isolation = Isolation::Shared;
  /// Layers the user requires (`--require`): the box answers Fatal, naming the first one it
  /// cannot apply, before any candidate code runs.
  std::vector<std::string> required_layers;
  std::vector<ModuleFile> modules{};  ///< a solution folder's other modules (judge/solution_folder.hpp)
};

struct Ready {
  std::string python_version;
  std::vector<LayerStatus> layers;  ///< every layer, in the box's order, in every test
  /// What the box applies: Shared needs a cgroup whose memory peak can be reset (per-test
  /// memory net of what the child held); without one the box runs every test in a fresh child.
  Isolation isolation = Isolation::Process;
};

struct CompileError {
  std::string message;  ///< e.g. "invalid syntax"
  std::string kind;     ///< SyntaxError, IndentationError, TabError, ...
  std::int64_t line = 0;
  std::int64_t column = 0;      ///< 1-based, 0 when unknown
  std::int64_t end_column = 0;  ///< 1-based exclusive, 0 when unknown
};

struct Fatal {
  std::string message;
};

/// A test as the judge holds and sends it. Its values stay encoded (EncodedValue): the judge
/// sends their bytes as they are and decodes them only to show or inspect them.
struct RunTest {
  EncodedValue args{Value::sequence(Value::Kind::List, {})};    ///< positional: function; per-op: design
  EncodedValue kwargs{Value::sequence(Value::Kind::Dict, {})};  ///< function mode
  std::vector<std::string> ops;                           ///< design mode
  std::string code;                                       ///< script mode
  std::string stdin_data;
  std::int64_t compare_arg = -1;  ///< function mode: report this argument instead of the return
  bool fresh = false;  ///< run in a fresh child (a re-run of a test that failed in a shared one)
  /// Stdio talking to an interactor: the box takes the child's stdin and stdout (two pipe ends
  /// the judge passed on the interaction socket just before this frame) and runs it in a fresh
  /// child; `stdin_data` is unused.
  bool interactive = false;
};

/// A RunTest read without building its values: `args` and `kwargs` are their encoded bytes, views
/// into the payload it was read from (which must outlive it). The box forwards a test this way,
/// and the child builds Python objects straight from the bytes, never holding a Value tree.
struct RunTestView {
  std::string_view args, kwargs;
  std::vector<std::string> ops;
  std::string code;
  std::string_view stdin_data;
  std::int64_t compare_arg = -1;
  bool fresh = false;
  bool interactive = false;
};

enum class KilledBy : std::uint8_t { None, WallClock, CpuTime, Output };

/// What the box observed of one child, from the kernel (wait4) and from the pipes it read.
struct TestOutcome {
  bool signaled = false;
  int status = 0;  ///< exit code, or signal number when `signaled`
  KilledBy killed_by = KilledBy::None;
  Micros user{0};
  Micros system{0};
  Micros wall{0};
  Bytes max_rss;   ///< ru_maxrss of the child
  Bytes baseline;  ///< resident size of the box at fork time
  Bytes cgroup_peak;       ///< the test cgroup's peak memory; 0 when the box has no cgroup
  bool cgroup_oom = false; ///< the kernel's OOM killer ended the test (cgroup memory limit)
  std::string stdout_data;
  std::string stderr_data;  ///< a bounded window: the first bytes written
  bool stderr_truncated = false;
  std::string report;  ///< raw ChildReport frame bytes, untrusted
  bool report_truncated = false;
  /// The child ran the candidate's module during this test (its first in that child): the
  /// module's own CPU and memory, already included in the figures above.
  bool ran_setup = false;
  bool first_in_child = false;  ///< no earlier test ran in this child (nothing to re-run it for)
  Micros setup_cpu{0};
  Bytes setup_memory;
  /// An interactive test: the interactor had closed its output (ended) when the box saw the
  /// solution end, so a rejection came first (problemtools then follows the interactor).
  bool interactor_left_first = false;
};

/// Caps on what a test's child reports, checked while decoding, before allocating (the child
/// is hostile; the box's honest child cuts to below these, see box/child.cpp).
inline constexpr std::size_t kMaxReportName = 1024;      ///< exception type, module, MRO entry, frame file/function
inline constexpr std::size_t kMaxReportText = 8 * 1024;  ///< exception message, NotPlainData reason
inline constexpr std::size_t kMaxReportMro = 128;        ///< classes in an exception's MRO
inline constexpr std::size_t kMaxReportFrames = 1000;    ///< traceback frames
/// The result channel's limit: a child report larger than this is OLE ("result over the limit"),
/// never decoded. The judge's own memory per test stays within ~64 MiB plus twice this.
inline constexpr std::size_t kMaxChildReport = std::size_t{16} << 20;

/// One frame of a candidate's traceback.
struct TraceFrame {
  std::string file;
  std::int64_t line = 0;
  std::string function;
};

struct RaisedException {
  std::string type;              ///< qualified name, "ValueError" or "Solution.Error"
  std::string module;            ///< "builtins" for built-in exceptions
  std::vector<std::string> mro;  ///< "module.qualname" of every class in the exception's MRO
  std::string message;
  std::vector<TraceFrame> frames;  ///< outermost first, as Python prints them
};

struct Returned {
  Value value;
};

/// The value had a type the judge does not compare (a subclass, a custom object, a cycle...).
struct NotPlainData {
  std::string reason;
};

/// The child executed a system call outside the sandbox's allowlist.
struct ForbiddenSyscall {
  std::int64_t number = -1;
};

using ChildReport = std::variant<Returned, RaisedException, NotPlainData, ForbiddenSyscall>;

/// The frame of a Returned report whose value is already encoded (see encode(const Value&)):
/// the child serialises a result straight from Python objects, never holding a Value tree.
std::string encode_returned_report(std::string_view encoded_value);

std::string encode(const Setup& m);
std::string encode(const Ready& m);
std::string encode(const CompileError& m);
std::string encode(const Fatal& m);
std::string encode(const RunTest& m);
std::string encode(const RunTestView& m);
std::string encode(const TestOutcome& m);
std::string encode(const ChildReport& m);

Setup decode_setup(std::string_view payload);
Ready decode_ready(std::string_view payload);
CompileError decode_compile_error(std::string_view payload);
Fatal decode_fatal(std::string_view payload);
RunTest decode_run_test(std::string_view payload);
RunTestView decode_run_test_view(std::string_view payload);
TestOutcome decode_test_outcome(std::string_view payload);
/// Size of the frame encode_forbidden_report() writes.
inline constexpr std::size_t kForbiddenReportSize = 18;
/// The ChildReport frame for ForbiddenSyscall{number}, built without allocating: it is written
/// from a signal handler.
void encode_forbidden_report(std::int64_t number, unsigned char (&out)[kForbiddenReportSize]);

/// Decodes a whole ChildReport frame (header included); throws ProtocolError if malformed,
/// ValueTooLarge past a cap, and a returned value the judge cannot read (a str that is not
/// UTF-8, a malformed integer) becomes NotPlainData.
ChildReport decode_child_report(std::string_view frame);

}  // namespace pyjudge
