// pyjudge: argument parsing and exit codes; all the work is in the judge library.
#include <iostream>

#include "judge/errors.hpp"
#include "cli/commands.hpp"
#include "judge/runner.hpp"
#include "judge/spec.hpp"

int main(int argc, char** argv) {
  using namespace pyjudge::cli;
  CLI::App app{"pyjudge — a judge for Python coding-round solutions"};
  app.footer(
      "Exit codes: 0 accepted; 1 rejected (any verdict other than AC); 2 usage or spec error\n"
      "(the message names the file, line and field); 3 internal error.");
  app.require_subcommand(1);
  Action action;
  for (const auto& cmd : commands()) {
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.help);
    Action a = cmd.setup(*sub);
    sub->callback([&action, a] { action = a; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kUsageError;
  }
  try {
    return action();
  } catch (const pyjudge::SpecError& e) {
    std::cerr << "pyjudge: " << e.what() << "\n";
    return kUsageError;
  } catch (const pyjudge::UsageError& e) {
    std::cerr << "pyjudge: " << e.what() << "\n";
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "pyjudge: internal error: " << e.what() << "\n";
    return kInternalError;
  }
}
