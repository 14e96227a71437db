#!/usr/bin/env bash
# End-to-end test of the batch HTML report template (batch/report_template.html).
#
#   render_test.sh TEMPLATE OUTDIR
#
# Builds sample report data, substitutes it into TEMPLATE exactly as `pyjudge batch --html` does
# (the token /*PYJUDGE_DATA*/null replaced by JSON with <, >, & written as \u003c, \u003e, \u0026),
# renders the page in headless Chromium (--dump-dom) and checks the resulting DOM:
#   - the grid: 3 rows in data order, the right data-verdict per cell, one "missing" cell;
#   - a hostile candidate name / test message shows up as text only (no injected elements, no
#     extra <script>, its onerror payload never ran);
#   - verdict counts and the pass-rate table percentages;
#   - sorting (second render, with a small driver script injected before </body>): the first click
#     on "Total score" sorts by total score numerically, HIGHEST FIRST; a second click reverses;
#     "Candidate" sorts A-Z; a problem column sorts by verdict (AC first) then score;
#   - clicking a cell shows the first failing test's name and message in #detail.
# Exits 0 on success, non-zero with a message on failure. Needs Debian's `chromium` package.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TEMPLATE OUTDIR" >&2
  exit 2
fi
TEMPLATE=$1
OUTDIR=$2
PY=/usr/bin/python3

fail() { echo "render_test: FAIL: $*" >&2; exit 1; }

[[ -r $TEMPLATE ]] || fail "template not readable: $TEMPLATE"
[[ -x $PY ]] || fail "$PY not found"
CHROMIUM=$(command -v chromium || true)
[[ -n $CHROMIUM ]] || fail "chromium not installed: apt-get install chromium"

mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
TEMPLATE=$(cd "$(dirname "$TEMPLATE")" && pwd)/$(basename "$TEMPLATE")
PROFILE=$(mktemp -d "$OUTDIR/chromium-profile.XXXXXX")
trap 'rm -rf "$PROFILE"' EXIT

# ---- 1. sample data + substitution ---------------------------------------------------------
"$PY" - "$TEMPLATE" "$OUTDIR" <<'PYEOF'
import json, re, sys
template_path, outdir = sys.argv[1], sys.argv[2]
template = open(template_path, encoding="utf-8").read()

TOKEN = "/*PYJUDGE_DATA*/null"
if template.count(TOKEN) != 1:
    sys.exit(f"template must contain {TOKEN} exactly once (found {template.count(TOKEN)})")
if "const DATA = " + TOKEN + ";" not in template:
    sys.exit("template must contain the line: const DATA = /*PYJUDGE_DATA*/null;")
for bad in ("http://", "https://", "@import", " src=", "<link"):
    if bad in template:
        sys.exit(f"template is not self-contained: contains {bad!r}")

HOSTILE = "eve<script>alert(1)</script><img src=x onerror=\"document.body.dataset.pwned='yes'\">"

def rec(cand, prob, verdict, passed, total, score, max_score, tests=(), **extra):
    r = {"candidate": cand, "problem": prob, "file": f"subs/{cand}/{prob}.py", "verdict": verdict,
         "passed": passed, "total": total, "score": score, "max_score": max_score,
         "time_ms": 24.1, "memory_kib": 7988,
         "tests": [{"name": n, "verdict": v, "sample": i == 0, "message": m, "time_ms": 1.5,
                    "memory_kib": 12} for i, (n, v, m) in enumerate(tests)]}
    r.update(extra)
    return r

data = {
    "title": "pyjudge batch report",
    "generated": "2026-11-21T05:50:00Z",
    "problems": ["two-sum", "memoize", "lru-cache"],
    # Row order deliberately matches no sort order.  Totals: bob 1, eve 10, alice 2 (numeric sort
    # differs from a string sort, which would put "2" before "10").
    "candidates": ["bob", HOSTILE, "alice"],
    "records": [
        rec("alice", "two-sum", "AC", 14, 14, 1, 1, [("example-1", "AC", "")]),
        rec("alice", "memoize", "AC", 5, 5, 1, 1),
        rec("alice", "lru-cache", "WA", 13, 14, 0, 10,
            [("example-1", "AC", ""), ("capacity-one", "WA", "at [1]: expected 1, got 2 <b>x</b> & \"q\"")]),
        rec("bob", "two-sum", "AC", 14, 14, 1, 1),
        rec("bob", "memoize", "TLE", 2, 5, 0, 1, [("example-1", "AC", ""), ("deep", "TLE", "time limit 2000 ms")]),
        # bob / lru-cache: not submitted
        rec(HOSTILE, "two-sum", "RE", 0, 14, 0, 1,
            [("example-1", "RE", "ValueError: <script>alert(2)</script>")]),
        rec(HOSTILE, "memoize", "IE", 0, 0, 0, 1, error="cannot read file subs/eve/memoize.py: <i>denied</i>"),
        rec(HOSTILE, "lru-cache", "AC", 14, 14, 10, 10),
    ],
}
json.dump({"hostile": HOSTILE}, open(f"{outdir}/expect.json", "w"))

