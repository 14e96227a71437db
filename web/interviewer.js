"use strict";
const $ = (id) => document.getElementById(id);
const params = pj.hashParams();
const session = params.get("session"), token = params.get("token");
let view = null, current = null, offset = 0;

function renderDiff(before, after) {
  const pre = pj.el("pre", { class: "diff" });
  for (const line of pj.lineDiff(before, after)) {
    pre.append(pj.el("div", { class: line.op === "+" ? "add" : line.op === "-" ? "del" : "" }, line.op + " " + line.text));
  }
  return pre;
}

// Every attempt: kind, state, result, its source and a diff against the attempt before it.
// A re-render (after every event) keeps open whatever the interviewer had opened.
function renderTimeline() {
  const open = new Set();
  for (const d of document.querySelectorAll("#timeline details[open]")) open.add(d.dataset.key);
  const details = (key, ...children) => {
    const d = pj.el("details", {}, ...children);
    d.dataset.key = key;
    d.open = open.has(key);
    return d;
  };
  const items = [];
  let previous = null;
  for (const a of view.attempts) {
    const box = pj.el("div", { class: "attempt", id: "timeline-" + a.attempt },
      pj.el("h2", {}, `Attempt ${a.attempt}: ${a.kind} — ${a.state}`, " ", a.result ? pj.verdictBadge(a.result.verdict) : ""));
    if (a.inputs.length) box.append(pj.el("div", { class: "label" }, "custom inputs"), pj.el("pre", {}, a.inputs.join("\n")));
    box.append(details(`${a.attempt}-source`, pj.el("summary", {}, "source"), pj.el("pre", { class: "source" }, a.source)));
    if (previous !== null) box.append(details(`${a.attempt}-diff`, pj.el("summary", {}, "diff against the previous attempt"), renderDiff(previous, a.source)));
    if (a.result) {
      box.append(pj.renderSummary(a.result));
      const tests = details(`${a.attempt}-tests`, pj.el("summary", {}, "tests"));
      for (const t of a.result.tests) tests.append(pj.renderTest(t));
      box.append(tests);
      // A submit judged by `serve --complexity`: the scaling report, never sent to the candidate.
      if (a.result.complexity && a.result.complexity.text) {
        box.append(details(`${a.attempt}-complexity`, pj.el("summary", {}, "how it scales (complexity report)"),
          pj.el("pre", { class: "complexity" }, a.result.complexity.text)));
      }
    }
    previous = a.source;
    items.push(box);
  }
  $("timeline").replaceChildren(...items.reverse());
}

async function refresh() {
  view = await pj.api("GET", `/api/sessions/${session}`, token);
  offset = view.now_ms - Date.now();
  $("state").textContent = view.state;
  $("lock").textContent = view.locked ? "Unlock" : "Lock";
  renderTimeline();
}

async function control(path, body) {
  try { await pj.api("POST", `/api/sessions/${session}/${path}`, token, body); await refresh(); }
  catch (e) { $("state").textContent = e.message; }
}

async function main() {
  await refresh();
  document.title = view.problem.title + " — interviewer";
  $("title").textContent = view.problem.title + " (interviewer)";
  $("statement").innerHTML = view.statement_html;  // rendered by the server (cmark, safe mode)
  pj.countdown($("clock"), () => view.deadline_ms, offset);
  $("lock").addEventListener("click", () => control("lock", { locked: !view.locked }));
  $("extend5").addEventListener("click", () => control("deadline", { extend_minutes: 5 }));
  $("extend15").addEventListener("click", () => control("deadline", { extend_minutes: 15 }));
  pj.follow(session, token, {
    queued: () => refresh(),
    start: (d) => {
      current = pj.el("div", { class: "attempt" }, pj.el("h2", {}, `Attempt ${d.attempt}: ${d.kind} (live)`));
      $("live").replaceChildren(current);
    },
    test: (t) => current?.append(pj.renderTest(t)),
    end: (r) => { current?.append(pj.renderSummary(r)); current = null; refresh(); },
    replaced: () => refresh(),
    interrupted: () => refresh(),
    locked: () => refresh(),
    deadline: () => refresh(),
  });
}

main().catch((e) => { $("title").textContent = "Cannot open this session: " + e.message; });
