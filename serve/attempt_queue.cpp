#include "serve/attempt_queue.hpp"

#include <algorithm>

namespace pyjudge::serve {

AttemptQueue::Pushed AttemptQueue::admit(const Job& job) {
  std::lock_guard lock(m_);
  if (closed_) return {Admission::Closed, {}};
  auto same = std::find_if(waiting_.begin(), waiting_.end(), [&](const Job& j) { return j.session == job.session; });
  if (same != waiting_.end()) {
    // A waiting Run is stale as soon as the candidate presses again; a waiting Submit is not.
    if (same->kind == "submit") return {Admission::SubmitWaiting, {}};
    return {Admission::Queued, same->attempt};
  }
  if (waiting_.size() >= capacity_) return {Admission::Full, {}};
  return {Admission::Queued, {}};
}

void AttemptQueue::push(Job job) {
  {
    std::lock_guard lock(m_);
    auto same = std::find_if(waiting_.begin(), waiting_.end(), [&](const Job& j) { return j.session == job.session; });
    if (same != waiting_.end()) *same = std::move(job);
    else waiting_.push_back(std::move(job));
  }
  ready_.notify_one();
}

std::optional<Job> AttemptQueue::pop() {
  std::unique_lock lock(m_);
  for (;;) {
    if (closed_) return std::nullopt;
    auto it = std::find_if(waiting_.begin(), waiting_.end(), [&](const Job& j) { return !running_.count(j.session); });
    if (it != waiting_.end()) {
      Job job = std::move(*it);
      waiting_.erase(it);
      running_.insert(job.session);
      return job;
    }
    ready_.wait(lock);
  }
}

void AttemptQueue::done(const std::string& session) {
  {
    std::lock_guard lock(m_);
    running_.erase(session);
  }
  // The session's waiting job (if any) may go now.
  ready_.notify_all();
}

std::vector<Job> AttemptQueue::close() {
  std::vector<Job> left;
  {
    std::lock_guard lock(m_);
    closed_ = true;
    left.assign(std::make_move_iterator(waiting_.begin()), std::make_move_iterator(waiting_.end()));
    waiting_.clear();
  }
  ready_.notify_all();
  return left;
}

std::size_t AttemptQueue::depth() {
  std::lock_guard lock(m_);
  return waiting_.size();
}

std::size_t AttemptQueue::running() {
  std::lock_guard lock(m_);
  return running_.size();
}

}  // namespace pyjudge::serve
