// Shared by the pages. Everything that came from a candidate or a test is put in the page with
// textContent (never innerHTML): the only HTML inserted is the statement the server rendered.
"use strict";

const pj = {};

pj.hashParams = () => new URLSearchParams(location.hash.slice(1));

pj.el = (tag, attrs, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

pj.api = async (method, path, token, body) => {
  const opts = { method, headers: { Authorization: "Bearer " + token } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const res = await fetch(path, opts);
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) {
    const err = new Error((data && data.detail) || res.statusText);
    err.status = res.status;
    err.retryAfter = res.headers.get("Retry-After");
    throw err;
  }
  return data;
};

pj.verdictBadge = (v) => pj.el("span", { class: "verdict v-" + String(v).replace(/[^A-Z]/g, "") }, v);

// One test, as a row plus (when the server sent them) its details.
pj.renderTest = (t) => {
  const row = pj.el("div", { class: "test" },
    pj.el("span", { class: "name" }, t.name, t.sample ? "" : " (hidden)"),
    pj.verdictBadge(t.verdict),
    pj.el("span", { class: "num" }, Number(t.time_ms).toFixed(0) + " ms"),
    pj.el("span", { class: "num" }, (Number(t.memory_kib) / 1024).toFixed(1) + " MiB"),
    pj.el("span", { class: "msg" }, t.message || ""));
  const box = pj.el("div", { class: "test-box" }, row);
  for (const key of ["input", "expected", "got", "diff", "traceback", "stderr"]) {
    if (t[key] === undefined || t[key] === "") continue;
    box.append(pj.el("div", { class: "detail" }, pj.el("div", { class: "label" }, key), pj.el("pre", { class: "k-" + key }, t[key])));
  }
  return box;
};

// The end of an attempt: its verdict line and, for a compile error, Python's message.
pj.renderSummary = (r) => {
  const s = pj.el("div", { class: "summary" }, pj.verdictBadge(r.verdict), " ", `${r.passed}/${r.total} tests passed`);
  if (r.compile_error) s.append(pj.el("pre", { class: "k-compile" }, r.compile_error.message));
  if (r.internal_error) s.append(pj.el("pre", { class: "k-internal" }, r.internal_error));
  return s;
};

// Follows a session's events: EventSource reconnects by itself with Last-Event-ID, so nothing is
// lost or repeated across a dropped connection.
pj.follow = (session, token, handlers) => {
  const src = new EventSource(`/api/sessions/${encodeURIComponent(session)}/events?token=${encodeURIComponent(token)}`);
  for (const type of ["queued", "start", "test", "end", "replaced", "interrupted", "inputs_rejected", "locked", "deadline"]) {
    src.addEventListener(type, (e) => {
      if (handlers[type]) handlers[type](JSON.parse(e.data), Number(e.lastEventId));
    });
  }
  return src;
};

pj.countdown = (node, deadlineMs, offsetMs) => {
  const tick = () => {
    const left = Math.max(0, deadlineMs() - (Date.now() + offsetMs));
    const m = Math.floor(left / 60000), s = Math.floor((left % 60000) / 1000);
    node.textContent = left > 0 ? `${m}:${String(s).padStart(2, "0")} left` : "time is up";
  };
  tick();
  return setInterval(tick, 1000);
};

// A line diff (longest common subsequence), for the interviewer's timeline.
pj.lineDiff = (before, after) => {
  const a = before.split("\n"), b = after.split("\n");
  if (a.length * b.length > 4e6) return [{ op: " ", text: "(too long to compare)" }];
  const n = a.length, m = b.length, L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  }
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { out.push({ op: " ", text: a[i] }); i++; j++; }
    else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) { out.push({ op: "+", text: b[j] }); j++; }
    else { out.push({ op: "-", text: a[i] }); i++; }
  }
  return out;
};

// The editor: CodeMirror 5 with Python mode (Debian's libjs-codemirror), or the bare textarea.
pj.editor = (textarea) => {
  if (window.CodeMirror) {
    const cm = CodeMirror.fromTextArea(textarea, { mode: "python", lineNumbers: true, indentUnit: 4, viewportMargin: Infinity });
    return { get: () => cm.getValue(), set: (v) => cm.setValue(v), readOnly: (r) => cm.setOption("readOnly", r) };
  }
  return { get: () => textarea.value, set: (v) => { textarea.value = v; }, readOnly: (r) => { textarea.readOnly = r; } };
};