payload = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
report = template.replace(TOKEN, payload)
open(f"{outdir}/report.html", "w", encoding="utf-8").write(report)

# Copy with a driver script that exercises sorting and the detail panel after load.
DRIVER = r"""<script>
window.addEventListener("load", function () {
  const order = () => Array.from(document.querySelectorAll("#grid tbody tr"))
                           .map(tr => tr.dataset.candidate.slice(0, 5)).join(",");
  const click = k => document.querySelector('#grid th[data-sort-key="' + k + '"]').click();
  const b = document.body.dataset;
  click("total");     b.order = order();
  click("total");     b.orderReversed = order();
  click("candidate"); b.orderCandidate = order();
  click("lru-cache"); b.orderLru = order();
  document.querySelector('#grid tr[data-candidate="alice"] td[data-problem="lru-cache"]').click();
  b.detail = document.getElementById("detail").textContent;
  b.driverDone = "1";
});
</script>
"""
if report.count("</body>") != 1:
    sys.exit("report must contain </body> exactly once")
open(f"{outdir}/report_sort.html", "w", encoding="utf-8").write(report.replace("</body>", DRIVER + "</body>"))
PYEOF

# ---- 2. render -----------------------------------------------------------------------------
render() {  # render IN.html OUT.dom.html
  local log=$2.chromium.log
  if ! timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --no-default-browser-check --disable-extensions \
        --user-data-dir="$PROFILE" --virtual-time-budget=5000 \
        --dump-dom "file://$1" >"$2" 2>"$log"; then
    cat "$log" >&2
    fail "chromium failed to render $1 (log: $log)"
  fi
  [[ -s $2 ]] || { cat "$log" >&2; fail "chromium produced an empty DOM for $1 (log: $log)"; }
}
render "$OUTDIR/report.html" "$OUTDIR/report.dom.html"
render "$OUTDIR/report_sort.html" "$OUTDIR/report_sort.dom.html"

# ---- 3. check the DOM ----------------------------------------------------------------------
"$PY" - "$OUTDIR" <<'PYEOF'
import json, sys
from html.parser import HTMLParser

outdir = sys.argv[1]
HOSTILE = json.load(open(f"{outdir}/expect.json"))["hostile"]
errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []
    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)
    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()
    def find_all(self, tag=None, **attrs):
        return [n for n in self.walk() if (tag is None or n.tag == tag)
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]
    def by_id(self, ident):
        found = self.find_all(id=ident)
        return found[0] if found else None

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n
    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent
    def handle_data(self, data):
        self.cur.children.append(data)

def parse(path):
    raw = open(path, encoding="utf-8").read()
    b = TreeBuilder(); b.feed(raw); b.close()
    return raw, b.root

def grid_rows(root):
    grid = root.by_id("grid")
    if grid is None:
        return []
    return [tr for tr in grid.find_all("tr") if "data-candidate" in tr.attrs]

# ---- plain render ----
raw, root = parse(f"{outdir}/report.dom.html")
check(len(root.find_all("script")) == 1, f"expected exactly 1 <script> element, found {len(root.find_all('script'))}")
check(not root.find_all("img") and not root.find_all("b") and not root.find_all("i"),
      "untrusted data was parsed as HTML (found <img>/<b>/<i> element)")
body = root.find_all("body")
check(body and "data-pwned" not in body[0].attrs, "hostile onerror payload executed")
check("&lt;script&gt;alert(1)&lt;/script&gt;" in raw, "hostile candidate name not present as escaped text")
titles = root.find_all("title")
check(titles and titles[0].text() == "pyjudge batch report", "document.title was modified")
h1 = root.by_id("title")
check(h1 is not None and h1.text() == "pyjudge batch report", "heading does not show the title")
gen = root.by_id("generated")
check(gen is not None and "2026-11-21T05:50:00Z" in gen.text(), "generated time not shown")

counts = {li.attrs.get("data-verdict"): li.attrs.get("data-count") for li in root.by_id("counts").find_all("li")} \
    if root.by_id("counts") else {}
check(counts == {"AC": "4", "WA": "1", "TLE": "1", "RE": "1", "IE": "1", "missing": "1"},
      f"verdict counts wrong: {counts}")

expected = {
    "bob":   {"two-sum": "AC", "memoize": "TLE", "lru-cache": "missing"},
    HOSTILE: {"two-sum": "RE", "memoize": "IE", "lru-cache": "AC"},
    "alice": {"two-sum": "AC", "memoize": "AC", "lru-cache": "WA"},
}
rows = grid_rows(root)
check([r.attrs["data-candidate"] for r in rows] == ["bob", HOSTILE, "alice"],
      f"grid rows wrong (want 3 rows in data order): {[r.attrs['data-candidate'] for r in rows]}")
