#include "judge/output_validator.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "judge/sha256.hpp"
#include "protocol/files.hpp"

namespace pyjudge {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMessageCap = 64 * 1024;


void write_file(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// A private scratch folder, removed with everything in it when the run is over.
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "pyjudge-validator-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
    path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct ChildSetup {
  const char* stdin_path;   ///< unless stdin_fd >= 0
  int stdin_fd = -1, stdout_fd = -1;  ///< an interactor's pipes (stdout: else /dev/null)
  const char* stderr_path;  ///< nullptr: /dev/null
  const char* workdir;      ///< nullptr: stay
  rlim_t cpu_seconds, memory, file_size;
};

// After fork, before exec: only async-signal-safe calls; a failure goes back through the
// close-on-exec pipe as {step, errno}, never through the exit status, which is the program's.
[[noreturn]] void exec_child(char* const* argv, const ChildSetup& s, int report_fd) {
  struct Failure {
    int step, err;
  };
  auto fail = [&](int step) {
    Failure f{step, errno};
    [[maybe_unused]] ssize_t n = write(report_fd, &f, sizeof f);
    _exit(127);
  };
  setpgid(0, 0);
  int in = s.stdin_fd >= 0 ? s.stdin_fd : open(s.stdin_path, O_RDONLY | O_CLOEXEC);
  if (in < 0 || dup2(in, 0) < 0) fail(1);
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  int err = s.stderr_path ? open(s.stderr_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : null_fd;
  if (null_fd < 0 || err < 0 || dup2(s.stdout_fd >= 0 ? s.stdout_fd : null_fd, 1) < 0 || dup2(err, 2) < 0) fail(2);
  rlimit cpu{s.cpu_seconds, s.cpu_seconds + 1}, mem{s.memory, s.memory}, fsize{s.file_size, s.file_size}, core{0, 0};
  if (setrlimit(RLIMIT_CPU, &cpu) || setrlimit(RLIMIT_AS, &mem) || setrlimit(RLIMIT_FSIZE, &fsize) ||
      setrlimit(RLIMIT_CORE, &core)) {
    fail(3);
  }
  if (s.workdir && chdir(s.workdir) != 0) fail(4);
  // The judge's own descriptors (a box's pipes) must not stay open in author code.
  if (report_fd > 3) close_range(3, static_cast<unsigned>(report_fd) - 1, 0);
  close_range(static_cast<unsigned>(report_fd) + 1, ~0U, 0);
  execv(argv[0], argv);
  fail(5);
  _exit(127);
}

// Starts `argv` with the limits; the run's failure says why it could not start.
pid_t spawn_program(const std::vector<std::string>& argv, const ChildSetup& setup, ProgramRun& run) {
  std::vector<char*> args;  // built before fork: the child only calls async-signal-safe functions
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
  pid_t pid = fork();
  if (pid < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    close(pipe_fds[0]);
    exec_child(args.data(), setup, pipe_fds[1]);
  }
  close(pipe_fds[1]);
  struct {
    int step, err;
  } failure{0, 0};
  ssize_t got = read(pipe_fds[0], &failure, sizeof failure);  // EOF at exec: it started
  close(pipe_fds[0]);
  static const char* const steps[] = {"", "open its standard input", "redirect its output", "set its limits",
                                      "enter its folder", "execute it"};
  if (got == sizeof failure) run.failure = fmt::format("cannot {}: {}", steps[failure.step % 6], std::strerror(failure.err));
  return pid;
}

// Waits for a started program until `deadline`, then kills its whole process group.
ProgramRun& wait_program(pid_t pid, std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds wall,
                         ProgramRun& run) {
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      run.cpu = std::chrono::microseconds(usage.ru_utime.tv_sec * 1'000'000 + usage.ru_utime.tv_usec +
                                          usage.ru_stime.tv_sec * 1'000'000 + usage.ru_stime.tv_usec);
      run.failure = fmt::format("did not finish within {} ms (wall clock)", wall.count());
      return run;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  run.cpu = std::chrono::microseconds(usage.ru_utime.tv_sec * 1'000'000 + usage.ru_utime.tv_usec +
                                      usage.ru_stime.tv_sec * 1'000'000 + usage.ru_stime.tv_usec);
  kill(-pid, SIGKILL);  // anything it left behind in its group
  if (!run.failure.empty()) return run;
  if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    run.failure = sig == SIGXCPU || sig == SIGKILL ? fmt::format("was killed by signal {} (over its CPU limit?)", sig)
                                                   : fmt::format("was killed by signal {} ({})", sig, strsignal(sig));
  }
  return run;
}

ProgramRun run_program(const std::vector<std::string>& argv, const ChildSetup& setup, std::chrono::milliseconds wall) {
  ProgramRun run;
  pid_t pid = spawn_program(argv, setup, run);
  return wait_program(pid, std::chrono::steady_clock::now() + wall, wall, run);
}

// An output validator's (or interactor's) verdict: exit 42 or 43, with its feedback files.
ValidatorResult judged_by(const char* what, const OutputValidator& v, const ProgramRun& run, const fs::path& feedback) {
  ValidatorResult r;
  r.team_message = read_file_head(feedback / "teammessage.txt", kMessageCap).data;
  r.judge_message = read_file_head(feedback / "judgemessage.txt", kMessageCap).data;
  if (run.exit_code == 42) {
    r.outcome = ValidatorResult::Outcome::Accepted;
  } else if (run.exit_code == 43) {
    r.outcome = ValidatorResult::Outcome::Rejected;
  } else {
    r.failure = fmt::format("{} {} {}", what, v.source.string(),
                            run.exit_code ? fmt::format("exited with status {} (expected 42 or 43)", *run.exit_code) : run.failure);
  }
  return r;
}

ChildSetup limits_setup(const ValidatorLimits& l, const std::string& stdin_path) {
  ChildSetup s{};
  s.stdin_path = stdin_path.c_str();
  s.stdin_fd = s.stdout_fd = -1;
  s.cpu_seconds = static_cast<rlim_t>((l.cpu.count() + 999) / 1000);
  s.memory = static_cast<rlim_t>(l.memory.value);
  s.file_size = static_cast<rlim_t>(l.feedback.value);
  return s;
}

std::vector<fs::path> files_in(const fs::path& path) {
  std::vector<fs::path> out;
  if (fs::is_directory(path)) {
    for (const auto& e : fs::recursive_directory_iterator(path)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  } else {
    out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool has_extension(const fs::path& p, std::initializer_list<const char*> exts) {
  return std::any_of(exts.begin(), exts.end(), [&](const char* e) { return p.extension() == e; });
}

// The Python file to run in a folder: the only one, else validate.py / validator.py / main.py.
std::optional<fs::path> python_entry(const fs::path& folder, const std::vector<fs::path>& files) {
  std::vector<fs::path> py;
  for (const auto& f : files) {
    if (f.extension() == ".py" && f.parent_path() == folder) py.push_back(f);
  }
  if (py.size() == 1) return py.front();
  for (const char* name : {"validate.py", "validator.py", "main.py"}) {
    if (std::find(py.begin(), py.end(), folder / name) != py.end()) return folder / name;
  }
  if (py.empty()) return std::nullopt;
  throw std::runtime_error(folder.string() + ": several .py files and none named validate.py, validator.py or main.py");
}

OutputValidator compiled(const fs::path& source, const std::vector<fs::path>& files, const fs::path& cache_dir) {
  bool cpp = std::any_of(files.begin(), files.end(), [](auto& f) { return has_extension(f, {".cpp", ".cc", ".cxx"}); });
  fs::path folder = fs::is_directory(source) ? source : source.parent_path();
  std::vector<std::string> compile = {cpp ? "/usr/bin/g++" : "/usr/bin/gcc", "-O2", cpp ? "-std=gnu++20" : "-std=gnu11",
                                      "-I" + folder.string()};
  std::string key;
  for (const auto& a : compile) key += a + '\0';
  for (const auto& f : files) {
    key += fs::relative(f, folder).string() + '\0' + read_file_head(f, 64 << 20).data + '\0';
    if (has_extension(f, cpp ? std::initializer_list<const char*>{".cpp", ".cc", ".cxx"} : std::initializer_list<const char*>{".c"})) {
      compile.push_back(f.string());
    }
  }
  fs::create_directories(cache_dir / "validators");
  fs::path binary = cache_dir / "validators" / sha256_hex(key);
  std::error_code ec;
  if (fs::is_regular_file(binary, ec)) return {source, {binary.string()}};
  // Compile beside the cache entry, then rename: two judges compiling at once both succeed.
  fs::path partial = binary.string() + fmt::format(".{}.tmp", getpid());
  compile.insert(compile.end(), {"-o", partial.string()});
  if (!cpp) compile.push_back("-lm");
  ScratchDir scratch;
  std::string empty = (scratch.path() / "empty").string(), errors = (scratch.path() / "errors").string();
  write_file(empty, "");
  ChildSetup s = limits_setup({std::chrono::milliseconds(120'000), std::chrono::milliseconds(300'000), mib(4096)}, empty);
  s.stderr_path = errors.c_str();
  s.file_size = static_cast<rlim_t>(mib(512).value);
  ProgramRun run = run_program(compile, s, std::chrono::milliseconds(300'000));
  if (!run.failure.empty() || run.exit_code != 0) {
    fs::remove(partial, ec);
    std::string why = run.failure.empty() ? read_file_head(errors, 4000).data : "the compiler " + run.failure;
    throw std::runtime_error(fmt::format("{} does not compile:\n{}", source.string(), why));
  }
  fs::rename(partial, binary);
  return {source, {binary.string()}};
}

}  // namespace

fs::path validator_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "pyjudge";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "pyjudge";
  return fs::temp_directory_path() / fmt::format("pyjudge-cache-{}", getuid());
}

OutputValidator prepare_validator(const fs::path& path, const fs::path& cache_dir) {
  fs::path source = fs::absolute(path);
  std::vector<fs::path> files = files_in(source);
  fs::path folder = fs::is_directory(source) ? source : source.parent_path();
  if (auto py = fs::is_directory(source) ? python_entry(folder, files)
                                         : (source.extension() == ".py" ? std::optional(source) : std::nullopt)) {
    return {path, {"/usr/bin/python3", py->string()}};
  }
  bool sources = std::any_of(files.begin(), files.end(), [](auto& f) { return has_extension(f, {".c", ".cpp", ".cc", ".cxx"}); });
  if (sources) {
    OutputValidator v = compiled(source, files, cache_dir);
    v.source = path;
    return v;
  }
  if (!fs::is_directory(source) && access(source.c_str(), X_OK) == 0) return {path, {source.string()}};
  throw std::runtime_error(path.string() + ": no validator found (a .py file, C or C++ sources, or an executable)");
}

ValidatorResult run_output_validator(const OutputValidator& v, const fs::path& input, const fs::path& answer,
                                     const std::string& team_output, const std::vector<std::string>& args,
                                     const ValidatorLimits& limits) {
  ScratchDir scratch;
  fs::path feedback = scratch.path() / "feedback", team = scratch.path() / "team_output";
  fs::create_directory(feedback);
  write_file(team, team_output);
  std::vector<std::string> argv = v.command;
  argv.insert(argv.end(), {fs::absolute(input).string(), fs::absolute(answer).string(), feedback.string() + "/"});
  argv.insert(argv.end(), args.begin(), args.end());
  std::string stdin_path = team.string();
  ProgramRun run = run_program(argv, limits_setup(limits, stdin_path), limits.wall);
  return judged_by("output validator", v, run, feedback);
}

ValidatorResult run_input_validator(const OutputValidator& v, const std::string& input,
                                    const std::vector<std::string>& args, const ValidatorLimits& limits) {
  ScratchDir scratch;
  fs::path in = scratch.path() / "input";
  write_file(in, input);
  std::vector<std::string> argv = v.command;
  argv.insert(argv.end(), args.begin(), args.end());
  std::string stdin_path = in.string();
  ProgramRun run = run_program(argv, limits_setup(limits, stdin_path), limits.wall);
  ValidatorResult r;
  if (run.exit_code == 42) r.outcome = ValidatorResult::Outcome::Accepted;
  else if (run.exit_code) r.outcome = ValidatorResult::Outcome::Rejected;
  else r.failure = fmt::format("input validator {} {}", v.source.string(), run.failure);
  return r;
}

RunningInteractor::RunningInteractor(const OutputValidator& v, const fs::path& input, const fs::path& answer,
                                     const std::vector<std::string>& args, int from_solution, int to_solution,
                                     const ValidatorLimits& limits)
    : validator_(v), limits_(limits) {
  feedback_ = fs::temp_directory_path() / "pyjudge-interactor-XXXXXX";
  std::string tmpl = feedback_.string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  feedback_ = tmpl;
  std::vector<std::string> argv = v.command;
  argv.insert(argv.end(), {fs::absolute(input).string(), fs::absolute(answer).string(), feedback_.string() + "/"});
  argv.insert(argv.end(), args.begin(), args.end());
  ChildSetup s = limits_setup(limits, "");
  s.stdin_fd = from_solution;
  s.stdout_fd = to_solution;
  started_ = std::chrono::steady_clock::now();
  pid_ = spawn_program(argv, s, run_);
}

RunningInteractor::~RunningInteractor() {
  if (pid_ > 0) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  fs::remove_all(feedback_, ec);
}

ValidatorResult RunningInteractor::wait() {
  wait_program(pid_, started_ + limits_.wall, limits_.wall, run_);
  pid_ = -1;
  wall_ = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
  return judged_by("interactor", validator_, run_, feedback_);
}

}  // namespace pyjudge
