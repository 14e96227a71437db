// The HTTP API and the pages: routes, tokens and roles, caps, and the JSON each role sees.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "serve/attempt_queue.hpp"
#include "serve/event_log.hpp"
#include "serve/http_server.hpp"
#include "serve/judging.hpp"
#include "serve/metrics.hpp"
#include "serve/redact.hpp"
#include "serve/store.hpp"

namespace pyjudge::serve {

/// Bounds on what a client may send; over them the answer is 413 or 429.
struct Caps {
  std::size_t max_body = 1 << 20;
  std::size_t max_source = 64 * 1024;
  std::size_t max_inputs = 10;
  std::size_t max_input = 4 * 1024;
  int attempts_per_minute = 20;
  int max_minutes = 24 * 60;
};

struct ApiContext {
  Store& store;
  EventLog& log;
  AttemptQueue& queue;
  Metrics& metrics;
  const std::map<std::string, CatalogueEntry>& catalogue;
  std::string admin_token;
  std::string base_url;  ///< what links start with: "http://127.0.0.1:8080"
  std::filesystem::path web_dir, codemirror_dir;
  Caps caps;
  int workers = 1;
};

class Api {
 public:
  explicit Api(ApiContext ctx) : ctx_(std::move(ctx)) {}
  /// Answers every request; errors are JSON {error, detail} with their status.
  Reply handle(const Request& req);

 private:
  struct Target;
  Reply route(const Request& req, const Target& t);
  Reply create_session(const Request& req);
  Reply list_problems(const Request& req, const Target& t);
  Reply session_view(const Request& req, const Target& t, const std::string& id);
  Reply post_attempt(const Request& req, const Target& t, const std::string& id);
  Reply events(const Request& req, const Target& t, const std::string& id);
  Reply lock(const Request& req, const Target& t, const std::string& id);
  Reply extend(const Request& req, const Target& t, const std::string& id);
  Reply file(const std::filesystem::path& root, const std::string& relative, bool page);

  struct Access {
    SessionRow session;
    Role role;
  };
  Access authorise(const Request& req, const Target& t, const std::string& id);
  void require_admin(const Request& req, const Target& t);

  ApiContext ctx_;
};

}  // namespace pyjudge::serve
