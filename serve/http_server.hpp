// HTTP/1.1 on Boost.Beast (Asio): requests are read and answered asynchronously on the server's
// I/O thread, and an event stream is a socket with a write queue, not a thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace pyjudge::serve {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

/// An open event stream. send() and close() may be called from any thread; chunks are written in
/// the order they were sent.
class Stream {
 public:
  virtual ~Stream() = default;
  virtual void send(std::string chunk) = 0;
  /// Writes what is queued, then closes.
  virtual void close() = 0;
  virtual bool open() const = 0;
};

/// A route's answer: a whole response, or (with `stream`) the head of an event stream whose body
/// `stream` goes on writing for as long as the client stays.
struct Reply {
  Response response;
  std::function<void(std::shared_ptr<Stream>)> stream;
};

using Handler = std::function<Reply(const Request&)>;

struct HttpLimits {
  std::size_t max_body = 1 << 20;            ///< a larger body is answered 413
  std::size_t max_stream_backlog = 8 << 20;  ///< a client this far behind is dropped (it resumes)
  std::size_t max_connections = 1024;        ///< open connections and streams; more are closed at once
};

class HttpServer {
 public:
  HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& at, Handler handler,
             HttpLimits limits);
  ~HttpServer();
  boost::asio::ip::tcp::endpoint local_endpoint() const;
  void start();
  /// Closes the listening socket (new connections are refused); open ones go on.
  void stop_accepting();
  /// Closes every open event stream after its queued chunks.
  void close_streams();

  struct Shared;

 private:
  std::shared_ptr<Shared> shared_;
};

/// A JSON response with the usual headers.
Response json_response(http::status status, const std::string& body);

}  // namespace pyjudge::serve
