// The judge's model of a Python value: plain data that crossed a process boundary.
//
// The box builds these by walking *exact* builtin types, so a subclass with a lying __eq__ or
// __repr__ never reaches comparison; the judge only ever compares Values.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "protocol/wire.hpp"

namespace pyjudge {

struct Value {
  enum class Kind : std::uint8_t {
    None,
    Bool,
    Int,       ///< fits in int64: `integer`
    BigInt,    ///< decimal digits with optional sign in `text`
    Float,
    Str,       ///< UTF-8 in `text`
    Bytes,     ///< raw in `text`
    List,
    Tuple,
    Dict,      ///< items = k0, v0, k1, v1, ...
    Set,
    FrozenSet,
    ListNode,  ///< items = node values in order; `cycle_pos` = index the tail links back to
    TreeNode,  ///< items = level order with None for missing children, trailing Nones trimmed
  };

  Kind kind = Kind::None;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0.0;
  std::string text;
  std::vector<Value> items;
  std::int64_t cycle_pos = -1;

  static Value none() { return {}; }
  static Value of_bool(bool b);
  static Value of_int(std::int64_t i);
  static Value of_float(double d);
  static Value of_str(std::string s);
  static Value sequence(Kind kind, std::vector<Value> items);

  bool is_number() const { return kind == Kind::Bool || kind == Kind::Int || kind == Kind::BigInt || kind == Kind::Float; }
  bool is_sequence() const { return kind == Kind::List || kind == Kind::Tuple; }
  bool is_set() const { return kind == Kind::Set || kind == Kind::FrozenSet; }
};

/// Python-like repr, cut to about `max_chars` characters with "..." for display.
std::string repr(const Value& v, std::size_t max_chars = 4096);

/// Name of the Python type the value came from ("list", "ListNode", ...).
const char* type_name(Value::Kind kind);

/// Maximum nesting accepted by the decoder; deeper input is malformed.
inline constexpr int kMaxValueDepth = 2000;
/// Maximum number of values (every element at every depth) one decode accepts: each costs the
/// judge sizeof(Value) (~90 bytes), so this keeps a decoded answer under ~48 MiB.
inline constexpr std::size_t kMaxValues = 500'000;

/// A value past kMaxValues (or a report past the result channel's limit): the answer is too
/// large to judge, OLE.
struct ValueTooLarge : ProtocolError {
  using ProtocolError::ProtocolError;
};

/// Well-formed bytes that are no Python value the judge can read: a str that is not UTF-8, an
/// integer that is not canonical hex. The candidate's doing ("not plain data"), never IE.
struct UndecodableValue : ProtocolError {
  using ProtocolError::ProtocolError;
};

void encode(const Value& v, Writer& w);
/// The start of a List/Tuple/Dict/Set/FrozenSet/TreeNode of `n` items; the caller then encodes
/// exactly `n` items (a Dict's are key, value, key, value...).
void encode_collection_header(Value::Kind kind, std::size_t n, Writer& w);
/// Values in one value from a trusted side (the judge's own tests, the bridge): the default.
inline constexpr std::size_t kMaxTrustedValues = 5'000'000;

/// Decodes one Value; throws ProtocolError on malformed or too deeply nested input, ValueTooLarge
/// past `max_values`, UndecodableValue for a str that is not UTF-8 or a malformed int.
Value decode_value(Reader& r, std::size_t max_values = kMaxTrustedValues);

/// Reads past one encoded Value without building it (the same checks as decode_value, except
/// the contents of a str or an int) and returns its bytes: for a side that only forwards it.
std::string_view skip_value(Reader& r, std::size_t max_values = kMaxTrustedValues);

/// One Value in its wire encoding, owned: how the judge keeps a test's input. It is sent to the
/// box as it is, and built into a Value tree only where one is shown or inspected (a failing
/// test's input, a checker's args), so a cached 10^5-element input costs its bytes, not a tree
/// of 10^5 Values. It always holds exactly one value that decode_value() accepts (encoded from a
/// Value the judge built from YAML, a generator or a literal, or read through read()'s checks),
/// so decode() does not fail on it.
class EncodedValue {
 public:
  EncodedValue() : bytes_(kNone) {}
  explicit EncodedValue(const Value& v);
  EncodedValue(const EncodedValue&) = default;
  EncodedValue& operator=(const EncodedValue&) = default;
  /// A moved-from EncodedValue holds None: never no value at all.
  EncodedValue(EncodedValue&& other) noexcept : bytes_(std::exchange(other.bytes_, kNone)) {}
  EncodedValue& operator=(EncodedValue&& other) noexcept {
    bytes_ = std::exchange(other.bytes_, kNone);
    return *this;
  }
  /// Reads one value from `r` with every check of decode_value() (depth, `max_values`, item
  /// counts, a str's UTF-8, an int's form) without building it, and keeps a copy of its bytes.
  /// Throws like decode_value() on anything it would refuse.
  static EncodedValue read(Reader& r, std::size_t max_values = kMaxTrustedValues);

  /// The bytes encode(const Value&) writes for it: what goes on the wire.
  const std::string& bytes() const { return bytes_; }
  Value decode() const;
  Value::Kind kind() const { return static_cast<Value::Kind>(bytes_.front()); }
  bool operator==(const EncodedValue&) const = default;

 private:
  explicit EncodedValue(std::string bytes) : bytes_(std::move(bytes)) {}
  static constexpr std::string_view kNone{"\0", 1};  ///< None's encoding: its tag alone
  std::string bytes_;
};

}  // namespace pyjudge
