// Length-prefixed frames over pipes, and the byte codec inside them.
//
// Every frame is `u64 length | u8 type | payload`; integers are little-endian. The reader checks
// every length against a cap before allocating, because frames that originate in a sandboxed
// process are hostile input.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pyjudge {

/// Raised when bytes on a channel do not form a valid message.
struct ProtocolError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Appends primitive values to a byte buffer.
class Writer {
 public:
  void u8(std::uint8_t v) { buf_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double v);
  void bytes(std::string_view v);  ///< u64 length + raw bytes
  void raw(std::string_view v) { buf_.append(v); }  ///< bytes already encoded
  void reserve(std::size_t n) { buf_.reserve(n); }
  const std::string& data() const { return buf_; }
  std::string take() { return std::move(buf_); }

 private:
  std::string buf_;
};

/// Reads primitive values from a byte buffer; throws ProtocolError on truncation.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::uint8_t u8();
  std::uint32_t u32();
  std::uint64_t u64();
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  double f64();
  std::string bytes();
  /// bytes() of at most `max` bytes; a longer one throws ProtocolError naming `what` before
  /// anything is allocated.
  std::string bytes(std::size_t max, const char* what);
  /// bytes() without the copy: a view into the buffer the Reader reads.
  std::string_view bytes_view();
  /// The next `n` bytes, unread so far, as a view; throws ProtocolError past the end.
  std::string_view raw(std::size_t n) { return take(n); }
  std::size_t position() const { return pos_; }
  /// What was read from `start` (an earlier position()) up to now.
  std::string_view read_since(std::size_t start) const { return data_.substr(start, pos_ - start); }
  bool done() const { return pos_ == data_.size(); }
  std::size_t remaining() const { return data_.size() - pos_; }
  /// Throws unless every byte was consumed: trailing bytes mean a malformed message.
  void expect_done() const;

 private:
  std::string_view take(std::size_t n);
  std::string_view data_;
  std::size_t pos_ = 0;
};

struct Frame {
  std::uint8_t type = 0;
  std::string payload;
};

/// One frame as bytes: payload length (u64), type (u8), payload.
std::string encode_frame(std::uint8_t type, std::string_view payload);
/// encode_frame() appended to `out`, without a frame of its own in between.
void append_frame(std::string& out, std::uint8_t type, std::string_view payload);

/// Writes one frame, retrying on EINTR and short writes. Returns false if the peer is gone.
bool write_frame(int fd, std::uint8_t type, std::string_view payload);

/// Reads one frame. Returns nullopt on a clean EOF before the first byte; throws ProtocolError
/// on a truncated frame or one larger than `max_payload`.
std::optional<Frame> read_frame(int fd, std::size_t max_payload);

/// Writes all of `data`, retrying on EINTR and short writes. Returns false on any other error.
bool write_all(int fd, std::string_view data);

/// Passes two descriptors over a UNIX socket (SCM_RIGHTS, with one byte of data); false on error
/// (errno set).
bool send_fd_pair(int socket, int first, int second);

/// Receives what send_fd_pair() sent, close-on-exec; nullopt on error or anything else.
std::optional<std::pair<int, int>> receive_fd_pair(int socket);

}  // namespace pyjudge
