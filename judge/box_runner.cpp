#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

// Boost 1.81's Process v2 uses boost::optional and boost type traits without including them when
// BOOST_PROCESS_USE_STD_FS is set (only the Boost.Filesystem path pulls them in): include first.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>
#include <boost/process/v2/environment.hpp>
#include <boost/process/v2/posix/default_launcher.hpp>
#include <cstring>
#include <sys/socket.h>
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "judge/runner.hpp"
#include "sandbox/layers.hpp"
#include "protocol/wire.hpp"

namespace bp = boost::process::v2;

namespace pyjudge {

namespace {

struct OwnedFd {
  int fd = -1;
  OwnedFd() = default;
  explicit OwnedFd(int f) : fd(f) {}
  OwnedFd(OwnedFd&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
  OwnedFd& operator=(OwnedFd&& o) noexcept {
    reset();
    fd = std::exchange(o.fd, -1);
    return *this;
  }
  ~OwnedFd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

std::pair<OwnedFd, OwnedFd> make_pipe() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) throw JudgeError(fmt::format("pipe2: {}", std::strerror(errno)));
  return {OwnedFd(fds[0]), OwnedFd(fds[1])};
}

// The interaction socket as the box's fd 3. Boost 1.81's posix::bind_fd would do it, but its
// on_setup lacks a return statement (undefined behaviour: a garbage error code).
struct InteractionSocket {
  int fd;
  boost::system::error_code on_setup(bp::posix::default_launcher& launcher, const std::filesystem::path&,
                                     const char* const*) {
    launcher.fd_whitelist.push_back(3);
    return {};
  }
  boost::system::error_code on_exec_setup(bp::posix::default_launcher&, const std::filesystem::path&,
                                          const char* const*) {
    if (::dup2(fd, 3) == -1) return {errno, boost::system::system_category()};
    return {};
  }
};

std::filesystem::path box_executable() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  auto box = self.parent_path() / "pyjudge-box";
  if (ec || !std::filesystem::exists(box)) throw JudgeError("cannot find pyjudge-box next to " + self.string());
  return box;
}

}  // namespace

struct BoxRunner::Impl {
  boost::asio::io_context ctx;
  std::optional<bp::process> process;
  OwnedFd requests, responses, diagnostics;
  OwnedFd interaction;  ///< a UNIX socket to the box's fd 3: pipe ends for interactive tests
  std::string box_stderr;
  Limits limits;
  // Requests not yet taken by the box. The judge never blocks writing: a box busy writing a big
  // outcome to a full pipe would wait for the judge, and the judge for the box.
  std::string outbox;
  std::size_t outbox_sent = 0;
  int in_flight = 0;  ///< tests submitted whose outcome has not been read

  void spawn() {
    auto [req_r, req_w] = make_pipe();
    auto [resp_r, resp_w] = make_pipe();
    auto [err_r, err_w] = make_pipe();
    int sockets[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) < 0) {
      throw JudgeError(fmt::format("socketpair: {}", std::strerror(errno)));
    }
    OwnedFd judge_end(sockets[0]), box_end(sockets[1]);
    // Empty environment: nothing of the judge's (tokens, paths) is visible to the box.
    std::vector<std::string> no_env;
    process.emplace(ctx, box_executable(), std::vector<std::string>{},
                    bp::process_stdio{req_r.fd, resp_w.fd, err_w.fd}, bp::process_environment(no_env),
                    InteractionSocket{box_end.fd});
    interaction = std::move(judge_end);
    requests = std::move(req_w);
    responses = std::move(resp_r);
    diagnostics = std::move(err_r);
    fcntl(diagnostics.fd, F_SETFL, O_NONBLOCK);
    fcntl(requests.fd, F_SETFL, O_NONBLOCK);
  }

  void drain_diagnostics() {
    char buf[4096];
    ssize_t n;
    while ((n = read(diagnostics.fd, buf, sizeof buf)) > 0) {
      if (box_stderr.size() < 65536) box_stderr.append(buf, static_cast<std::size_t>(n));
    }
  }

  [[noreturn]] void fail(const std::string& what) {
    drain_diagnostics();
    std::string detail = box_stderr.empty() ? "" : "\nbox stderr:\n" + box_stderr;
    kill_box();
    throw JudgeError(what + detail);
  }

  // Waits for the next frame, writing queued requests as the box takes them. The box answers
  // each test within its wall limit, so a silent box past that (plus slack) is broken and is
  // killed.
  Frame receive(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      flush_outbox();
      pollfd fds[3] = {{responses.fd, POLLIN, 0},
                       {diagnostics.fd, POLLIN, 0},
                       {outbox_sent < outbox.size() ? requests.fd : -1, POLLOUT, 0}};
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) fail("the box did not answer in time");
      int n = poll(fds, 3, static_cast<int>(left.count()));
      if (n < 0 && errno != EINTR) fail(fmt::format("poll: {}", std::strerror(errno)));
      if (fds[1].revents) drain_diagnostics();
      if (fds[0].revents) break;
    }
    std::optional<Frame> frame;
    try {
      frame = read_frame(responses.fd, kMaxFrame);
    } catch (const ProtocolError& e) {
      fail(std::string("bad frame from the box: ") + e.what());
    }
    if (!frame) fail("the box exited unexpectedly");
    if (frame->type == static_cast<std::uint8_t>(MessageType::Fatal)) {
      fail("box: " + decode_fatal(frame->payload).message);
    }
    return std::move(*frame);
  }

  void send(MessageType type, const std::string& payload) {
    if (outbox_sent == outbox.size()) {
      outbox.clear();
      outbox_sent = 0;
    }
    append_frame(outbox, static_cast<std::uint8_t>(type), payload);
    flush_outbox();
  }

  // Writes what the pipe takes now, without blocking.
  void flush_outbox() {
    while (outbox_sent < outbox.size()) {
      ssize_t n = write(requests.fd, outbox.data() + outbox_sent, outbox.size() - outbox_sent);
      if (n > 0) {
        outbox_sent += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && errno == EAGAIN) {
        return;
      } else {
        fail("the box closed its input");
      }
    }
  }

  void kill_box() {
    if (!process) return;
    boost::system::error_code ec;
    process->terminate(ec);
    reap();
  }

  // Waits for the box, then removes the cgroup it made for its tests (the box, nobody by then,
  // cannot; the judge can).
  void reap() {
    boost::system::error_code ec;
    pid_t pid = process->id();
    process->wait(ec);
    process.reset();
    sandbox::remove_box_cgroup(pid);
  }
};

