#include "serve/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <iostream>
#include <thread>

#include "judge/errors.hpp"
#include "protocol/files.hpp"
#include "serve/tokens.hpp"
#include "serve/workers.hpp"

namespace pyjudge::serve {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

tcp::endpoint parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw UsageError("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080");
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code ec;
  auto address = asio::ip::make_address(host, ec);
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
  }
  if (ec || port < 0 || port > 65535) throw UsageError("--listen takes ADDRESS:PORT with a numeric address, got " + listen);
  return {address, static_cast<unsigned short>(port)};
}

std::string admin_token(const std::filesystem::path& file) {
  if (file.empty()) return new_token();
  FileContents read = read_whole_file(file, 4096);
  if (!read.ok()) throw UsageError("cannot read --admin-token-file " + file.string() + ": " + read.error);
  std::string token = read.data.substr(0, read.data.find('\n'));
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.size() < 16) throw UsageError("the admin token in " + file.string() + " is shorter than 16 characters");
  return token;
}

// Attempts a killed server left queued or running: marked interrupted, each with its event, so
// a client following the session learns of it and the candidate can run again.
void recover(Store& store, EventLog& log, std::ostream& out) {
  auto left = store.unfinished_attempts();
  for (const auto& a : left) {
    Store::AttemptUpdate u{a.n, "interrupted", now_ms(), nullptr};
    log.append(a.session, "interrupted", {{"attempt", a.n}, {"kind", a.kind}, {"reason", "the server stopped before judging it"}}, &u);
  }
  if (!left.empty()) out << "pyjudge serve: " << left.size() << " unfinished attempts marked interrupted\n";
}

}  // namespace

int run_server(const ServeOptions& o, std::ostream& out) {
  std::signal(SIGPIPE, SIG_IGN);
  // The options first: a mistake in one is exit 2 before anything is created or loaded.
  auto at = parse_listen(o.listen);
  std::string token = admin_token(o.admin_token_file);
  start_host_python();
  auto catalogue = load_catalogue(o.problems_dir, std::cerr);
  if (catalogue.empty()) throw UsageError("no problems found in " + o.problems_dir.string());
  Store store(o.data_dir);
  EventLog log(store);
  recover(store, log, out);
  AttemptQueue queue(o.queue_capacity);
  Metrics metrics;

  asio::io_context io;
  ApiContext ctx{store, log, queue, metrics, catalogue, token, "", o.web_dir, o.codemirror_dir, o.caps, o.workers};
  // Bound before the API exists, so links carry the real port when --listen asked for port 0.
  std::unique_ptr<Api> api;
  HttpServer http(io, at, [&api](const Request& r) { return api->handle(r); }, {o.caps.max_body, 8 << 20, o.max_connections});
  auto bound = http.local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  ctx.base_url = o.public_url.empty() ? "http://" + host + ":" + std::to_string(bound.port()) : o.public_url;
  api = std::make_unique<Api>(ctx);
  Workers workers(o.workers, queue, log, metrics, catalogue, o.complexity_budget_s);
  http.start();
  out << "pyjudge serve: listening on " << ctx.base_url << "/ (" << catalogue.size() << " problems, -j " << o.workers
      << ", data in " << o.data_dir.string() << ")\n";
  if (o.admin_token_file.empty()) out << "pyjudge serve: admin token " << token << "\n";
  out.flush();

  std::thread stopper;
  asio::signal_set signals(io, SIGTERM, SIGINT);
  asio::steady_timer last_writes(io);
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    out << "pyjudge serve: stopping (waiting attempts are marked interrupted, running ones finish)\n";
    out.flush();
    signals.async_wait([](const boost::system::error_code& e, int) {
      if (!e) std::_Exit(130);  // a second signal: stop now
    });
    http.stop_accepting();
    // Joining the workers blocks, and their last events still need this I/O thread: elsewhere.
    stopper = std::thread([&] {
      for (const auto& job : queue.close()) {
        Store::AttemptUpdate u{job.attempt, "interrupted", now_ms(), nullptr};
        log.append(job.session, "interrupted", {{"attempt", job.attempt}, {"kind", job.kind}, {"reason", "the server stopped"}}, &u);
      }
      workers.join();
      http.close_streams();
      asio::post(io, [&] {
        last_writes.expires_after(std::chrono::milliseconds(500));
        last_writes.async_wait([&](const boost::system::error_code&) { io.stop(); });
      });
    });
  });
  io.run();
  if (stopper.joinable()) stopper.join();
  queue.close();
  workers.join();
  out << "pyjudge serve: stopped\n";
  return 0;
}

}  // namespace pyjudge::serve
