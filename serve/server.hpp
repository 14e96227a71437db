// `pyjudge serve`: the live round server, assembled from its parts and run until SIGTERM.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "serve/api.hpp"

namespace pyjudge::serve {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";  ///< address:port; port 0 picks a free one
  std::filesystem::path problems_dir;
  std::filesystem::path data_dir = "pyjudge-data";
  std::filesystem::path web_dir;
  std::filesystem::path codemirror_dir = "/usr/share/javascript/codemirror";
  std::filesystem::path admin_token_file;  ///< empty: a new token, printed at start
  std::string public_url;                  ///< empty: http://<listen address>
  int workers = 2;
  std::size_t queue_capacity = 64;
  std::size_t max_connections = 1024;  ///< open connections and event streams
  Caps caps;
  /// `--complexity`: a Submit's result also carries the complexity report (interviewer only),
  /// within this many CPU seconds; 0: off.
  double complexity_budget_s = 0;
};

/// Serves until SIGTERM or SIGINT, then stops accepting, marks waiting attempts interrupted,
/// lets running ones finish, closes the streams and returns 0. Progress goes to `out`.
int run_server(const ServeOptions& options, std::ostream& out);

}  // namespace pyjudge::serve