for r in rows:
    cand = r.attrs["data-candidate"]
    cells = {td.attrs.get("data-problem"): td for td in r.find_all("td") if "data-problem" in td.attrs}
    got = {p: td.attrs.get("data-verdict") for p, td in cells.items()}
    check(got == expected.get(cand), f"row {cand!r}: verdicts {got}, want {expected.get(cand)}")
    check(any(td.text() == cand for td in r.find_all("td")), f"row {cand!r}: name not shown as text")
    for p, td in cells.items():
        v = td.attrs.get("data-verdict")
        if v == "missing":
            check("v-missing" in td.attrs.get("class", "") and td.text() == "", f"{cand}/{p}: missing cell not empty/grey")
        else:
            check(f"v-{v}" in td.attrs.get("class", "").split(), f"{cand}/{p}: not coloured as {v}")
            check(td.text().startswith(v) and "/" in td.text(), f"{cand}/{p}: cell text {td.text()!r}")
            check(td.attrs.get("title"), f"{cand}/{p}: no title tooltip")
by_cand = {r.attrs["data-candidate"]: r for r in rows}
def cell(c, p):
    return next(td for td in by_cand[c].find_all("td") if td.attrs.get("data-problem") == p)
if set(by_cand) == set(expected):
    t = cell("alice", "lru-cache").attrs.get("title", "")
    check("capacity-one" in t and "expected 1, got 2 <b>x</b>" in t, f"WA tooltip lacks first failing test: {t!r}")
    check(cell("alice", "lru-cache").text() == "WA13/14", f"WA cell text: {cell('alice', 'lru-cache').text()!r}")
    t = cell(HOSTILE, "memoize").attrs.get("title", "")
    check("cannot read file" in t, f"error record tooltip lacks error: {t!r}")
    totals = {c: next((td.attrs["data-total"] for td in r.find_all("td") if "data-total" in td.attrs), None)
              for c, r in by_cand.items()}
    check(totals == {"bob": "1", HOSTILE: "10", "alice": "2"}, f"total scores wrong: {totals}")
    solved = {c: next((td.attrs["data-solved"] for td in r.find_all("td") if "data-solved" in td.attrs), None)
              for c, r in by_cand.items()}
    check(solved == {"bob": "1", HOSTILE: "1", "alice": "2"}, f"solved counts wrong: {solved}")

heads = [th.attrs.get("data-sort-key") for th in root.find_all("th") if "data-sort-key" in th.attrs]
check(heads == ["candidate", "two-sum", "memoize", "lru-cache", "total", "solved"], f"header sort keys: {heads}")

pr = root.by_id("pass-rates")
rates = {}
if pr is not None:
    for tr in pr.find_all("tr"):
        if "data-problem" in tr.attrs:
            rates[tr.attrs["data-problem"]] = [td.text() for td in tr.find_all("td")][1:]
check(rates == {"two-sum": ["3", "2", "66.7%"], "memoize": ["3", "1", "33.3%"], "lru-cache": ["2", "1", "50.0%"]},
      f"pass-rate table wrong: {rates}")

# ---- render with the sorting driver ----
raw, root = parse(f"{outdir}/report_sort.dom.html")
b = root.find_all("body")[0].attrs if root.find_all("body") else {}
if b.get("data-driver-done") != "1":
    errors.append("sorting driver did not run (page script error?)")
else:
    # order values are the first 5 characters of each data-candidate
    check(b.get("data-order") == "eve<s,alice,bob",
          f"first click on Total score: want highest first eve,alice,bob; got {b.get('data-order')}")
    check(b.get("data-order-reversed") == "bob,alice,eve<s",
          f"second click on Total score: want reversed bob,alice,eve; got {b.get('data-order-reversed')}")
    check(b.get("data-order-candidate") == "alice,bob,eve<s",
          f"click on Candidate: want alice,bob,eve; got {b.get('data-order-candidate')}")
    check(b.get("data-order-lru") == "eve<s,alice,bob",
          f"click on lru-cache: want AC, WA, missing = eve,alice,bob; got {b.get('data-order-lru')}")
    d = b.get("data-detail", "")
    check("capacity-one" in d and "expected 1, got 2 <b>x</b>" in d, f"detail panel lacks first failure: {d!r}")
    check("data-pwned" not in b, "hostile onerror payload executed (sorted render)")
check(len(root.find_all("script")) == 2, "sorted render: unexpected <script> elements")

if errors:
    for e in errors:
        print("render_test: FAIL:", e, file=sys.stderr)
    sys.exit(1)
print("render_test: OK (grid, escaping, counts, pass rates, sorting, detail)")
PYEOF
