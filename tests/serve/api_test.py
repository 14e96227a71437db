"""API tests against a real `pyjudge serve` on a loopback port.

    python3 api_test.py PYJUDGE PROBLEMS WORKDIR SECTION

SECTION: basics | redaction | conflicts | connections | recovery. Each section starts its own servers.
"""
import json
import os
import shutil
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import CORRECT, SSE, WRONG, Server, ends  # noqa: E402

BINARY, PROBLEMS, WORK, SECTION = sys.argv[1:5]

# Right on the samples; on any other input it raises an exception whose class name and message
# are the hidden input itself, and prints it: everything a leak could carry.
PROBE = """import sys
class Solution:
    def twoSum(self, nums, target):
        known = {(2, 7, 11, 15): [0, 1], (3, 2, 4): [1, 2], (3, 3): [0, 1]}
        if tuple(nums) in known:
            return known[tuple(nums)]
        print("LEAK", nums, target, file=sys.stderr)
        raise type("Leak" + repr(nums), (Exception,), {})(repr(nums))
"""
SLOW = """import time
class Solution:
    def twoSum(self, nums, target):
        time.sleep(1.0)
        return [0, 1]
"""
HIDDEN_INPUT = b"5, 1, 9, 2"         # two-sum's hidden test half-of-target-is-not-a-pair
HIDDEN_INPUT_2 = b"999999999"         # and extreme-values

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def fresh(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def wait_state(srv, s, token, n, states, timeout=120):
    until = time.time() + timeout
    while time.time() < until:
        _, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=token)
        a = [x for x in v["attempts"] if x["attempt"] == n]
        if a and a[0]["state"] in states:
            return a[0]
        time.sleep(0.2)
    return None


