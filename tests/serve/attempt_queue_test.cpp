#include "serve/attempt_queue.hpp"

#include <doctest/doctest.h>

using pyjudge::serve::AttemptQueue;
using pyjudge::serve::Job;

namespace {

Job job(const std::string& session, std::int64_t n, const std::string& kind) {
  Job j;
  j.session = session;
  j.attempt = n;
  j.kind = kind;
  return j;
}

void enqueue(AttemptQueue& q, Job j) {
  REQUIRE(q.admit(j).admission == AttemptQueue::Admission::Queued);
  q.push(std::move(j));
}

}  // namespace

TEST_CASE("A new Run replaces the session's waiting Run; a waiting Submit is kept") {
  AttemptQueue q(8);
  enqueue(q, job("a", 1, "run"));
  auto pushed = q.admit(job("a", 2, "run"));
  CHECK(pushed.admission == AttemptQueue::Admission::Queued);
  CHECK(pushed.replaced == 1);
  q.push(job("a", 2, "submit"));
  CHECK(q.depth() == 1);
  CHECK(q.admit(job("a", 3, "run")).admission == AttemptQueue::Admission::SubmitWaiting);
  CHECK(q.pop()->attempt == 2);
}

TEST_CASE("A session has one attempt running: its next waits while other sessions go") {
  AttemptQueue q(8);
  enqueue(q, job("a", 1, "run"));
  CHECK(q.pop()->session == "a");
  enqueue(q, job("a", 2, "run"));
  enqueue(q, job("b", 1, "run"));
  CHECK(q.pop()->session == "b");  // a's second waits for its first
  q.done("a");
  CHECK(q.pop()->attempt == 2);
  CHECK(q.running() == 2);
}

TEST_CASE("A full queue refuses other sessions, and a closed one returns what waited") {
  AttemptQueue q(1);
  enqueue(q, job("a", 1, "run"));
  CHECK(q.admit(job("b", 1, "run")).admission == AttemptQueue::Admission::Full);
  CHECK(q.admit(job("a", 2, "run")).admission == AttemptQueue::Admission::Queued);  // a replacement
  auto left = q.close();
  REQUIRE(left.size() == 1);
  CHECK(left[0].session == "a");
  CHECK(!q.pop());
  CHECK(q.admit(job("c", 1, "run")).admission == AttemptQueue::Admission::Closed);
}
