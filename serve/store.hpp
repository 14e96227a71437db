// The server's durable state in one SQLite file (WAL mode): sessions, attempts with their full
// results, and every session's event log. Thread-safe: one connection behind a mutex.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace pyjudge::serve {

/// SQLite failed: the server's fault, never the client's.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct SessionRow {
  std::string id, problem, candidate_token, interviewer_token;
  std::int64_t created_ms = 0, deadline_ms = 0;
  bool locked = false;
  nlohmann::json policy = nlohmann::json::object();
};

/// queued -> running -> finished; queued -> replaced (a newer Run took its place);
/// queued or running -> interrupted (server stopped or was killed).
struct AttemptRow {
  std::string session;
  std::int64_t n = 0;  ///< 1, 2, ... per session
  std::string kind;    ///< "run" | "submit"
  std::string source;
  std::vector<std::string> inputs;
  std::string state = "queued";
  std::int64_t created_ms = 0, started_ms = 0, finished_ms = 0;
  nlohmann::json result;  ///< the full (unredacted) `run --json` object once finished
};

struct EventRow {
  std::int64_t seq = 0;  ///< per-session, 1, 2, ...; never reused, even across restarts
  std::string type;
  nlohmann::json data;   ///< unredacted
};

class Store {
 public:
  /// Opens (creating) `dir`/pyjudge.sqlite3.
  explicit Store(const std::filesystem::path& dir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  void create_session(const SessionRow& s);
  std::optional<SessionRow> session(const std::string& id);
  void set_locked(const std::string& id, bool locked);
  void set_deadline(const std::string& id, std::int64_t deadline_ms);

  /// Inserts the attempt with the next number of its session and returns that number.
  std::int64_t add_attempt(const AttemptRow& a);
  void set_attempt_state(const std::string& session, std::int64_t n, const std::string& state,
                         std::int64_t at_ms, const nlohmann::json* result = nullptr);
  std::vector<AttemptRow> attempts(const std::string& session);
  /// Attempts created at or after `since_ms` (the rate limit's window).
  int attempts_since(const std::string& session, std::int64_t since_ms);

  /// An attempt's change of state that goes with an event (its start, its end).
  struct AttemptUpdate {
    std::int64_t n = 0;
    std::string state;
    std::int64_t at_ms = 0;
    const nlohmann::json* result = nullptr;
  };
  /// Appends an event with the session's next sequence number and returns it; with `update`,
  /// the attempt's state changes in the same transaction (a finished attempt always has its end
  /// event, even after kill -9).
  std::int64_t append_event(const std::string& session, const std::string& type,
                            const nlohmann::json& data, const AttemptUpdate* update = nullptr);
  std::vector<EventRow> events_after(const std::string& session, std::int64_t after,
                                     std::size_t limit);

  /// Queued and running attempts: at start-up, those a killed server left behind.
  std::vector<AttemptRow> unfinished_attempts();

 private:
  void exec(const char* sql);
  void update_attempt(const std::string& session, const AttemptUpdate& u);
  sqlite3* db_ = nullptr;
  std::mutex m_;
};

}  // namespace pyjudge::serve
