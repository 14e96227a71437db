#include "serve/http_server.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>

#include <array>
#include <atomic>
#include <deque>

namespace pyjudge::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

struct HttpServer::Shared {
  asio::io_context& io;
  tcp::acceptor acceptor;
  Handler handler;
  HttpLimits limits;
  std::mutex streams_m;
  std::vector<std::weak_ptr<Stream>> streams;
  std::atomic<std::size_t> connections{0};  ///< requests' connections and streams alive

  Shared(asio::io_context& io_, const tcp::endpoint& at, Handler h, HttpLimits l)
      : io(io_), acceptor(io_), handler(std::move(h)), limits(l) {
    acceptor.open(at.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(at);
    acceptor.listen(asio::socket_base::max_listen_connections);
  }
  void track(const std::shared_ptr<Stream>& s) {
    std::lock_guard lock(streams_m);
    std::erase_if(streams, [](const auto& w) { return w.expired(); });
    streams.push_back(s);
  }
};

namespace {

// An event stream's socket: chunks wait in a bounded queue and are written one at a time on the
// socket's strand; a comment line every 15 s keeps proxies from closing it and finds dead peers.
class StreamConnection final : public Stream, public std::enable_shared_from_this<StreamConnection> {
 public:
  StreamConnection(beast::tcp_stream socket, std::shared_ptr<HttpServer::Shared> shared)
      : socket_(std::move(socket)), ping_(socket_.get_executor()), shared_(std::move(shared)),
        max_backlog_(shared_->limits.max_stream_backlog) {
    ++shared_->connections;
  }
  ~StreamConnection() override { --shared_->connections; }

  void begin(std::string head) {
    socket_.expires_never();
    enqueue(std::move(head));
    watch_peer();
    schedule_ping();
  }
  void send(std::string chunk) override {
    asio::post(socket_.get_executor(), [self = shared_from_this(), c = std::move(chunk)]() mutable {
      self->enqueue(std::move(c));
    });
  }
  void close() override {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->writing_) self->shutdown();
    });
  }
  bool open() const override { return open_; }

 private:
  void enqueue(std::string chunk) {
    if (!open_ || closing_) return;
    backlog_ += chunk.size();
    if (backlog_ > max_backlog_) return shutdown();
    out_.push_back(std::move(chunk));
    if (!writing_) write_next();
  }
  void write_next() {
    writing_ = true;
    asio::async_write(socket_.socket(), asio::buffer(out_.front()),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->shutdown();
                        self->backlog_ -= self->out_.front().size();
                        self->out_.pop_front();
                        if (!self->out_.empty()) return self->write_next();
                        self->writing_ = false;
                        if (self->closing_) self->shutdown();
                      });
  }
  // The client never sends on a stream: a read completes only when it goes away.
  void watch_peer() {
    socket_.socket().async_read_some(asio::buffer(peer_byte_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->shutdown();
      self->watch_peer();
    });
  }
  void schedule_ping() {
    ping_.expires_after(15s);
    ping_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || !self->open_) return;
      self->enqueue(": ping\n\n");
      self->schedule_ping();
    });
  }
  void shutdown() {
    if (!open_) return;
    open_ = false;
    out_.clear();
    ping_.cancel();
    beast::error_code ignored;
    socket_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    socket_.socket().close(ignored);
  }

  beast::tcp_stream socket_;
  asio::steady_timer ping_;
  std::shared_ptr<HttpServer::Shared> shared_;
  std::size_t max_backlog_;
  std::deque<std::string> out_;
  std::size_t backlog_ = 0;
  bool writing_ = false, closing_ = false;
  std::atomic<bool> open_{true};
  char peer_byte_[1];
};

std::string head_of(const Response& res) {
  std::string head = "HTTP/1.1 " + std::to_string(res.result_int()) + " " + std::string(res.reason()) + "\r\n";
  for (const auto& f : res) head += std::string(f.name_string()) + ": " + std::string(f.value()) + "\r\n";
  return head + "Connection: close\r\n\r\n";
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, std::shared_ptr<HttpServer::Shared> shared)
      : socket_(std::move(socket)), shared_(std::move(shared)) {
    ++shared_->connections;
  }
  ~Connection() { --shared_->connections; }

  void read() {
    parser_.emplace();
    parser_->body_limit(shared_->limits.max_body);
    parser_->header_limit(16 * 1024);
    socket_.expires_after(60s);
    http::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_read(ec);
    });
  }

 private:
  void on_read(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      draining_ = true;
      return write(json_response(http::status::payload_too_large,
                                 R"({"error":"too_large","detail":"the request body is over the server's limit"})"),
                   false);
    }
    if (ec) return close();
    Request req = parser_->release();
    Reply reply;
    try {
      reply = shared_->handler(req);
    } catch (const std::exception&) {
      reply.response = json_response(http::status::internal_server_error,
                                     R"({"error":"internal","detail":"the server failed on this request"})");
    }
    if (reply.stream) {
      auto stream = std::make_shared<StreamConnection>(std::move(socket_), shared_);
      stream->begin(head_of(reply.response));
      shared_->track(stream);
      reply.stream(stream);
      return;
    }
    write(std::move(reply.response), req.keep_alive());
  }

  void write(Response res, bool keep_alive) {
    res.keep_alive(keep_alive);
    res.prepare_payload();
    response_ = std::make_shared<Response>(std::move(res));
    socket_.expires_after(60s);
    http::async_write(socket_, *response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
      if (ec || !keep_alive) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    socket_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (draining_) return drain();
    socket_.socket().close(ignored);
  }

  // After a 413 the client may still be sending its body: closing now would reset the
  // connection and could destroy the answer before it is read. Discard a bounded amount first.
  void drain() {
    socket_.expires_after(5s);
    socket_.async_read_some(asio::buffer(discard_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > (16u << 20)) {
        beast::error_code ignored;
        self->socket_.socket().close(ignored);
        return;
      }
      self->drain();
    });
  }

  beast::tcp_stream socket_;
  std::shared_ptr<HttpServer::Shared> shared_;
  beast::flat_buffer buffer_{16 * 1024};
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  bool draining_ = false;
  std::size_t drained_ = 0;
  std::array<char, 16 * 1024> discard_;
};

void accept(std::shared_ptr<HttpServer::Shared> shared) {
  shared->acceptor.async_accept(asio::make_strand(shared->io), [shared](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !shared->acceptor.is_open()) return;
    // Bounded: past the limit a new connection is closed at once, before anything is read.
    if (!ec && shared->connections < shared->limits.max_connections) {
      std::make_shared<Connection>(std::move(socket), shared)->read();
    }
    accept(shared);
  });
}

}  // namespace

HttpServer::HttpServer(asio::io_context& io, const tcp::endpoint& at, Handler handler, HttpLimits limits)
    : shared_(std::make_shared<Shared>(io, at, std::move(handler), limits)) {}

HttpServer::~HttpServer() = default;

tcp::endpoint HttpServer::local_endpoint() const { return shared_->acceptor.local_endpoint(); }

void HttpServer::start() { accept(shared_); }

void HttpServer::stop_accepting() {
  asio::post(shared_->io, [s = shared_] {
    beast::error_code ignored;
    s->acceptor.close(ignored);
  });
}

void HttpServer::close_streams() {
  std::lock_guard lock(shared_->streams_m);
  for (auto& w : shared_->streams) {
    if (auto s = w.lock()) s->close();
  }
}

Response json_response(http::status status, const std::string& body) {
  Response res{status, 11};
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");
  res.body() = body;
  return res;
}

}  // namespace pyjudge::serve
