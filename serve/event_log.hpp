// Each session's event log: appended to the store, then pushed to the streams that follow it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "serve/store.hpp"

namespace pyjudge::serve {

/// Something following a session's events (an open SSE or NDJSON stream).
class Subscriber {
 public:
  virtual ~Subscriber() = default;
  /// Called in sequence order, exactly once per event, from any thread; must not block.
  virtual void deliver(const EventRow& event) = 0;
  /// False once the subscriber is gone: it is then dropped.
  virtual bool alive() const = 0;
};

class EventLog {
 public:
  explicit EventLog(Store& store) : store_(store) {}

  /// Stores the event, then delivers it to the session's subscribers. Returns its id.
  std::int64_t append(const std::string& session, const std::string& type, const nlohmann::json& data,
                      const Store::AttemptUpdate* update = nullptr);

  /// Delivers the stored events after `after`, then every new one, to `s`. Backlog and live
  /// events are ordered under one lock, so none is lost or delivered twice.
  void subscribe(const std::string& session, std::int64_t after, std::shared_ptr<Subscriber> s);

 private:
  Store& store_;
  std::mutex m_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Subscriber>>> subscribers_;
};

}  // namespace pyjudge::serve