def basics():
    srv = Server(BINARY, PROBLEMS, fresh("basics"), "--max-source", "2000", "--max-inputs", "2", "--max-input", "100")
    try:
        st, _, body = srv.request("GET", "/healthz")
        check(st == 200 and body["status"] == "ok", "GET /healthz is 200 ok")
        st, h, text = srv.request("GET", "/metrics")
        check(st == 200 and "text/plain" in h["content-type"] and "pyjudge_queue_depth 0" in text
              and "# TYPE pyjudge_judge_latency_seconds histogram" in text, "GET /metrics is Prometheus text")
        st, _, body = srv.request("GET", "/nope")
        check(st == 404 and body["error"] == "not_found", "unknown path is 404 JSON")
        st, _, body = srv.request("DELETE", "/api/sessions")
        check(st == 405 and "error" in body and "detail" in body, "wrong method is 405 {error, detail}")
        st, h, text = srv.request("GET", "/")
        check(st == 200 and "script-src 'self'" in h.get("content-security-policy", ""), "index page with a CSP")
        st, _, _ = srv.request("GET", "/codemirror/lib/codemirror.js")
        check(st == 200, "CodeMirror served from the Debian package")
        st, _, _ = srv.request("GET", "/static/../CMakeLists.txt")
        check(st == 404, "no path out of web/")
        st, _, _ = srv.request("GET", "/codemirror/../../../etc/passwd")
        check(st == 404, "no path out of CodeMirror's folder")

        st, _, body = srv.request("POST", "/api/sessions", {"problem": "two-sum", "minutes": 5})
        check(st == 401, "create without the admin token: 401")
        st, _, body = srv.request("POST", "/api/sessions", {"problem": "two-sum", "minutes": 5}, token="0" * 32)
        check(st == 401, "create with a wrong admin token: 401")
        st, _, body = srv.request("POST", "/api/sessions", raw_body=b"{not json", token=srv.admin)
        check(st == 400 and body["error"] == "bad_body", "create with a broken body: 400")
        st, _, body = srv.request("POST", "/api/sessions", {"problem": "no-such", "minutes": 5}, srv.admin)
        check(st == 400 and body["error"] == "unknown_problem", "create for an unknown problem: 400")
        st, _, body = srv.request("POST", "/api/sessions", {"problem": "two-sum", "minutes": 0}, srv.admin)
        check(st == 400, "create with minutes 0: 400")
        st, _, problems = srv.request("GET", "/api/problems", token=srv.admin)
        check(st == 200 and any(p["id"] == "two-sum" for p in problems), "GET /api/problems lists the library")

        s = srv.create_session()
        check(all(k in s for k in ["id", "candidate_token", "interviewer_token", "candidate_url", "interviewer_url", "deadline"]),
              "create returns id, both tokens, both urls and the deadline")
        check(len(s["candidate_token"]) == 32 and s["candidate_url"].startswith(f"http://127.0.0.1:{srv.port}/candidate#"),
              "128-bit tokens, links on the server's address")
        st, _, _ = srv.request("GET", f"/api/sessions/{s['id']}")
        check(st == 401, "session without a token: 401")
        st, _, _ = srv.request("GET", f"/api/sessions/{s['id']}", token="f" * 32)
        check(st == 401, "session with a wrong token: 401")
        st, _, _ = srv.request("GET", f"/api/sessions/{'0' * 16}", token=s["candidate_token"])
        check(st == 404, "unknown session: 404")
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=s["candidate_token"])
        check(st == 200 and v["role"] == "candidate" and "<h" in v["statement_html"] and v["samples"]
              and "def twoSum" in v["starter"] and v["state"] == "open", "candidate's view: statement HTML, samples, starter")
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=s["interviewer_token"])
        check(st == 200 and v["role"] == "interviewer", "interviewer's view")

        ct = s["candidate_token"]
        st, _, body = srv.attempt(s, ct, "compile", CORRECT)
        check(st == 400, "attempt of an unknown kind: 400")
        st, _, body = srv.attempt(s, ct, "submit", CORRECT, inputs=["[[1, 2], 3]"])
        check(st == 400, "custom inputs with a submit: 400")
        st, _, body = srv.attempt(s, ct, "run", "x = 1\n" * 400)
        check(st == 413 and body["error"] == "too_large", "source over --max-source: 413")
        st, _, body = srv.attempt(s, ct, "run", CORRECT, inputs=["[[1], 1]"] * 3)
        check(st == 413, "more custom inputs than --max-inputs: 413")
        st, _, body = srv.attempt(s, ct, "run", CORRECT, inputs=["[" + "1, " * 60 + "1]"])
        check(st == 413, "a custom input over --max-input: 413")
        check(srv.raw_post_status(f"/api/sessions/{s['id']}/attempts", b"x" * (2 << 20), ct) == 413,
              "a body over the server's limit: 413")

        # A Run with a custom input: its expected value comes from the reference solution.
        st, _, body = srv.attempt(s, ct, "run", WRONG, inputs=["[[1, 5, 3], 8]", "not a literal ("])
        check(st == 202 and body["attempt"] == 1 and body["events_url"].endswith("/events"), "run accepted: 202 {attempt, events_url}")
        sse = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={ct}")
        check(sse.wait_for(ends(1)), "the run's end event arrives")
        head = sse.head.decode()
        check("text/event-stream" in head, "events are text/event-stream")
        tests = [e["data"] for e in sse.events if e["event"] == "test"]
        custom = [t for t in tests if t["name"] == "custom-1"]
        check(len(custom) == 1 and custom[0]["verdict"] == "WA" and custom[0]["expected"] == "[1, 2]",
              "custom input judged with the reference's answer as expected")
        check(any(t["name"] == "example-2" and t["verdict"] == "WA" and "diff" not in t and t["got"] == "[0, 1]" for t in tests),
              "a failing sample shows expected and got")
        rejected = [e["data"] for e in sse.events if e["event"] == "inputs_rejected"]
        check(rejected and rejected[0]["inputs"][0]["index"] == 1, "an input that is not a literal is reported, not judged")
        end = [e["data"] for e in sse.events if e["event"] == "end"][0]
        check(end["schema"] == 1 and end["tests"] == tests and end["verdict"] == "WA",
              "the end event is the run --json object and its tests are the test events")
        sse.close()
        st, _, text = srv.request("GET", "/metrics")
        check('pyjudge_attempts_total{verdict="WA"} 1' in text and 'pyjudge_attempts_rejected_total{status="413"}' in text,
              "metrics count verdicts and refusals")
    finally:
        srv.stop()


