"use strict";
const $ = (id) => document.getElementById(id);

async function loadProblems() {
  $("error").textContent = "";
  try {
    const problems = await pj.api("GET", "/api/problems", $("admin").value);
    sessionStorage.setItem("pyjudge-admin", $("admin").value);
    $("problem").replaceChildren(...problems.map((p) => pj.el("option", { value: p.id }, `${p.title} (${p.id}, ${p.difficulty})`)));
  } catch (e) {
    $("error").textContent = e.message;
  }
}

async function create() {
  $("error").textContent = "";
  try {
    const s = await pj.api("POST", "/api/sessions", $("admin").value, { problem: $("problem").value, minutes: Number($("minutes").value) });
    const link = (label, url, id) => pj.el("p", {}, label, pj.el("br"), pj.el("input", { id, readonly: "", value: url }), " ",
                                           pj.el("a", { href: url, target: "_blank", rel: "noopener" }, "open"));
    $("links").replaceChildren(link("Candidate's link", s.candidate_url, "candidate-url"),
                               link("Your (interviewer's) link", s.interviewer_url, "interviewer-url"),
                               pj.el("p", {}, "Deadline: " + s.deadline));
  } catch (e) {
    $("error").textContent = e.message;
  }
}

$("admin").value = sessionStorage.getItem("pyjudge-admin") || "";
$("load").addEventListener("click", loadProblems);
$("create").addEventListener("click", create);
if ($("admin").value) loadProblems();
