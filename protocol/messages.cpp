#include "protocol/messages.hpp"

#include <fmt/format.h>

namespace pyjudge {

namespace {

template <typename E>
E checked_enum(std::uint8_t raw, E last, const char* what) {
  if (raw > static_cast<std::uint8_t>(last)) {
    throw ProtocolError(fmt::format("bad {} value {}", what, raw));
  }
  return static_cast<E>(raw);
}

void put_strings(Writer& w, const std::vector<std::string>& v) {
  w.u64(v.size());
  for (const auto& s : v) w.bytes(s);
}

std::vector<std::string> get_strings(Reader& r) {
  std::uint64_t n = r.u64();
  if (n > (1u << 24)) throw ProtocolError("implausible string count");
  std::vector<std::string> v;
  for (std::uint64_t i = 0; i < n; ++i) v.push_back(r.bytes());
  return v;
}

void put_layers(Writer& w, const std::vector<LayerStatus>& v) {
  w.u64(v.size());
  for (const auto& l : v) {
    w.bytes(l.name);
    w.u8(static_cast<std::uint8_t>(l.state));
    w.bytes(l.detail);
  }
}

std::vector<LayerStatus> get_layers(Reader& r) {
  std::uint64_t n = r.u64();
  if (n > 64) throw ProtocolError("implausible layer count");
  std::vector<LayerStatus> v(n);
  for (auto& l : v) {
    l.name = r.bytes();
    l.state = checked_enum(r.u8(), LayerState::NotNeeded, "layer state");
    l.detail = r.bytes();
  }
  return v;
}

}  // namespace

const char* layer_state_name(LayerState s) {
  switch (s) {
    case LayerState::Active: return "active";
    case LayerState::Missing: return "missing";
    case LayerState::NotNeeded: return "not-needed";
  }
  return "?";
}

std::string encode(const Setup& m) {
  Writer w;
  w.u8(static_cast<std::uint8_t>(m.mode));
  w.u8(static_cast<std::uint8_t>(m.prelude));
  w.bytes(m.entry);
  w.bytes(m.filename);
  w.bytes(m.source);
  w.i64(m.limits.time.count());
  w.i64(m.limits.wall.count());
  w.u64(m.limits.memory.value);
  w.u64(m.limits.output.value);
  w.u8(static_cast<std::uint8_t>(m.isolation));
  put_strings(w, m.required_layers);
  std::vector<std::string> modules;
  for (const auto& f : m.modules) modules.insert(modules.end(), {f.path, f.source});
  put_strings(w, modules);
  return w.take();
}

Setup decode_setup(std::string_view payload) {
  Reader r(payload);
  Setup m;
  m.mode = checked_enum(r.u8(), Mode::Script, "mode");
  m.prelude = checked_enum(r.u8(), Prelude::Leetcode, "prelude");
  m.entry = r.bytes();
  m.filename = r.bytes();
  m.source = r.bytes();
  m.limits.time = Millis(r.i64());
  m.limits.wall = Millis(r.i64());
  m.limits.memory = Bytes{r.u64()};
  m.limits.output = Bytes{r.u64()};
  m.isolation = checked_enum(r.u8(), Isolation::Process, "isolation");
  m.required_layers = get_strings(r);
  std::vector<std::string> modules = get_strings(r);
  if (modules.size() % 2 != 0) throw ProtocolError("a module without its source");
  for (std::size_t i = 0; i < modules.size(); i += 2) m.modules.push_back({modules[i], modules[i + 1]});
  r.expect_done();
  return m;
}

std::string encode(const Ready& m) {
  Writer w;
  w.bytes(m.python_version);
  put_layers(w, m.layers);
  w.u8(static_cast<std::uint8_t>(m.isolation));
  return w.take();
}

Ready decode_ready(std::string_view payload) {
  Reader r(payload);
  Ready m;
  m.python_version = r.bytes();
  m.layers = get_layers(r);
  m.isolation = checked_enum(r.u8(), Isolation::Process, "isolation");
  r.expect_done();
  return m;
}

std::string encode(const CompileError& m) {
  Writer w;
  w.bytes(m.message);
  w.bytes(m.kind);
  w.i64(m.line);
  w.i64(m.column);
  w.i64(m.end_column);
  return w.take();
}

CompileError decode_compile_error(std::string_view payload) {
  Reader r(payload);
  CompileError m;
  m.message = r.bytes();
  m.kind = r.bytes();
  m.line = r.i64();
  m.column = r.i64();
  m.end_column = r.i64();
  r.expect_done();
  return m;
}

std::string encode(const Fatal& m) {
  Writer w;
  w.bytes(m.message);
  return w.take();
}

Fatal decode_fatal(std::string_view payload) {
  Reader r(payload);
  Fatal m{r.bytes()};
  r.expect_done();
  return m;
}

namespace {

// A RunTest in either form: its two values' bytes as they are, then the rest.
template <typename Test>
std::string encode_run_test(std::string_view args, std::string_view kwargs, const Test& m) {
  Writer w;
  w.reserve(args.size() + kwargs.size() + m.code.size() + m.stdin_data.size() + 64);
  w.raw(args);
  w.raw(kwargs);
  put_strings(w, m.ops);
  w.bytes(m.code);
  w.bytes(m.stdin_data);
  w.i64(m.compare_arg);
  w.u8(m.fresh);
  w.u8(m.interactive);
  return w.take();
}

// What encode_run_test() wrote after the two values, read into either form.
template <typename Test>
void read_rest_of_run_test(Reader& r, Test& m) {
  m.ops = get_strings(r);
  m.code = r.bytes();
  m.stdin_data = r.bytes_view();
  m.compare_arg = r.i64();
  m.fresh = r.u8() != 0;
  m.interactive = r.u8() != 0;
  r.expect_done();
}

}  // namespace

std::string encode(const RunTest& m) { return encode_run_test(m.args.bytes(), m.kwargs.bytes(), m); }

RunTest decode_run_test(std::string_view payload) {
  Reader r(payload);
  RunTest m;
  m.args = EncodedValue::read(r, kMaxTrustedValues);
  m.kwargs = EncodedValue::read(r, kMaxTrustedValues);
  read_rest_of_run_test(r, m);
  return m;
}

std::string encode(const RunTestView& m) { return encode_run_test(m.args, m.kwargs, m); }

RunTestView decode_run_test_view(std::string_view payload) {
  Reader r(payload);
  RunTestView m;
  m.args = skip_value(r, kMaxTrustedValues);
  m.kwargs = skip_value(r, kMaxTrustedValues);
  read_rest_of_run_test(r, m);
  return m;
}

std::string encode(const TestOutcome& m) {
  Writer w;
  w.u8(m.signaled);
  w.i64(m.status);
  w.u8(static_cast<std::uint8_t>(m.killed_by));
  w.i64(m.user.count());
  w.i64(m.system.count());
  w.i64(m.wall.count());
  w.u64(m.max_rss.value);
  w.u64(m.baseline.value);
  w.u64(m.cgroup_peak.value);
  w.u8(m.cgroup_oom);
  w.bytes(m.stdout_data);
  w.bytes(m.stderr_data);
  w.u8(m.stderr_truncated);
  w.bytes(m.report);
  w.u8(m.report_truncated);
  w.u8(m.ran_setup);
  w.u8(m.first_in_child);
  w.i64(m.setup_cpu.count());
  w.u64(m.setup_memory.value);
  w.u8(m.interactor_left_first);
  return w.take();
}

TestOutcome decode_test_outcome(std::string_view payload) {
  Reader r(payload);
  TestOutcome m;
  m.signaled = r.u8() != 0;
  m.status = static_cast<int>(r.i64());
  m.killed_by = checked_enum(r.u8(), KilledBy::Output, "killed_by");
  m.user = Micros(r.i64());
  m.system = Micros(r.i64());
  m.wall = Micros(r.i64());
  m.max_rss = Bytes{r.u64()};
  m.baseline = Bytes{r.u64()};
  m.cgroup_peak = Bytes{r.u64()};
  m.cgroup_oom = r.u8() != 0;
  m.stdout_data = r.bytes();
  m.stderr_data = r.bytes();
  m.stderr_truncated = r.u8() != 0;
  m.report = r.bytes();
  m.report_truncated = r.u8() != 0;
  m.ran_setup = r.u8() != 0;
  m.first_in_child = r.u8() != 0;
  m.setup_cpu = Micros(r.i64());
  m.setup_memory = Bytes{r.u64()};
  m.interactor_left_first = r.u8() != 0;
  r.expect_done();
  return m;
}

namespace {

enum class ReportKind : std::uint8_t { Returned = 1, Raised, NotPlainData, Forbidden };

struct ReportEncoder {
  Writer& w;
  void operator()(const Returned& m) {
    w.u8(static_cast<std::uint8_t>(ReportKind::Returned));
    encode(m.value, w);
  }
  void operator()(const RaisedException& m) {
    w.u8(static_cast<std::uint8_t>(ReportKind::Raised));
    w.bytes(m.type);
    w.bytes(m.module);
    put_strings(w, m.mro);
    w.bytes(m.message);
    w.u64(m.frames.size());
    for (const auto& f : m.frames) {
      w.bytes(f.file);
      w.i64(f.line);
      w.bytes(f.function);
    }
  }
  void operator()(const NotPlainData& m) {
    w.u8(static_cast<std::uint8_t>(ReportKind::NotPlainData));
    w.bytes(m.reason);
  }
  void operator()(const ForbiddenSyscall& m) {
    w.u8(static_cast<std::uint8_t>(ReportKind::Forbidden));
    w.i64(m.number);
  }
};

RaisedException decode_raised(Reader& r) {
  RaisedException m;
  m.type = r.bytes(kMaxReportName, "exception type");
  m.module = r.bytes(kMaxReportName, "exception module");
  std::uint64_t classes = r.u64();
  if (classes > kMaxReportMro) throw ProtocolError("implausible MRO length");
  for (std::uint64_t i = 0; i < classes; ++i) m.mro.push_back(r.bytes(kMaxReportName, "MRO entry"));
  m.message = r.bytes(kMaxReportText, "exception message");
  std::uint64_t n = r.u64();
  if (n > kMaxReportFrames) throw ProtocolError("implausible frame count");
  for (std::uint64_t i = 0; i < n; ++i) {
    TraceFrame f;
    f.file = r.bytes(kMaxReportName, "frame file");
    f.line = r.i64();
    f.function = r.bytes(kMaxReportName, "frame function");
    m.frames.push_back(std::move(f));
  }
  return m;
}

}  // namespace

void encode_forbidden_report(std::int64_t number, unsigned char (&out)[kForbiddenReportSize]) {
  constexpr std::uint64_t len = kForbiddenReportSize - 9;
  for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(len >> (8 * i));
  out[8] = static_cast<unsigned char>(MessageType::ChildReport);
  out[9] = static_cast<unsigned char>(ReportKind::Forbidden);
  auto bits = static_cast<std::uint64_t>(number);
  for (int i = 0; i < 8; ++i) out[10 + i] = static_cast<unsigned char>(bits >> (8 * i));
}

std::string encode(const ChildReport& m) {
  Writer payload;
  std::visit(ReportEncoder{payload}, m);
  return encode_frame(static_cast<std::uint8_t>(MessageType::ChildReport), payload.data());
}

std::string encode_returned_report(std::string_view encoded_value) {
  Writer header;
  header.u64(encoded_value.size() + 1);
  header.u8(static_cast<std::uint8_t>(MessageType::ChildReport));
  header.u8(static_cast<std::uint8_t>(ReportKind::Returned));
  std::string out = header.take();
  out += encoded_value;
  return out;
}

ChildReport decode_child_report(std::string_view frame) {
  if (frame.size() > kMaxChildReport) throw ValueTooLarge("result over the result channel's limit");
  Reader header(frame.substr(0, std::min<std::size_t>(frame.size(), 9)));
  std::uint64_t len = header.u64();
  if (header.u8() != static_cast<std::uint8_t>(MessageType::ChildReport)) {
    throw ProtocolError("not a child report");
  }
  if (len != frame.size() - 9) throw ProtocolError("child report length mismatch");
  Reader r(frame.substr(9));
  ChildReport out;
  switch (checked_enum(r.u8(), ReportKind::Forbidden, "report kind")) {
    case ReportKind::Returned:
      try {
        out = Returned{decode_value(r, kMaxValues)};  // the child's: the tight cap
      } catch (const UndecodableValue& e) {
        return NotPlainData{e.what()};  // the candidate's doing: WA, never IE
      }
      break;
    case ReportKind::Raised: out = decode_raised(r); break;
    case ReportKind::NotPlainData: out = NotPlainData{r.bytes(kMaxReportText, "reason")}; break;
    case ReportKind::Forbidden: out = ForbiddenSyscall{r.i64()}; break;
    default: throw ProtocolError("bad report kind");
  }
  r.expect_done();
  return out;
}

}  // namespace pyjudge
