// The subcommands of `pyjudge`: each a {name, help, setup} row; setup adds its options to CLI11
// and returns the function to run, which returns the process exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace pyjudge::cli {

/// Exit codes, documented in --help and README.
enum ExitCode : int {
  kAccepted = 0,
  kRejected = 1,    ///< any verdict other than AC
  kUsageError = 2,  ///< bad arguments, unknown problem, malformed spec
  kInternalError = 3,
};

using Action = std::function<int()>;

struct Command {
  const char* name;
  const char* help;
  std::function<Action(CLI::App&)> setup;
};

const std::vector<Command>& commands();

}  // namespace pyjudge::cli
