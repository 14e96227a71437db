#include "serve/store.hpp"

#include <sqlite3.h>

namespace pyjudge::serve {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sessions(
  id TEXT PRIMARY KEY, problem TEXT NOT NULL, candidate_token TEXT NOT NULL,
  interviewer_token TEXT NOT NULL, created_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0, policy TEXT NOT NULL DEFAULT '{}');
CREATE TABLE IF NOT EXISTS attempts(
  session TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL,
  inputs TEXT NOT NULL, state TEXT NOT NULL, created_ms INTEGER NOT NULL,
  started_ms INTEGER NOT NULL DEFAULT 0, finished_ms INTEGER NOT NULL DEFAULT 0,
  result TEXT, PRIMARY KEY(session, n));
CREATE TABLE IF NOT EXISTS events(
  session TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY(session, seq));
)sql";

// A prepared statement, finalized on scope exit; errors become StoreError.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(st_); }
  Statement& bind(int i, const std::string& v) {
    check(sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, std::int64_t v) {
    check(sqlite3_bind_int64(st_, i, v));
    return *this;
  }
  /// True while there is a row.
  bool step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  std::string text(int i) {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, i))) : std::string();
  }
  std::int64_t integer(int i) { return sqlite3_column_int64(st_, i); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() { throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

nlohmann::json parse_stored(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

AttemptRow attempt_from(Statement& q) {
  AttemptRow a;
  a.session = q.text(0);
  a.n = q.integer(1);
  a.kind = q.text(2);
  a.source = q.text(3);
  auto inputs = parse_stored(q.text(4));
  if (inputs.is_array()) {
    for (const auto& i : inputs) a.inputs.push_back(i.is_string() ? i.get<std::string>() : "");
  }
  a.state = q.text(5);
  a.created_ms = q.integer(6);
  a.started_ms = q.integer(7);
  a.finished_ms = q.integer(8);
  a.result = parse_stored(q.text(9));
  return a;
}

constexpr const char* kAttemptColumns =
    "SELECT session, n, kind, source, inputs, state, created_ms, started_ms, finished_ms, "
    "COALESCE(result, '') FROM attempts ";

}  // namespace

Store::Store(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  auto file = dir / "pyjudge.sqlite3";
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw StoreError("cannot open " + file.string() + ": " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  // WAL: readers never block the writer; NORMAL sync: a committed event survives kill -9 (the
  // WAL is in the page cache), and only a power cut may lose the last transactions.
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  exec(kSchema);
}

Store::~Store() { sqlite3_close(db_); }

void Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "?";
    sqlite3_free(err);
    throw StoreError("sqlite: " + why);
  }
}

void Store::create_session(const SessionRow& s) {
  std::lock_guard lock(m_);
  Statement(db_,
            "INSERT INTO sessions(id, problem, candidate_token, interviewer_token, created_ms, "
            "deadline_ms, locked, policy) VALUES(?,?,?,?,?,?,?,?)")
      .bind(1, s.id).bind(2, s.problem).bind(3, s.candidate_token).bind(4, s.interviewer_token)
      .bind(5, s.created_ms).bind(6, s.deadline_ms).bind(7, std::int64_t{s.locked}).bind(8, dump(s.policy))
      .step();
}

std::optional<SessionRow> Store::session(const std::string& id) {
  std::lock_guard lock(m_);
  Statement q(db_,
              "SELECT id, problem, candidate_token, interviewer_token, created_ms, deadline_ms, "
              "locked, policy FROM sessions WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  SessionRow s{q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4), q.integer(5), q.integer(6) != 0,
               parse_stored(q.text(7))};
  if (!s.policy.is_object()) s.policy = nlohmann::json::object();
  return s;
}

void Store::set_locked(const std::string& id, bool locked) {
  std::lock_guard lock(m_);
  Statement(db_, "UPDATE sessions SET locked = ? WHERE id = ?").bind(1, std::int64_t{locked}).bind(2, id).step();
}

void Store::set_deadline(const std::string& id, std::int64_t deadline_ms) {
  std::lock_guard lock(m_);
  Statement(db_, "UPDATE sessions SET deadline_ms = ? WHERE id = ?").bind(1, deadline_ms).bind(2, id).step();
}

std::int64_t Store::add_attempt(const AttemptRow& a) {
  std::lock_guard lock(m_);
  Statement next(db_, "SELECT COALESCE(MAX(n), 0) + 1 FROM attempts WHERE session = ?");
  next.bind(1, a.session).step();
  std::int64_t n = next.integer(0);
  Statement(db_,
            "INSERT INTO attempts(session, n, kind, source, inputs, state, created_ms) "
            "VALUES(?,?,?,?,?,?,?)")
      .bind(1, a.session).bind(2, n).bind(3, a.kind).bind(4, a.source).bind(5, dump(nlohmann::json(a.inputs)))
      .bind(6, a.state).bind(7, a.created_ms)
      .step();
  return n;
}

void Store::set_attempt_state(const std::string& session, std::int64_t n, const std::string& state,
                              std::int64_t at_ms, const nlohmann::json* result) {
  std::lock_guard lock(m_);
  update_attempt(session, {n, state, at_ms, result});
}

void Store::update_attempt(const std::string& session, const AttemptUpdate& u) {
  const char* sql = u.state == "running"
                        ? "UPDATE attempts SET state = ?, started_ms = ? WHERE session = ? AND n = ?"
                        : "UPDATE attempts SET state = ?, finished_ms = ? WHERE session = ? AND n = ?";
  Statement(db_, sql).bind(1, u.state).bind(2, u.at_ms).bind(3, session).bind(4, u.n).step();
  if (u.result) {
    Statement(db_, "UPDATE attempts SET result = ? WHERE session = ? AND n = ?")
        .bind(1, dump(*u.result)).bind(2, session).bind(3, u.n)
        .step();
  }
}

std::vector<AttemptRow> Store::attempts(const std::string& session) {
  std::lock_guard lock(m_);
  Statement q(db_, (std::string(kAttemptColumns) + "WHERE session = ? ORDER BY n").c_str());
  q.bind(1, session);
  std::vector<AttemptRow> out;
  while (q.step()) out.push_back(attempt_from(q));
  return out;
}

int Store::attempts_since(const std::string& session, std::int64_t since_ms) {
  std::lock_guard lock(m_);
  Statement q(db_, "SELECT COUNT(*) FROM attempts WHERE session = ? AND created_ms >= ?");
  q.bind(1, session).bind(2, since_ms).step();
  return static_cast<int>(q.integer(0));
}

std::int64_t Store::append_event(const std::string& session, const std::string& type, const nlohmann::json& data,
                                 const AttemptUpdate* update) {
  std::lock_guard lock(m_);
  exec("BEGIN IMMEDIATE");
  try {
    if (update) update_attempt(session, *update);
    // The next number comes from the stored log itself, so a restart (even after kill -9) goes
    // on from the last committed event and never hands out a number a client has already seen.
    Statement next(db_, "SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session = ?");
    next.bind(1, session).step();
    std::int64_t seq = next.integer(0);
    Statement(db_, "INSERT INTO events(session, seq, type, data) VALUES(?,?,?,?)")
        .bind(1, session).bind(2, seq).bind(3, type).bind(4, dump(data))
        .step();
    exec("COMMIT");
    return seq;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<EventRow> Store::events_after(const std::string& session, std::int64_t after, std::size_t limit) {
  std::lock_guard lock(m_);
  Statement q(db_, "SELECT seq, type, data FROM events WHERE session = ? AND seq > ? ORDER BY seq LIMIT ?");
  q.bind(1, session).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
  std::vector<EventRow> out;
  while (q.step()) out.push_back({q.integer(0), q.text(1), parse_stored(q.text(2))});
  return out;
}

std::vector<AttemptRow> Store::unfinished_attempts() {
  std::lock_guard lock(m_);
  Statement q(db_, (std::string(kAttemptColumns) + "WHERE state IN ('queued', 'running') ORDER BY session, n").c_str());
  std::vector<AttemptRow> left;
  while (q.step()) left.push_back(attempt_from(q));
  return left;
}

}  // namespace pyjudge::serve
