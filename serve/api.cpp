#include "serve/api.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <charconv>

#include "serve/static_files.hpp"
#include "serve/tokens.hpp"
#include "serve/workers.hpp"

namespace pyjudge::serve {

namespace {

using json = nlohmann::json;

struct ApiError {
  http::status status;
  std::string error, detail;
  int retry_after = 0;  ///< seconds, for 429 and 503
};

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void secure(Response& res) {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
}

Reply json_reply(http::status status, const json& body) {
  Reply r{json_response(status, dump(body)), {}};
  secure(r.response);
  return r;
}

Reply error_reply(const ApiError& e) {
  Reply r = json_reply(e.status, {{"error", e.error}, {"detail", e.detail}});
  if (e.retry_after > 0) r.response.set(http::field::retry_after, std::to_string(e.retry_after));
  return r;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int v = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && p == s.data() + i + 3) {
        out += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    out += s[i] == '+' ? ' ' : s[i];
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

json parse_body(const Request& req) {
  json body = json::parse(req.body(), nullptr, false);
  if (body.is_discarded() || !body.is_object()) throw ApiError{http::status::bad_request, "bad_body", "the body must be a JSON object"};
  return body;
}

std::optional<std::int64_t> parse_count(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

std::string iso_time(std::int64_t ms) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(static_cast<std::time_t>(ms / 1000)));
}

// One event as its stream shows it, redacted for the stream's role. JSON escapes newlines, so an
// SSE `data:` line is always one line and candidate text never starts a line of the stream.
std::string format_event(const EventRow& e, Role role, bool ndjson) {
  json data = redact_event(e.type, e.data, role);
  if (ndjson) return dump({{"id", e.seq}, {"event", e.type}, {"data", data}}) + "\n";
  return fmt::format("id: {}\nevent: {}\ndata: {}\n\n", e.seq, e.type, dump(data));
}

// Holds its stream weakly: a stream whose client left is freed (and its connection slot with it)
// by its socket's last handler, not at the session's next event.
class StreamSubscriber final : public Subscriber {
 public:
  StreamSubscriber(const std::shared_ptr<Stream>& stream, Role role, bool ndjson)
      : stream_(stream), role_(role), ndjson_(ndjson) {}
  void deliver(const EventRow& e) override {
    if (auto s = stream_.lock()) s->send(format_event(e, role_, ndjson_));
  }
  bool alive() const override {
    auto s = stream_.lock();
    return s && s->open();
  }

 private:
  std::weak_ptr<Stream> stream_;
  Role role_;
  bool ndjson_;
};

}  // namespace

struct Api::Target {
  std::string path;
  std::map<std::string, std::string> query;
  std::string param(const std::string& k) const {
    auto it = query.find(k);
    return it == query.end() ? std::string() : it->second;
  }
};

Reply Api::handle(const Request& req) {
  Target t;
  std::string_view target(req.target().data(), req.target().size());
  auto q = target.find('?');
  t.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) {
    for (const auto& pair : split(target.substr(q + 1), '&')) {
      auto eq = pair.find('=');
      if (eq == std::string::npos) t.query[percent_decode(pair)] = "";
      else t.query[percent_decode(pair.substr(0, eq))] = percent_decode(pair.substr(eq + 1));
    }
  }
  try {
    return route(req, t);
  } catch (const ApiError& e) {
    return error_reply(e);
  } catch (const StoreError& e) {
    return error_reply({http::status::internal_server_error, "storage", "the server could not read or write its data"});
  }
}