def redaction():
    srv = Server(BINARY, PROBLEMS, fresh("redaction"))
    try:
        s = srv.create_session()
        ct, it = s["candidate_token"], s["interviewer_token"]
        cand = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={ct}")
        intv = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={it}")
        st, _, _ = srv.attempt(s, ct, "submit", PROBE)
        check(st == 202, "submit accepted")
        check(cand.wait_for(ends(1)) and intv.wait_for(ends(1)), "both roles receive the end event")
        check(HIDDEN_INPUT not in cand.raw and HIDDEN_INPUT_2 not in cand.raw and b"LEAK" not in cand.raw and b"Leak" not in cand.raw,
              "the candidate's raw SSE bytes carry no hidden input, output or candidate message")
        check(HIDDEN_INPUT in intv.raw, "the interviewer's stream shows the hidden input")
        hidden = [e["data"] for e in cand.events if e["event"] == "test" and not e["data"]["sample"]]
        allowed = {"name", "verdict", "time_ms", "wall_ms", "memory_kib", "memory_source", "rusage_kib", "sample",
                   "message", "redacted"}
        check(hidden and all(set(t) <= allowed for t in hidden), "a hidden test keeps only the allowed fields for the candidate")
        # The probe raises a class of its own named after the input: the judge names it only as
        # that (or, where the report itself was refused, as a runtime error).
        vocabulary = {"an exception of the solution's own class on a hidden test", "runtime error on a hidden test",
                      "output limit exceeded on a hidden test", "wrong answer on a hidden test"}
        check(all(t["message"] in vocabulary for t in hidden if t["verdict"] != "AC")
              and any(t["message"] == "an exception of the solution's own class on a hidden test" for t in hidden),
              "a hidden test's message comes from the closed vocabulary")
        ihidden = [e["data"] for e in intv.events if e["event"] == "test" and not e["data"]["sample"]]
        check(any("Leak" in t["message"] for t in ihidden), "the interviewer sees the judge's own message")
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=ct)
        raw = json.dumps(v).encode()
        results = json.dumps([a["result"] for a in v["attempts"]]).encode()
        check(HIDDEN_INPUT not in raw and b"Leak" not in results, "the candidate's session view carries no hidden data")
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=it)
        check(HIDDEN_INPUT in json.dumps(v).encode(), "the interviewer's session view has it")

        # Resume: everything after Last-Event-ID, nothing before, no gap, no duplicate.
        all_events = srv.events(s, ct)
        ids = [e["id"] for e in all_events]
        check(ids == list(range(1, len(ids) + 1)), "event ids are 1, 2, 3, ... per session")
        check([(e["id"], e["event"], e["data"]) for e in all_events] == [(e["id"], e["event"], e["data"]) for e in cand.events],
              "NDJSON gives the same events as SSE")
        k = len(ids) // 2
        resumed = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={ct}", last_event_id=k)
        resumed.wait_for(lambda evs: len(evs) >= len(ids) - k, timeout=10)
        check([e["id"] for e in resumed.events] == ids[k:], "Last-Event-ID resumes right after that event")
        # ...and a live event arrives once on the resumed stream.
        st, _, _ = srv.attempt(s, ct, "run", CORRECT)
        check(resumed.wait_for(ends(2)), "the resumed stream receives the next attempt live")
        rid = [e["id"] for e in resumed.events]
        check(rid == list(range(k + 1, k + 1 + len(rid))), "no id lost or repeated across the resume")
        since = srv.events(s, ct, since=len(ids))
        check(since and since[0]["id"] == len(ids) + 1, "?format=ndjson&since=N starts after N")
        st, _, _ = srv.request("GET", f"/api/sessions/{s['id']}/events?since=abc", token=ct)
        check(st == 400, "a malformed since: 400")
        for c in (cand, intv, resumed):
            c.close()
    finally:
        srv.stop()


