"use strict";
const $ = (id) => document.getElementById(id);
const params = pj.hashParams();
const session = params.get("session"), token = params.get("token");
let view = null, editor = null, current = null, offset = 0;

function splitInputs(text, mode) {
  // function mode: one argument list per line; stdio: inputs separated by a line holding ---
  if (mode === "stdio") return text.split(/^---$/m).map((s) => s.replace(/^\n/, "")).filter((s) => s.trim() !== "");
  return text.split("\n").map((s) => s.trim()).filter((s) => s !== "");
}

async function attempt(kind) {
  $("error").textContent = "";
  const body = { kind, source: editor.get() };
  if (kind === "run" && view.custom_inputs) {
    const inputs = splitInputs($("inputs").value, view.problem.mode);
    if (inputs.length) body.inputs = inputs;
  }
  localStorage.setItem("pyjudge-source-" + session, body.source);
  try {
    await pj.api("POST", `/api/sessions/${session}/attempts`, token, body);
  } catch (e) {
    $("error").textContent = e.message + (e.retryAfter ? ` (try again in ${e.retryAfter} s)` : "");
  }
}

function attemptBlock(n, kind) {
  const block = pj.el("div", { class: "attempt", id: "attempt-" + n },
    pj.el("h2", {}, `Attempt ${n}: ${kind === "run" ? "Run" : "Submit"}`), pj.el("div", { class: "tests" }));
  $("results").prepend(block);
  return block;
}

function setState(locked, deadlineMs) {
  view.locked = locked;
  view.deadline_ms = deadlineMs;
  const closed = locked || Date.now() + offset > deadlineMs;
  $("state").textContent = locked ? "locked by the interviewer" : "";
  $("run").disabled = $("submit").disabled = closed;
}

async function main() {
  view = await pj.api("GET", `/api/sessions/${session}`, token);
  offset = view.now_ms - Date.now();
  document.title = view.problem.title + " — pyjudge";
  $("title").textContent = view.problem.title;
  $("statement").innerHTML = view.statement_html;  // rendered by the server (cmark, safe mode)
  $("samples").replaceChildren(...view.samples.map((s) => pj.el("div", {}, pj.el("pre", {}, s.input), pj.el("pre", {}, "→ " + (s.expected ?? "")))));
  $("custom").hidden = !view.custom_inputs;
  $("input-hint").textContent = view.problem.mode === "stdio" ? "the stdin text; separate inputs with a line holding ---"
                                                             : "one argument list a line, e.g. [[2, 7, 11, 15], 9]";
  editor = pj.editor($("source"));
  const last = view.attempts.length ? view.attempts[view.attempts.length - 1].source : null;
  editor.set(localStorage.getItem("pyjudge-source-" + session) || last || view.starter);
  setState(view.locked, view.deadline_ms);
  pj.countdown($("clock"), () => view.deadline_ms, offset);
  setInterval(() => setState(view.locked, view.deadline_ms), 1000);
  $("run").addEventListener("click", () => attempt("run"));
  $("submit").addEventListener("click", () => attempt("submit"));
  pj.follow(session, token, {
    start: (d) => { current = attemptBlock(d.attempt, d.kind); },
    test: (t) => { if (current) current.querySelector(".tests").append(pj.renderTest(t)); },
    end: (r) => { if (current) current.append(pj.renderSummary(r)); current = null; },
    inputs_rejected: (d) => {
      const block = $("attempt-" + d.attempt);
      for (const i of d.inputs) block?.append(pj.el("p", { class: "note" }, `custom input ${i.index + 1} not used: ${i.reason}`));
    },
    interrupted: (d) => { $("results").prepend(pj.el("p", { class: "note" }, `attempt ${d.attempt} was interrupted (${d.reason}); run it again`)); current = null; },
    locked: (d) => setState(d.locked, view.deadline_ms),
    deadline: (d) => setState(view.locked, d.deadline_ms),
  });
}

main().catch((e) => { $("title").textContent = "Cannot open this session: " + e.message; });
