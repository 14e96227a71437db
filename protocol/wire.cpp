#include "protocol/wire.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pyjudge {

// Little-endian, appended at once: one capacity check per integer, not one per byte (a value
// of 10^5 ints is 10^5 of these).
void Writer::u32(std::uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(v >> (8 * i));
  buf_.append(b, sizeof b);
}

void Writer::u64(std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
  buf_.append(b, sizeof b);
}

void Writer::f64(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  u64(bits);
}

void Writer::bytes(std::string_view v) {
  u64(v.size());
  buf_.append(v);
}

std::string_view Reader::take(std::size_t n) {
  if (n > data_.size() - pos_) throw ProtocolError("truncated message");
  auto out = data_.substr(pos_, n);
  pos_ += n;
  return out;
}

std::uint8_t Reader::u8() { return static_cast<std::uint8_t>(take(1)[0]); }

std::uint32_t Reader::u32() {
  auto s = take(4);
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(s[i]);
  return v;
}

std::uint64_t Reader::u64() {
  auto s = take(8);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(s[i]);
  return v;
}

double Reader::f64() {
  std::uint64_t bits = u64();
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string Reader::bytes() {
  std::uint64_t n = u64();
  if (n > data_.size() - pos_) throw ProtocolError("truncated message");
  return std::string(take(n));
}

std::string_view Reader::bytes_view() {
  std::uint64_t n = u64();
  if (n > data_.size() - pos_) throw ProtocolError("truncated message");
  return take(n);
}

std::string Reader::bytes(std::size_t max, const char* what) {
  std::uint64_t n = u64();
  if (n > max) throw ProtocolError(std::string(what) + " longer than " + std::to_string(max) + " bytes");
  if (n > data_.size() - pos_) throw ProtocolError("truncated message");
  return std::string(take(n));
}

void Reader::expect_done() const {
  if (!done()) throw ProtocolError("trailing bytes after message");
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

namespace {

// Returns bytes read; fewer than `n` only at EOF.
std::size_t read_full(int fd, char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd, out + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      throw ProtocolError(fmt::format("read: {}", std::strerror(errno)));
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

}  // namespace

std::string encode_frame(std::uint8_t type, std::string_view payload) {
  std::string frame;
  append_frame(frame, type, payload);
  return frame;
}

void append_frame(std::string& out, std::uint8_t type, std::string_view payload) {
  Writer header;
  header.u64(payload.size());
  header.u8(type);
  out += header.data();
  out += payload;
}

bool write_frame(int fd, std::uint8_t type, std::string_view payload) {
  // One buffer, one write in the common case: fewer syscalls on the per-test path.
  return write_all(fd, encode_frame(type, payload));
}

std::optional<Frame> read_frame(int fd, std::size_t max_payload) {
  char header[9];
  std::size_t got = read_full(fd, header, sizeof header);
  if (got == 0) return std::nullopt;
  if (got != sizeof header) throw ProtocolError("truncated frame header");
  Reader r(std::string_view(header, sizeof header));
  std::uint64_t len = r.u64();
  Frame frame;
  frame.type = r.u8();
  if (len > max_payload) {
    throw ProtocolError(fmt::format("frame of {} bytes exceeds the {} byte cap", len, max_payload));
  }
  frame.payload.resize(len);
  if (read_full(fd, frame.payload.data(), len) != len) throw ProtocolError("truncated frame");
  return frame;
}

namespace {

struct FdPairMessage {
  char byte = 'I';
  iovec iov{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))] = {};
  msghdr msg{};
  FdPairMessage() {
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
  }
};

}  // namespace

bool send_fd_pair(int socket, int first, int second) {
  FdPairMessage m;
  cmsghdr* c = CMSG_FIRSTHDR(&m.msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  int fds[2] = {first, second};
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  return sendmsg(socket, &m.msg, MSG_NOSIGNAL) == 1;
}

std::optional<std::pair<int, int>> receive_fd_pair(int socket) {
  FdPairMessage m;
  ssize_t n;
  do n = recvmsg(socket, &m.msg, MSG_CMSG_CLOEXEC); while (n < 0 && errno == EINTR);
  cmsghdr* c = n == 1 ? CMSG_FIRSTHDR(&m.msg) : nullptr;
  if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(2 * sizeof(int))) {
    return std::nullopt;
  }
  int fds[2];
  std::memcpy(fds, CMSG_DATA(c), sizeof fds);
  return std::pair{fds[0], fds[1]};
}

}  // namespace pyjudge
