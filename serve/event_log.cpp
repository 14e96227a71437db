#include "serve/event_log.hpp"

#include <algorithm>

namespace pyjudge::serve {

std::int64_t EventLog::append(const std::string& session, const std::string& type, const nlohmann::json& data,
                             const Store::AttemptUpdate* update) {
  std::lock_guard lock(m_);
  EventRow row{store_.append_event(session, type, data, update), type, data};
  auto it = subscribers_.find(session);
  if (it == subscribers_.end()) return row.seq;
  auto& subs = it->second;
  std::erase_if(subs, [](const auto& s) { return !s->alive(); });
  for (const auto& s : subs) s->deliver(row);
  if (subs.empty()) subscribers_.erase(it);
  return row.seq;
}

void EventLog::subscribe(const std::string& session, std::int64_t after, std::shared_ptr<Subscriber> s) {
  std::lock_guard lock(m_);
  // Paged, so a long session's backlog is never one huge allocation.
  for (;;) {
    auto page = store_.events_after(session, after, 256);
    for (const auto& e : page) s->deliver(e);
    if (page.size() < 256) break;
    after = page.back().seq;
  }
  subscribers_[session].push_back(std::move(s));
}

}  // namespace pyjudge::serve
