// A problem package's own programs, run outside the sandbox as trusted author code but with a
// time and memory limit: output validators (`validator input answer feedback_dir [args] <
// team_output`, exit 42 accepted, 43 wrong answer) and input validators (`validator [args] <
// input`, exit 42 valid). Python runs with /usr/bin/python3; C and C++ are compiled once with
// the system compiler and cached by content hash.
#pragma once

#include <chrono>
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "judge/spec.hpp"

namespace pyjudge {

/// Where compiled validators are cached: $XDG_CACHE_HOME/pyjudge, else ~/.cache/pyjudge, else
/// a folder under the temporary directory. The one place that decides it.
std::filesystem::path validator_cache_dir();

/// Makes `path` (a .py/.c/.cpp file, or a folder of them) runnable: Python files as
/// `/usr/bin/python3 file`, C/C++ sources compiled into `cache_dir` (once per content: the
/// binary's name is the SHA-256 of the sources and the compiler command). Throws
/// std::runtime_error with the compiler's message (cut) when it does not compile.
OutputValidator prepare_validator(const std::filesystem::path& path, const std::filesystem::path& cache_dir);

struct ValidatorLimits {
  std::chrono::milliseconds cpu{10'000};
  std::chrono::milliseconds wall{30'000};
  Bytes memory = mib(2048);
  Bytes feedback = mib(1);  ///< largest feedback file written; what is read is cut at 64 KiB
};

struct ValidatorResult {
  enum class Outcome { Accepted, Rejected, Failed } outcome = Outcome::Failed;
  std::string team_message;   ///< teammessage.txt: may be shown to the candidate (sample tests)
  std::string judge_message;  ///< judgemessage.txt: for the problem's authors only
  std::string failure;        ///< why it Failed: names the validator, its exit status or signal
};

/// Runs an output validator on one test's files and the candidate's output.
ValidatorResult run_output_validator(const OutputValidator& v, const std::filesystem::path& input,
                                     const std::filesystem::path& answer, const std::string& team_output,
                                     const std::vector<std::string>& args, const ValidatorLimits& limits = {});

/// How a validator process ended.
struct ProgramRun {
  std::optional<int> exit_code;  ///< set when it exited
  std::string failure;           ///< set when it could not start, was killed or timed out
  std::chrono::microseconds cpu{0};  ///< its CPU time (user + system), from wait4
};

/// An interactive problem's interactor (its output validator), started on one test as
/// `validator input answer feedback_dir [args]` with `from_solution` as its stdin and
/// `to_solution` as its stdout: in the judge's trust domain, with its own CPU, memory and wall
/// limits (its wall clock starts here). The caller closes its own copies of the two pipe ends.
/// Killed, and its feedback folder removed, when destroyed.
class RunningInteractor {
 public:
  RunningInteractor(const OutputValidator& v, const std::filesystem::path& input, const std::filesystem::path& answer,
                    const std::vector<std::string>& args, int from_solution, int to_solution,
                    const ValidatorLimits& limits);
  ~RunningInteractor();
  RunningInteractor(const RunningInteractor&) = delete;
  RunningInteractor& operator=(const RunningInteractor&) = delete;

  /// Waits for it to end (at most its wall limit from its start): Accepted on 42, Rejected on
  /// 43, else Failed naming it with its exit status, signal or timeout.
  ValidatorResult wait();
  std::chrono::microseconds cpu() const { return run_.cpu; }  ///< after wait()
  std::chrono::microseconds wall() const { return wall_; }    ///< after wait()

 private:
  const OutputValidator& validator_;
  ValidatorLimits limits_;
  std::filesystem::path feedback_;
  pid_t pid_ = -1;
  ProgramRun run_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::microseconds wall_{0};
};

/// Runs an input validator with `input` on its standard input: Accepted when it exits 42.
ValidatorResult run_input_validator(const OutputValidator& v, const std::string& input,
                                    const std::vector<std::string>& args, const ValidatorLimits& limits = {});

}  // namespace pyjudge
