#include "protocol/value.hpp"

#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace pyjudge {

Value Value::of_bool(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.boolean = b;
  return v;
}

Value Value::of_int(std::int64_t i) {
  Value v;
  v.kind = Kind::Int;
  v.integer = i;
  return v;
}

Value Value::of_float(double d) {
  Value v;
  v.kind = Kind::Float;
  v.real = d;
  return v;
}

Value Value::of_str(std::string s) {
  Value v;
  v.kind = Kind::Str;
  v.text = std::move(s);
  return v;
}

Value Value::sequence(Kind kind, std::vector<Value> items) {
  Value v;
  v.kind = kind;
  v.items = std::move(items);
  return v;
}

const char* type_name(Value::Kind kind) {
  using K = Value::Kind;
  switch (kind) {
    case K::None: return "NoneType";
    case K::Bool: return "bool";
    case K::Int:
    case K::BigInt: return "int";
    case K::Float: return "float";
    case K::Str: return "str";
    case K::Bytes: return "bytes";
    case K::List: return "list";
    case K::Tuple: return "tuple";
    case K::Dict: return "dict";
    case K::Set: return "set";
    case K::FrozenSet: return "frozenset";
    case K::ListNode: return "ListNode";
    case K::TreeNode: return "TreeNode";
  }
  return "?";
}

namespace {

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  // fmt's shortest round-trip form matches Python's repr for the common cases.
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

// BigInt text is canonical hex ("-0x1f"); Python shows integers in decimal.
std::string hex_to_decimal(const std::string& hex) {
  bool negative = !hex.empty() && hex[0] == '-';
  // The conversion below is quadratic: a candidate returning 1 << 10**6 must not stall the judge
  // for a number nobody reads in full. Past ~2400 decimal digits, show its size and leading hex.
  constexpr std::size_t kMaxHexDigits = 2000;
  std::size_t digits = hex.size() - (hex.find('x') + 1);
  if (digits > kMaxHexDigits) {
    return fmt::format("<int of {} decimal digits, {}{}...>", static_cast<std::size_t>(digits * 1.20412) + 1,
                       negative ? "-0x" : "0x", hex.substr(hex.find('x') + 1, 16));
  }
  std::vector<std::uint32_t> limbs{0};  // base 1e9, least significant first
  for (char c : hex.substr(hex.find('x') + 1)) {
    int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    std::uint64_t carry = static_cast<std::uint64_t>(digit);
    for (auto& limb : limbs) {
      std::uint64_t v = std::uint64_t{limb} * 16 + carry;
      limb = static_cast<std::uint32_t>(v % 1'000'000'000);
      carry = v / 1'000'000'000;
    }
    if (carry) limbs.push_back(static_cast<std::uint32_t>(carry));
  }
  std::string out = negative ? "-" : "";
  out += std::to_string(limbs.back());
  for (auto it = limbs.rbegin() + 1; it != limbs.rend(); ++it) out += fmt::format("{:09}", *it);
  return out;
}

std::string quote(const std::string& s, char prefix) {
  char q = (s.find('\'') != std::string::npos && s.find('"') == std::string::npos) ? '"' : '\'';
  std::string out;
  if (prefix) out += prefix;
  out += q;
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f || (prefix == 'b' && c >= 0x80)) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

class Printer {
 public:
  explicit Printer(std::size_t max) : max_(max) {}

  void print(const Value& v) {
    if (full()) return;
    using K = Value::Kind;
    switch (v.kind) {
      case K::None: out_ += "None"; return;
      case K::Bool: out_ += v.boolean ? "True" : "False"; return;
      case K::Int: out_ += std::to_string(v.integer); return;
      case K::BigInt: out_ += hex_to_decimal(v.text); return;
      case K::Float: out_ += float_repr(v.real); return;
      case K::Str: out_ += quote(v.text, 0); return;
      case K::Bytes: out_ += quote(v.text, 'b'); return;
      case K::List: items(v, "[", "]"); return;
      case K::Tuple: items(v, "(", v.items.size() == 1 ? ",)" : ")"); return;
      case K::Set:
        if (v.items.empty()) out_ += "set()"; else items(v, "{", "}");
        return;
      case K::FrozenSet:
        out_ += "frozenset(";
        if (!v.items.empty()) items(v, "{", "}");
        out_ += ")";
        return;
      case K::Dict: dict(v); return;
      case K::ListNode:
        items(v, "ListNode[", v.cycle_pos >= 0 ? fmt::format(" -> cycle to index {}]", v.cycle_pos)
                                               : std::string("]"));
        return;
      case K::TreeNode: items(v, "TreeNode[", "]"); return;
    }
  }

  std::string finish() {
    if (out_.size() > max_) {
      out_.resize(max_);
      out_ += "...";
    }
    return std::move(out_);
  }

 private:
  bool full() const { return out_.size() > max_; }

  void items(const Value& v, const char* open, const std::string& close) {
    out_ += open;
    for (std::size_t i = 0; i < v.items.size() && !full(); ++i) {
      if (i) out_ += ", ";
      print(v.items[i]);
    }
    out_ += close;
  }

  void dict(const Value& v) {
    out_ += "{";
    for (std::size_t i = 0; i + 1 < v.items.size() && !full(); i += 2) {
      if (i) out_ += ", ";
      print(v.items[i]);
      out_ += ": ";
      print(v.items[i + 1]);
    }
    out_ += "}";
  }

  std::size_t max_;
  std::string out_;
};

// The BigInt form the box writes: an optional '-', "0x", lowercase hex digits, no leading zero.
bool canonical_hex(std::string_view s) {
  std::size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.compare(i, 2, "0x") != 0 || s.size() == i + 2) return false;
  if (s[i + 2] == '0') return false;
  return s.find_first_not_of("0123456789abcdef", i + 2) == std::string::npos;
}

// UTF-8 as the box encodes a str: no overlongs, nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3f);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff) return false;  // lone surrogates: surrogatepass, as the box encodes them
    i += n;
  }
  return true;
}