def conflicts():
    d = fresh("conflicts")
    srv = Server(BINARY, PROBLEMS, d, "--queue", "1", "--attempts-per-minute", "4", jobs=1)
    try:
        a = srv.create_session()
        ct, it = a["candidate_token"], a["interviewer_token"]
        # Lock: only the interviewer; a locked session refuses attempts with 409.
        st, _, _ = srv.request("POST", f"/api/sessions/{a['id']}/lock", {"locked": True}, ct)
        check(st == 403, "the candidate cannot lock: 403")
        st, _, _ = srv.request("POST", f"/api/sessions/{a['id']}/lock", {"locked": True}, it)
        check(st == 200, "the interviewer locks")
        st, _, body = srv.attempt(a, ct, "run", CORRECT)
        check(st == 409 and body["error"] == "locked", "an attempt in a locked session: 409")
        srv.request("POST", f"/api/sessions/{a['id']}/lock", {"locked": False}, it)
        st, _, body = srv.request("POST", f"/api/sessions/{a['id']}/deadline", {"extend_minutes": 5}, ct)
        check(st == 403, "the candidate cannot move the deadline: 403")
        st, _, body = srv.request("POST", f"/api/sessions/{a['id']}/deadline", {"extend_minutes": 5}, it)
        check(st == 200 and body["deadline_ms"] > a["deadline_ms"], "the interviewer extends the deadline")

        # One in flight per session; a new Run replaces the waiting Run; a waiting Submit is kept.
        st, _, first = srv.attempt(a, ct, "submit", SLOW)
        check(st == 202, "a slow submit starts")
        wait_state(srv, a, ct, first["attempt"], {"running"})
        st, _, second = srv.attempt(a, ct, "run", CORRECT)
        st, _, third = srv.attempt(a, ct, "run", CORRECT)
        check(st == 202 and third.get("replaced") == second["attempt"], "a new Run replaces the waiting one")
        check(wait_state(srv, a, ct, second["attempt"], {"replaced"}, 5) is not None, "the replaced Run is marked replaced")

        # The queue holds one attempt: another session's attempt is refused with 503.
        b = srv.create_session()
        st, h, body = srv.attempt(b, b["candidate_token"], "run", CORRECT)
        check(st == 503 and body["error"] == "queue_full" and int(h.get("retry-after", "0")) > 0, "a full queue: 503 with Retry-After")
        st, _, body = srv.attempt(a, ct, "run", CORRECT)
        check(st == 202, "a session's own waiting Run can still be replaced when the queue is full")

        # 429: more than --attempts-per-minute attempts in a minute (4 made so far in session a).
        st, h, body = srv.attempt(a, ct, "run", CORRECT)
        check(st == 429 and body["error"] == "too_many_attempts" and int(h.get("retry-after", "0")) > 0,
              "too many attempts a minute: 429 with Retry-After")

        # 409 after the deadline (the clock moved by editing the stored deadline).
        c = srv.create_session()
        db = sqlite3.connect(os.path.join(d, "pyjudge.sqlite3"))
        db.execute("UPDATE sessions SET deadline_ms = 1 WHERE id = ?", (c["id"],))
        db.commit()
        db.close()
        st, _, body = srv.attempt(c, c["candidate_token"], "run", CORRECT)
        check(st == 409 and body["error"] == "deadline_passed", "an attempt after the deadline: 409")
        st, _, v = srv.request("GET", f"/api/sessions/{c['id']}", token=c["candidate_token"])
        check(v["state"] == "ended", "the session says it ended")
    finally:
        srv.stop()