Reply Api::route(const Request& req, const Target& t) {
  bool get = req.method() == http::verb::get, post = req.method() == http::verb::post;
  auto only = [&](bool ok) {
    if (!ok) throw ApiError{http::status::method_not_allowed, "method_not_allowed", "this path does not take that method"};
  };
  if (t.path == "/healthz") {
    only(get);
    return json_reply(http::status::ok, {{"status", "ok"}, {"workers", ctx_.workers}, {"queue_depth", ctx_.queue.depth()},
                                         {"problems", ctx_.catalogue.size()}});
  }
  if (t.path == "/metrics") {
    only(get);
    Reply r{json_response(http::status::ok, ctx_.metrics.render(ctx_.queue.depth(), ctx_.queue.running(), ctx_.workers)), {}};
    r.response.set(http::field::content_type, "text/plain; version=0.0.4");
    return r;
  }
  if (t.path == "/" || t.path == "/candidate" || t.path == "/interviewer") {
    only(get);
    return file(ctx_.web_dir, t.path == "/" ? "index.html" : t.path.substr(1) + ".html", true);
  }
  if (t.path.starts_with("/static/")) return file(ctx_.web_dir, t.path.substr(8), false);
  if (t.path.starts_with("/codemirror/")) return file(ctx_.codemirror_dir, t.path.substr(12), false);
  if (t.path == "/api/problems") return only(get), list_problems(req, t);
  if (t.path == "/api/sessions") return only(post), create_session(req);
  auto parts = split(t.path, '/');  // "", "api", "sessions", id, [what]
  if (parts.size() >= 4 && parts.size() <= 5 && parts[1] == "api" && parts[2] == "sessions") {
    const std::string& id = parts[3];
    std::string what = parts.size() == 5 ? parts[4] : "";
    if (what.empty()) return only(get), session_view(req, t, id);
    if (what == "attempts") return only(post), post_attempt(req, t, id);
    if (what == "events") return only(get), events(req, t, id);
    if (what == "lock") return only(post), lock(req, t, id);
    if (what == "deadline") return only(post), extend(req, t, id);
  }
  throw ApiError{http::status::not_found, "not_found", "no such path"};
}