// A value's kind, after the checks every value passes first: its depth and the budget.
Value::Kind read_kind(Reader& r, int depth, std::size_t& budget) {
  if (depth > kMaxValueDepth) throw ProtocolError("value nested too deeply");
  // Each decoded value costs ~100 bytes here against 1 byte on the wire: a forged report of
  // millions of Nones must not take the judge's memory with it.
  if (budget-- == 0) throw ValueTooLarge("too many values");
  std::uint8_t tag = r.u8();
  if (tag > static_cast<std::uint8_t>(Value::Kind::TreeNode)) {
    throw ProtocolError(fmt::format("unknown value tag {}", tag));
  }
  return static_cast<Value::Kind>(tag);
}

void decode_into(Reader& r, Value& v, int depth, std::size_t& budget) {
  using K = Value::Kind;
  v.kind = read_kind(r, depth, budget);
  switch (v.kind) {
    case K::None: return;
    case K::Bool: v.boolean = r.u8() != 0; return;
    case K::Int: v.integer = r.i64(); return;
    case K::Float: v.real = r.f64(); return;
    case K::BigInt:
      v.text = r.bytes();
      if (!canonical_hex(v.text)) throw UndecodableValue("an int the judge cannot read");
      return;
    case K::Str:
      v.text = r.bytes();
      if (!valid_utf8(v.text)) throw UndecodableValue("a str that is not valid UTF-8");
      return;
    case K::Bytes: v.text = r.bytes(); return;
    default: break;
  }
  if (v.kind == K::ListNode) v.cycle_pos = r.i64();
  std::uint64_t n = r.u64();
  // Every item takes at least one byte, so a count beyond the buffer is a lie: cap before reserve.
  if (n > r.remaining()) throw ProtocolError("implausible item count");
  if (v.kind == K::Dict && n % 2) throw ProtocolError("dict with odd item count");
  // At most 2^16 items ahead for a hostile side's values (budget <= kMaxValues): a claimed count
  // costs no more than that before items back it. The judge's own values (a cached 10^5-element
  // test) get their whole length at once, without regrowing through fresh pages.
  v.items.reserve(std::min<std::uint64_t>(n, std::max<std::size_t>(budget / 8, 1 << 16)));
  for (std::uint64_t i = 0; i < n; ++i) decode_into(r, v.items.emplace_back(), depth + 1, budget);
}

// `contents`: also the checks decode_into() makes of a str's and an int's bytes.
void skip_into(Reader& r, int depth, std::size_t& budget, bool contents) {
  using K = Value::Kind;
  K kind = read_kind(r, depth, budget);
  switch (kind) {
    case K::None: return;
    case K::Bool: r.raw(1); return;
    case K::Int:
    case K::Float: r.raw(8); return;
    case K::BigInt:
      if (std::string_view text = r.bytes_view(); contents && !canonical_hex(text)) {
        throw UndecodableValue("an int the judge cannot read");
      }
      return;
    case K::Str:
      if (std::string_view text = r.bytes_view(); contents && !valid_utf8(text)) {
        throw UndecodableValue("a str that is not valid UTF-8");
      }
      return;
    case K::Bytes: r.bytes_view(); return;
    case K::ListNode: r.raw(8); break;
    default: break;
  }
  std::uint64_t n = r.u64();
  if (n > r.remaining()) throw ProtocolError("implausible item count");
  if (kind == K::Dict && n % 2) throw ProtocolError("dict with odd item count");
  for (std::uint64_t i = 0; i < n; ++i) skip_into(r, depth + 1, budget, contents);
}

}  // namespace

std::string repr(const Value& v, std::size_t max_chars) {
  Printer p(max_chars);
  p.print(v);
  return p.finish();
}

void encode_collection_header(Value::Kind kind, std::size_t n, Writer& w) {
  w.u8(static_cast<std::uint8_t>(kind));
  w.u64(n);
}

void encode(const Value& v, Writer& w) {
  using K = Value::Kind;
  w.u8(static_cast<std::uint8_t>(v.kind));
  switch (v.kind) {
    case K::None: return;
    case K::Bool: w.u8(v.boolean); return;
    case K::Int: w.i64(v.integer); return;
    case K::Float: w.f64(v.real); return;
    case K::BigInt:
    case K::Str:
    case K::Bytes: w.bytes(v.text); return;
    default: break;
  }
  if (v.kind == K::ListNode) w.i64(v.cycle_pos);
  w.u64(v.items.size());
  for (const auto& item : v.items) encode(item, w);
}

std::string_view skip_value(Reader& r, std::size_t max_values) {
  std::size_t start = r.position();
  std::size_t budget = max_values;
  skip_into(r, 0, budget, false);
  return r.read_since(start);
}

EncodedValue::EncodedValue(const Value& v) {
  Writer w;
  encode(v, w);
  bytes_ = w.take();
}

EncodedValue EncodedValue::read(Reader& r, std::size_t max_values) {
  std::size_t start = r.position();
  std::size_t budget = max_values;
  skip_into(r, 0, budget, true);
  return EncodedValue(std::string(r.read_since(start)));
}

// Checked when it was made (or encoded from a Value the judge already holds): no cap again.
Value EncodedValue::decode() const {
  Reader r(bytes_);
  return decode_value(r, std::numeric_limits<std::size_t>::max());
}

Value decode_value(Reader& r, std::size_t max_values) {
  Value v;
  std::size_t budget = max_values;
  decode_into(r, v, 0, budget);
  return v;
}

}  // namespace pyjudge
