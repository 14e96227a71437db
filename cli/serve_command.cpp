// `pyjudge serve`: options only; the server is the serve library.
#include <iostream>

#include "cli/commands.hpp"
#include "judge/problems.hpp"
#include "serve/server.hpp"

namespace pyjudge::cli {

Action serve_command(CLI::App& app) {
  auto o = std::make_shared<serve::ServeOptions>();
  auto problems = std::make_shared<std::string>();
  o->web_dir = PYJUDGE_WEB_DIR;
  app.add_option("--listen", o->listen, "ADDRESS:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
  app.add_option("--problems", *problems, "folder of problems");
  app.add_option("--data", o->data_dir, "folder of the SQLite database (created)");
  app.add_option("-j,--jobs", o->workers, "worker threads judging attempts")->check(CLI::Range(1, 64));
  app.add_option("--queue", o->queue_capacity, "attempts that may wait; more are refused with 503")->check(CLI::Range(1, 100000));
  app.add_option("--max-connections", o->max_connections, "open connections and event streams; more are closed at once")
      ->check(CLI::Range(1, 100000));
  app.add_option("--admin-token-file", o->admin_token_file, "read the admin token from this file instead of printing a new one");
  app.add_option("--public-url", o->public_url, "how links to this server start (behind a proxy)");
  app.add_option("--web", o->web_dir, "folder of the pages");
  app.add_option("--codemirror", o->codemirror_dir, "CodeMirror 5 folder (Debian's libjs-codemirror)");
  app.add_option("--max-source", o->caps.max_source, "largest source in bytes (413 over it)");
  app.add_option("--max-inputs", o->caps.max_inputs, "most custom inputs in a run (413 over it)");
  app.add_option("--max-input", o->caps.max_input, "largest custom input in bytes (413 over it)");
  app.add_option("--attempts-per-minute", o->caps.attempts_per_minute, "attempts a session may make in a minute (429 over it)")
      ->check(CLI::Range(1, 100000));
  auto complexity = std::make_shared<std::pair<bool, double>>(false, 10.0);
  app.add_flag("--complexity", complexity->first,
               "a Submit's result also carries the complexity report (run --complexity), for the interviewer only");
  app.add_option("--complexity-budget", complexity->second, "CPU seconds one --complexity analysis may spend")
      ->check(CLI::Range(0.5, 600.0));
  return [o, problems, complexity] {
    o->complexity_budget_s = complexity->first ? complexity->second : 0;
    o->problems_dir = problems->empty() ? default_problems_dir() : std::filesystem::path(*problems);
    return serve::run_server(*o, std::cout);
  };
}

}  // namespace pyjudge::cli
