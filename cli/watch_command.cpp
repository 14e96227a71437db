// `pyjudge watch PROBLEM FILE`: judge, wait for the file to be saved again, judge again.
//
// inotify watches the file's folder, not the file: editors that save by writing a temporary
// file and renaming it over the original (vim's backupcopy, VS Code, most IDEs) replace the
// inode, and a watch on the old inode would never fire again.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "judge/problems.hpp"
#include "judge/palette.hpp"
#include "protocol/files.hpp"

namespace pyjudge::cli {

namespace {

namespace fs = std::filesystem;

// Ctrl-C: the handler only writes a byte; the loop polls it with the inotify descriptor.
int g_interrupt_pipe[2] = {-1, -1};
volatile sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
  g_interrupted = 1;
  [[maybe_unused]] auto n = ::write(g_interrupt_pipe[1], "x", 1);
}

struct Interrupted {};

class FolderWatch {
 public:
  FolderWatch(const fs::path& file) : name_(file.filename().string()) {
    fd_.reset(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (!fd_) throw std::runtime_error(fmt::format("inotify_init1: {}", std::strerror(errno)));
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    if (inotify_add_watch(fd_.get(), dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE) < 0) {
      throw std::runtime_error(fmt::format("inotify_add_watch({}): {}", dir.string(), std::strerror(errno)));
    }
  }

  /// Waits until the file is saved (true) or Ctrl-C (false). A burst of events from one save
  /// (create, write, rename) counts once: after the first, events are drained for 50 ms.
  bool wait_for_save() {
    for (;;) {
      pollfd fds[2] = {{fd_.get(), POLLIN, 0}, {g_interrupt_pipe[0], POLLIN, 0}};
      if (::poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        throw std::runtime_error(fmt::format("poll: {}", std::strerror(errno)));
      }
      if (fds[1].revents || g_interrupted) return false;
      if (!drain()) continue;
      for (;;) {
        pollfd again{fd_.get(), POLLIN, 0};
        if (::poll(&again, 1, 50) <= 0 || g_interrupted) break;
        drain();
      }
      return !g_interrupted;
    }
  }

 private:
  // Reads pending events; true if one names the watched file.
  bool drain() {
    bool ours = false;
    alignas(inotify_event) char buf[8192];
    for (;;) {
      ssize_t n = ::read(fd_.get(), buf, sizeof buf);
      if (n <= 0) return ours;
      for (char* p = buf; p < buf + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        if (e->len && name_ == e->name) ours = true;
        p += sizeof(inotify_event) + e->len;
      }
    }
  }

  std::string name_;
  UniqueFd fd_;
};

}  // namespace

Action watch_command(CLI::App& app) {
  struct Options {
    std::string problem, solution;
    RunSettings settings;
  };
  auto o = std::make_shared<Options>();
  app.add_option("problem", o->problem, "problem id or path")->required();
  app.add_option("solution", o->solution, "the Python file to judge each time it is saved")->required();
  add_run_settings(app, o->settings);
  return [o] {
    Problem problem = load_run_problem(o->problem, o->settings);
    fs::path file(o->solution);
    if (pipe2(g_interrupt_pipe, O_CLOEXEC) < 0) throw std::runtime_error("pipe2 failed");
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sa.sa_flags = SA_RESTART;  // reads from the box go on; the loop and on_test check the flag
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    FolderWatch watch(file);
    bool terminal = isatty(STDOUT_FILENO);
    // Ctrl-C while judging: the next finished test ends the round (its box is torn down as the
    // runner goes out of scope), instead of waiting for every remaining test.
    struct StopIfInterrupted final : JudgeSink {
      void test_finished(const TestReport&) override {
        if (g_interrupted) throw Interrupted{};
      }
    } stop_if_interrupted;
    for (;;) {
      if (terminal) std::cout << Palette::kClearScreen;
      try {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
          std::cout << fmt::format("pyjudge: waiting for {} to exist\n", file.string());
        } else {
          judge_and_report(problem, o->solution, o->settings, {}, &stop_if_interrupted);
        }
      } catch (const Interrupted&) {
        return int(kAccepted);
      }
      std::cout << fmt::format("\nwatching {} (Ctrl-C to stop)\n", file.string()) << std::flush;
      if (!watch.wait_for_save()) return int(kAccepted);
    }
  };
}

}  // namespace pyjudge::cli