def connections():
    srv = Server(BINARY, PROBLEMS, fresh("connections"), "--max-connections", "2")
    try:
        s = srv.create_session()
        path = f"/api/sessions/{s['id']}/events?token={s['candidate_token']}"
        streams = [SSE(srv.port, path), SSE(srv.port, path)]
        for st in streams:
            st.wait_for(lambda evs: st.head is not None, timeout=10)
        check(all(st.head and b"200 OK" in st.head for st in streams), "two streams open")
        third = SSE(srv.port, path)
        check(third.read_until_closed(10) and third.raw == b"", "past --max-connections a connection is closed unanswered")
        third.close()
        streams[0].close()
        time.sleep(0.5)  # the server notices the closed stream
        st, _, _ = srv.request("GET", "/healthz")
        check(st == 200, "a slot freed by a closed stream serves again")
        streams[1].close()
    finally:
        srv.stop()


def recovery():
    d = fresh("recovery")
    srv = Server(BINARY, PROBLEMS, d, jobs=1)
    try:
        s = srv.create_session()
        ct = s["candidate_token"]
        st, _, done = srv.attempt(s, ct, "run", CORRECT)
        check(wait_state(srv, s, ct, done["attempt"], {"finished"}) is not None, "a first attempt finishes")
        st, _, slow = srv.attempt(s, ct, "submit", SLOW)
        check(wait_state(srv, s, ct, slow["attempt"], {"running"}) is not None, "a slow submit is running")
        st, _, waiting = srv.attempt(s, ct, "run", CORRECT)
        before = srv.events(s, ct)
        srv.kill9()
        srv.start()
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=ct)
        states = {a["attempt"]: a["state"] for a in v["attempts"]}
        check(st == 200, "the session is there after kill -9 and a restart")
        check(states.get(done["attempt"]) == "finished" and v["attempts"][0]["result"]["verdict"] == "AC",
              "the finished attempt and its result are there")
        check(states.get(slow["attempt"]) == "interrupted" and states.get(waiting["attempt"]) == "interrupted",
              "the running and the waiting attempts are marked interrupted")
        after = srv.events(s, ct)
        old_ids = {e["id"] for e in before}
        check(after[:len(before)] == before, "the events from before the kill are unchanged")
        new = after[len(before):]
        check(new and all(e["id"] > max(old_ids) for e in new) and [e["event"] for e in new].count("interrupted") == 2,
              "interrupted events follow, with ids never used before")
        st, _, again = srv.attempt(s, ct, "run", CORRECT)
        check(st == 202 and wait_state(srv, s, ct, again["attempt"], {"finished"}) is not None, "the session runs again")

        # SIGTERM: the open stream is closed, the running attempt finishes, the process exits 0.
        stream = SSE(srv.port, f"/api/sessions/{s['id']}/events?token={ct}&since={after[-1]['id']}")
        st, _, last = srv.attempt(s, ct, "submit", SLOW)
        wait_state(srv, s, ct, last["attempt"], {"running"})
        code = srv.terminate()
        check(code == 0, "SIGTERM: exit status 0")
        check(stream.read_until_closed(10), "SIGTERM closes the event streams")
        check(any(e["event"] == "end" for e in stream.events), "the running attempt finished before the stream closed")
        stream.close()
        srv.start()
        st, _, v = srv.request("GET", f"/api/sessions/{s['id']}", token=ct)
        check([a["state"] for a in v["attempts"] if a["attempt"] == last["attempt"]] == ["finished"],
              "after SIGTERM and a restart the attempt is finished")
    finally:
        srv.stop()


{"basics": basics, "redaction": redaction, "conflicts": conflicts, "connections": connections,
 "recovery": recovery}[SECTION]()
print(f"{len(failures)} failures" if failures else "all passed")
sys.exit(1 if failures else 0)