Reply Api::file(const std::filesystem::path& root, const std::string& relative, bool page) {
  auto f = read_static(root, relative);
  if (!f) throw ApiError{http::status::not_found, "not_found", "no such file"};
  Reply r{Response{http::status::ok, 11}, {}};
  r.response.set(http::field::content_type, f->content_type);
  r.response.body() = std::move(f->body);
  secure(r.response);
  if (page) {
    // A second wall behind escaping: no inline or foreign script ever runs on these pages.
    r.response.set("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                   "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    r.response.set(http::field::cache_control, "no-store");
  }
  return r;
}

namespace {

std::string bearer(const Request& req, const std::string& query_token) {
  auto h = req[http::field::authorization];
  std::string_view v(h.data(), h.size());
  if (v.starts_with("Bearer ")) return std::string(v.substr(7));
  return query_token;  // EventSource cannot set headers: streams pass ?token=
}

}  // namespace

void Api::require_admin(const Request& req, const Target& t) {
  if (!same_token(bearer(req, t.param("token")), ctx_.admin_token)) {
    throw ApiError{http::status::unauthorized, "unauthorized", "this needs the server's admin token"};
  }
}

Api::Access Api::authorise(const Request& req, const Target& t, const std::string& id) {
  std::string token = bearer(req, t.param("token"));
  if (token.empty()) throw ApiError{http::status::unauthorized, "unauthorized", "a session token is required"};
  auto s = id.size() <= 64 ? ctx_.store.session(id) : std::nullopt;
  if (!s) throw ApiError{http::status::not_found, "not_found", "no such session"};
  // Both compared every time, so the time taken does not tell which role a guess was close to.
  bool interviewer = same_token(token, s->interviewer_token);
  bool candidate = same_token(token, s->candidate_token);
  if (!interviewer && !candidate) throw ApiError{http::status::unauthorized, "unauthorized", "wrong token for this session"};
  return {*s, interviewer ? Role::Interviewer : Role::Candidate};
}

Reply Api::list_problems(const Request& req, const Target& t) {
  require_admin(req, t);
  json out = json::array();
  for (const auto& [id, e] : ctx_.catalogue) {
    out.push_back({{"id", id}, {"title", e.problem.title}, {"difficulty", e.problem.difficulty},
                   {"mode", mode_name(e.problem.mode)}, {"topics", e.problem.topics}});
  }
  return json_reply(http::status::ok, out);
}

Reply Api::create_session(const Request& req) {
  require_admin(req, {});
  json body = parse_body(req);
  if (!body.contains("problem") || !body["problem"].is_string()) {
    throw ApiError{http::status::bad_request, "bad_body", "`problem` must be a problem id"};
  }
  std::string problem = body["problem"];
  if (!ctx_.catalogue.count(problem)) throw ApiError{http::status::bad_request, "unknown_problem", "no problem with that id"};
  if (!body.contains("minutes") || !body["minutes"].is_number_integer() || body["minutes"].get<std::int64_t>() < 1 ||
      body["minutes"].get<std::int64_t>() > ctx_.caps.max_minutes) {
    throw ApiError{http::status::bad_request, "bad_body", fmt::format("`minutes` must be an integer from 1 to {}", ctx_.caps.max_minutes)};
  }
  json policy = json::object();
  if (body.contains("policy")) {
    const json& p = body["policy"];
    if (!p.is_object()) throw ApiError{http::status::bad_request, "bad_body", "`policy` must be an object"};
    for (const auto& [k, v] : p.items()) {
      if (k != "attempts_per_minute" || !v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > ctx_.caps.attempts_per_minute) {
        throw ApiError{http::status::bad_request, "bad_body",
                       fmt::format("`policy` takes attempts_per_minute from 1 to {}", ctx_.caps.attempts_per_minute)};
      }
      policy[k] = v;
    }
  }
  SessionRow s;
  s.id = random_hex(8);
  s.problem = problem;
  s.candidate_token = new_token();
  s.interviewer_token = new_token();
  s.created_ms = now_ms();
  s.deadline_ms = s.created_ms + body["minutes"].get<std::int64_t>() * 60'000;
  s.policy = policy;
  ctx_.store.create_session(s);
  return json_reply(http::status::created,
                    {{"id", s.id},
                     {"candidate_token", s.candidate_token},
                     {"interviewer_token", s.interviewer_token},
                     {"candidate_url", ctx_.base_url + "/candidate#session=" + s.id + "&token=" + s.candidate_token},
                     {"interviewer_url", ctx_.base_url + "/interviewer#session=" + s.id + "&token=" + s.interviewer_token},
                     {"deadline", iso_time(s.deadline_ms)},
                     {"deadline_ms", s.deadline_ms}});
}

Reply Api::session_view(const Request& req, const Target& t, const std::string& id) {
  auto [s, role] = authorise(req, t, id);
  const CatalogueEntry* e = ctx_.catalogue.count(s.problem) ? &ctx_.catalogue.at(s.problem) : nullptr;
  std::int64_t now = now_ms();
  json attempts = json::array();
  for (const auto& a : ctx_.store.attempts(id)) {
    attempts.push_back({{"attempt", a.n}, {"kind", a.kind}, {"state", a.state}, {"source", a.source}, {"inputs", a.inputs},
                        {"created_ms", a.created_ms}, {"started_ms", a.started_ms}, {"finished_ms", a.finished_ms},
                        {"result", a.result.is_null() ? json() : redact_report(a.result, role)}});
  }
  json out = {{"id", s.id},
              {"role", role_name(role)},
              {"problem", {{"id", s.problem}}},
              {"deadline", iso_time(s.deadline_ms)},
              {"deadline_ms", s.deadline_ms},
              {"now_ms", now},
              {"locked", s.locked},
              {"state", s.locked ? "locked" : now > s.deadline_ms ? "ended" : "open"},
              {"policy", s.policy},
              {"attempts", attempts}};
  if (e) {
    out["problem"] = {{"id", s.problem}, {"title", e->problem.title}, {"difficulty", e->problem.difficulty},
                      {"mode", mode_name(e->problem.mode)}, {"entry", e->problem.entry}};
    out["statement_html"] = e->statement_html;
    out["samples"] = e->samples;
    out["starter"] = e->starter;
    out["custom_inputs"] = accepts_custom_inputs(e->problem);
  }
  return json_reply(http::status::ok, out);
}

Reply Api::post_attempt(const Request& req, const Target& t, const std::string& id) {
  auto [s, role] = authorise(req, t, id);
  auto reject = [&](ApiError e) -> ApiError {
    ctx_.metrics.attempt_rejected(static_cast<int>(e.status));
    return e;
  };
  json body = parse_body(req);
  std::string kind = body.value("kind", "");
  if (kind != "run" && kind != "submit") throw reject({http::status::bad_request, "bad_body", "`kind` must be \"run\" or \"submit\""});
  if (!body.contains("source") || !body["source"].is_string()) throw reject({http::status::bad_request, "bad_body", "`source` must be a string"});
  std::string source = body["source"];
  if (source.size() > ctx_.caps.max_source) {
    throw reject({http::status::payload_too_large, "too_large", fmt::format("the source is over {} bytes", ctx_.caps.max_source)});
  }
  std::vector<std::string> inputs;
  if (body.contains("inputs")) {
    const json& in = body["inputs"];
    if (!in.is_array()) throw reject({http::status::bad_request, "bad_body", "`inputs` must be an array of strings"});
    if (kind != "run") throw reject({http::status::bad_request, "bad_body", "custom inputs go with a run, not a submit"});
    if (in.size() > ctx_.caps.max_inputs) {
      throw reject({http::status::payload_too_large, "too_large", fmt::format("at most {} custom inputs", ctx_.caps.max_inputs)});
    }
    for (const auto& i : in) {
      if (!i.is_string()) throw reject({http::status::bad_request, "bad_body", "`inputs` must be an array of strings"});
      if (i.get_ref<const std::string&>().size() > ctx_.caps.max_input) {
        throw reject({http::status::payload_too_large, "too_large", fmt::format("a custom input is over {} bytes", ctx_.caps.max_input)});
      }
      inputs.push_back(i);
    }
    auto e = ctx_.catalogue.find(s.problem);
    if (!inputs.empty() && (e == ctx_.catalogue.end() || !accepts_custom_inputs(e->second.problem))) {
      throw reject({http::status::bad_request, "bad_body", "this problem takes no custom inputs (design and script modes)"});
    }
  }
  std::int64_t now = now_ms();
  if (s.locked) throw reject({http::status::conflict, "locked", "the interviewer locked this session"});
  if (now > s.deadline_ms) throw reject({http::status::conflict, "deadline_passed", "the session's time is up"});
  if (!ctx_.catalogue.count(s.problem)) throw reject({http::status::conflict, "problem_gone", "the problem is not loaded"});

  std::lock_guard admission(ctx_.queue.admission_lock());
  int per_minute = s.policy.value("attempts_per_minute", ctx_.caps.attempts_per_minute);
  if (ctx_.store.attempts_since(id, now - 60'000) >= per_minute) {
    throw reject({http::status::too_many_requests, "too_many_attempts",
                  fmt::format("at most {} attempts a minute in a session", per_minute), 60});
  }
  Job job{id, 0, kind, s.problem, source, inputs, std::chrono::steady_clock::now()};
  auto admitted = ctx_.queue.admit(job);
  if (admitted.admission == AttemptQueue::Admission::Full) {
    throw reject({http::status::service_unavailable, "queue_full", "the judge is busy; try again shortly", 5});
  }
  if (admitted.admission == AttemptQueue::Admission::Closed) {
    throw reject({http::status::service_unavailable, "shutting_down", "the server is stopping", 30});
  }
  if (admitted.admission == AttemptQueue::Admission::SubmitWaiting) {
    throw reject({http::status::conflict, "submit_waiting", "a submit is waiting to be judged; wait for it"});
  }
  AttemptRow row{id, 0, kind, source, inputs, "queued", now, 0, 0, json()};
  job.attempt = ctx_.store.add_attempt(row);
  if (admitted.replaced) {
    Store::AttemptUpdate replaced{*admitted.replaced, "replaced", now, nullptr};
    ctx_.log.append(id, "replaced", {{"attempt", *admitted.replaced}, {"by", job.attempt}}, &replaced);
  }
  ctx_.log.append(id, "queued", {{"attempt", job.attempt}, {"kind", kind}});
  ctx_.queue.push(job);
  ctx_.metrics.attempt_queued(kind);
  json out = {{"attempt", job.attempt}, {"events_url", "/api/sessions/" + id + "/events"}};
  if (admitted.replaced) out["replaced"] = *admitted.replaced;
  return json_reply(http::status::accepted, out);
}

Reply Api::events(const Request& req, const Target& t, const std::string& id) {
  auto [s, role] = authorise(req, t, id);
  std::string format = t.param("format");
  if (!format.empty() && format != "sse" && format != "ndjson") {
    throw ApiError{http::status::bad_request, "bad_query", "`format` is sse or ndjson"};
  }
  bool ndjson = format == "ndjson";
  auto last = req["Last-Event-ID"];
  std::string since_text = !t.param("since").empty() ? t.param("since") : std::string(last.data(), last.size());
  std::int64_t since = 0;
  if (!since_text.empty()) {
    auto v = parse_count(since_text);
    if (!v) throw ApiError{http::status::bad_request, "bad_query", "`since` / Last-Event-ID must be an event id"};
    since = *v;
  }
  Reply r{Response{http::status::ok, 11}, {}};
  secure(r.response);
  r.response.set(http::field::cache_control, "no-store");
  r.response.set(http::field::content_type, ndjson ? "application/x-ndjson" : "text/event-stream; charset=utf-8");
  if (t.param("follow") == "0") {  // what is stored now, then the end of the body
    for (const auto& e : ctx_.store.events_after(id, since, 100'000)) r.response.body() += format_event(e, role, ndjson);
    return r;
  }
  r.response.set("X-Accel-Buffering", "no");
  r.stream = [this, id, since, role = role, ndjson](std::shared_ptr<Stream> stream) {
    if (!ndjson) stream->send("retry: 1000\n\n");
    ctx_.log.subscribe(id, since, std::make_shared<StreamSubscriber>(stream, role, ndjson));
  };
  return r;
}

Reply Api::lock(const Request& req, const Target& t, const std::string& id) {
  auto [s, role] = authorise(req, t, id);
  if (role != Role::Interviewer) throw ApiError{http::status::forbidden, "forbidden", "only the interviewer can lock a session"};
  json body = parse_body(req);
  if (!body.contains("locked") || !body["locked"].is_boolean()) throw ApiError{http::status::bad_request, "bad_body", "`locked` must be true or false"};
  bool locked = body["locked"];
  ctx_.store.set_locked(id, locked);
  ctx_.log.append(id, "locked", {{"locked", locked}});
  return json_reply(http::status::ok, {{"locked", locked}});
}

Reply Api::extend(const Request& req, const Target& t, const std::string& id) {
  auto [s, role] = authorise(req, t, id);
  if (role != Role::Interviewer) throw ApiError{http::status::forbidden, "forbidden", "only the interviewer can move the deadline"};
  json body = parse_body(req);
  if (!body.contains("extend_minutes") || !body["extend_minutes"].is_number_integer() ||
      body["extend_minutes"].get<std::int64_t>() < 1 || body["extend_minutes"].get<std::int64_t>() > ctx_.caps.max_minutes) {
    throw ApiError{http::status::bad_request, "bad_body", fmt::format("`extend_minutes` must be an integer from 1 to {}", ctx_.caps.max_minutes)};
  }
  std::int64_t deadline = std::max(s.deadline_ms, now_ms()) + body["extend_minutes"].get<std::int64_t>() * 60'000;
  ctx_.store.set_deadline(id, deadline);
  json out = {{"deadline", iso_time(deadline)}, {"deadline_ms", deadline}};
  ctx_.log.append(id, "deadline", out);
  return json_reply(http::status::ok, out);
}

}  // namespace pyjudge::serve