namespace {

// The box spawn_ahead() started, until a start() takes it.
struct SpareBox {
  std::mutex mutex;
  std::unique_ptr<BoxRunner::Impl> impl;
  ~SpareBox() {
    if (impl && impl->process) impl->kill_box();
  }
};

SpareBox& spare_box() {
  static SpareBox spare;
  return spare;
}

}  // namespace

void BoxRunner::spawn_ahead() {
  signal(SIGPIPE, SIG_IGN);
  auto impl = std::make_unique<Impl>();
  try {
    impl->spawn();
  } catch (const std::exception&) {
    return;  // start() will try again, and say why if it fails too
  }
  std::lock_guard lock(spare_box().mutex);
  if (!spare_box().impl) spare_box().impl = std::move(impl);
  else impl->kill_box();
}

BoxRunner::BoxRunner() : impl_(std::make_unique<Impl>()) {}

BoxRunner::~BoxRunner() {
  if (!impl_->process) return;
  if (impl_->in_flight > 0) {
    impl_->kill_box();  // a test queued ahead and no longer wanted: do not wait for it
    return;
  }
  impl_->requests.reset();  // EOF: the box leaves its loop and exits
  impl_->reap();
}

std::variant<Ready, CompileError> BoxRunner::start(const Setup& setup) {
  // SIGPIPE would kill the judge if the box died mid-write; a failed write is handled instead.
  signal(SIGPIPE, SIG_IGN);
  {
    std::lock_guard lock(spare_box().mutex);
    if (spare_box().impl) impl_ = std::move(spare_box().impl);
  }
  impl_->limits = setup.limits;
  try {
    if (!impl_->process) impl_->spawn();
  } catch (const std::exception& e) {
    throw JudgeError(std::string("cannot start the box: ") + e.what());
  }
  impl_->send(MessageType::Setup, encode(setup));
  Frame f = impl_->receive(std::chrono::seconds(30));
  try {
    if (f.type == static_cast<std::uint8_t>(MessageType::CompileError)) return decode_compile_error(f.payload);
    if (f.type == static_cast<std::uint8_t>(MessageType::Ready)) return decode_ready(f.payload);
  } catch (const ProtocolError& e) {
    impl_->fail(std::string("bad reply from the box: ") + e.what());
  }
  impl_->fail("unexpected reply from the box");
}

void BoxRunner::submit(const RunTest& test) {
  if (!impl_->process) throw JudgeError("the box is not running");
  impl_->send(MessageType::RunTest, encode(test));
  ++impl_->in_flight;
}

void Runner::submit_interactive(const RunTest&, int, int) {
  throw JudgeError("this runner cannot run interactive tests");
}

// The two pipe ends go over the interaction socket first (SCM_RIGHTS), then the frame: the box
// takes them when it reads an interactive RunTest.
void BoxRunner::submit_interactive(const RunTest& test, int child_stdin, int child_stdout) {
  if (!impl_->process) throw JudgeError("the box is not running");
  if (!send_fd_pair(impl_->interaction.fd, child_stdin, child_stdout)) {
    impl_->fail(fmt::format("cannot pass the interaction's pipes to the box: {}", std::strerror(errno)));
  }
  submit(test);
}

TestOutcome BoxRunner::next_outcome() {
  if (!impl_->process) throw JudgeError("the box is not running");
  if (impl_->in_flight == 0) throw JudgeError("no test was submitted");
  // Queued tests run one after another: the oldest one's outcome is due within its wall limit
  // of the previous outcome.
  Frame f = impl_->receive(impl_->limits.wall + std::chrono::seconds(10));
  --impl_->in_flight;
  if (f.type != static_cast<std::uint8_t>(MessageType::TestOutcome)) impl_->fail("unexpected reply from the box");
  try {
    return decode_test_outcome(f.payload);
  } catch (const ProtocolError& e) {
    impl_->fail(std::string("bad test outcome from the box: ") + e.what());
  }
}

}  // namespace pyjudge
