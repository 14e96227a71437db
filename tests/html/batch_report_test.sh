#!/usr/bin/env bash
# The report `pyjudge batch --html` writes (not just the template): judge three submissions, one
# by a candidate whose folder name is markup, render the page in headless Chromium and check the
# grid. Usage: batch_report_test.sh PYJUDGE PROBLEMS OUTDIR
set -euo pipefail
PYJUDGE=$1 PROBLEMS=$2 OUT=$3
fail() { echo "batch_report_test: FAIL: $*" >&2; exit 1; }
command -v chromium >/dev/null || fail "chromium not installed: apt-get install chromium"
rm -rf "$OUT" && mkdir -p "$OUT/subs/alice" "$OUT/subs/bob" "$OUT/subs/eve<b>x"
cp "$PROBLEMS/two-sum/solutions/accepted/hashmap.py" "$OUT/subs/alice/two-sum.py"
cp "$PROBLEMS/two-sum/solutions/wrong_answer/same_element_twice.py" "$OUT/subs/bob/two-sum.py"
cp "$PROBLEMS/memoize/solutions/accepted/wraps_dict.py" "$OUT/subs/eve<b>x/memoize.py"
"$PYJUDGE" batch "$OUT/subs" --problems "$PROBLEMS" --no-cache -j 2 --out "$OUT/results.jsonl" --html "$OUT/report.html" >/dev/null 2>&1 \
  || fail "pyjudge batch failed"
profile=$(mktemp -d "$OUT/profile.XXXXXX")
chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom "file://$OUT/report.html" > "$OUT/dom.html" 2>/dev/null || fail "chromium could not render the report"
/usr/bin/python3 - "$OUT/dom.html" <<'PY'
import html.parser, sys
rows, cells, italics = [], {}, 0
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        global italics
        a = dict(attrs)
        if tag == "tr" and "data-candidate" in a:
            rows.append(a["data-candidate"])
        if tag == "td" and "data-problem" in a and rows:
            cells[(rows[-1], a["data-problem"])] = a.get("data-verdict")
        if tag == "b":
            italics += 1
P().feed(open(sys.argv[1], encoding="utf-8").read())
def check(ok, what):
    if not ok:
        sys.exit(f"batch_report_test: FAIL: {what}")
check(sorted(rows) == sorted(["alice", "bob", "eve<b>x"]), f"grid rows {rows}")
check(cells.get(("alice", "two-sum")) == "AC", f"alice/two-sum {cells.get(('alice', 'two-sum'))}")
check(cells.get(("bob", "two-sum")) == "WA", f"bob/two-sum {cells.get(('bob', 'two-sum'))}")
check(cells.get(("eve<b>x", "memoize")) == "AC", "eve's cell")
check(italics == 0, "a candidate's name became markup")
print("batch_report_test: OK")
PY
