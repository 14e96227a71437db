// Subcommands for many submissions at once: batch (grading), merge (shards), check (CI), and the
// hidden worker that batch and check spawn.
#pragma once

#include "cli/commands.hpp"

namespace pyjudge::cli {

Action batch_command(CLI::App& app);
Action merge_command(CLI::App& app);
Action check_command(CLI::App& app);
Action worker_command(CLI::App& app);

}  // namespace pyjudge::cli
