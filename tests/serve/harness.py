"""A real `pyjudge serve` on a loopback port, and clients for its API and event streams.

Used by the API tests, the browser test and bench/serve_load.py. Loopback only: the server is
started on 127.0.0.1 with port 0 and its printed address is used.
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time


# two-sum solutions shared by the API tests and the load benchmark.
CORRECT = """class Solution:
    def twoSum(self, nums, target):
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""
WRONG = """class Solution:
    def twoSum(self, nums, target):
        return [0, 1]
"""


class Server:
    def __init__(self, binary, problems, data, *args, jobs=2):
        self.binary, self.problems, self.data, self.args, self.jobs = binary, problems, data, list(args), jobs
        self.proc = None
        self.start()

    def start(self):
        cmd = [self.binary, "serve", "--listen", "127.0.0.1:0", "--problems", self.problems,
               "--data", self.data, "-j", str(self.jobs)] + self.args
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 60
        self.port = self.admin = None
        self.output = []
        while time.time() < deadline and (self.port is None or self.admin is None):
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("pyjudge serve exited: " + "".join(self.output))
            self.output.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
            m = re.search(r"admin token ([0-9a-f]{32})", line)
            if m:
                self.admin = m.group(1)
        if self.port is None or self.admin is None:
            raise RuntimeError("pyjudge serve did not start: " + "".join(self.output))
        assert self.port and self.proc.poll() is None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self, timeout=120):
        self.proc.send_signal(signal.SIGTERM)
        rest = self.proc.stdout.read()
        self.output.append(rest)
        return self.proc.wait(timeout)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.kill9()

    # --- HTTP -----------------------------------------------------------------------------------
    def request(self, method, path, body=None, token=None, headers=None, raw_body=None):
        """Returns (status, headers dict, parsed JSON or text)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = raw_body
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=h)
        res = conn.getresponse()
        text = res.read()
        conn.close()
        hdrs = {k.lower(): v for k, v in res.getheaders()}
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text.decode(errors="replace")
        return res.status, hdrs, parsed

    def raw_post_status(self, path, body, token):
        """POSTs a body the server may refuse before it is all sent; returns the status."""
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode())
        try:
            sock.sendall(body)
        except OSError:
            pass  # refused early: the answer is already waiting
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
        sock.close()
        m = re.match(rb"HTTP/1\.1 (\d+)", answer)
        return int(m.group(1)) if m else None

    def create_session(self, problem="two-sum", minutes=30, **extra):
        status, _, s = self.request("POST", "/api/sessions", {"problem": problem, "minutes": minutes, **extra}, self.admin)
        assert status == 201, (status, s)
        return s

    def attempt(self, session, token, kind, source, inputs=None):
        body = {"kind": kind, "source": source}
        if inputs is not None:
            body["inputs"] = inputs
        return self.request("POST", f"/api/sessions/{session['id']}/attempts", body, token)

    def events(self, session, token, since=0):
        status, _, text = self.request("GET", f"/api/sessions/{session['id']}/events?format=ndjson&follow=0&since={since}", token=token)
        assert status == 200, (status, text)
        if isinstance(text, (dict, list)):
            return [text]
        return [json.loads(line) for line in text.splitlines() if line]


class SSE:
    """A raw Server-Sent Events connection: keeps every byte received, parses events."""

    def __init__(self, port, path, last_event_id=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        extra = f"Last-Event-ID: {last_event_id}\r\n" if last_event_id is not None else ""
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n{extra}\r\n".encode())
        self.raw = b""
        self.head = None
        self.parsed_upto = 0
        self.events = []

    def _read(self, until):
        self.sock.settimeout(max(0.05, until - time.time()))
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return True
        except ConnectionResetError:
            return False
        if not chunk:
            return False
        self.raw += chunk
        if self.head is None and b"\r\n\r\n" in self.raw:
            self.head, _ = self.raw.split(b"\r\n\r\n", 1)
            self.parsed_upto = len(self.head) + 4
        if self.head is not None:
            body = self.raw[self.parsed_upto:]
            while b"\n\n" in body:
                block, body = body.split(b"\n\n", 1)
                self.parsed_upto += len(block) + 2
                ev = {}
                for line in block.decode().split("\n"):
                    if line.startswith(":") or not line:
                        continue
                    k, _, v = line.partition(": ")
                    ev[k] = v
                if "event" in ev:
                    self.events.append({"id": int(ev["id"]), "event": ev["event"], "data": json.loads(ev["data"])})
        return True

    def wait_for(self, predicate, timeout=120):
        until = time.time() + timeout
        while time.time() < until:
            if predicate(self.events):
                return True
            if not self._read(until):
                return predicate(self.events)
        return predicate(self.events)

    def read_until_closed(self, timeout=60):
        until = time.time() + timeout
        while time.time() < until:
            if not self._read(until):
                return True
        return False

    def close(self):
        self.sock.close()


def ends(n):
    """Predicate: at least n end events."""
    return lambda evs: sum(e["event"] == "end" for e in evs) >= n
