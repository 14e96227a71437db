#!/usr/bin/env bash
# The report `pyjudge batch --html` writes (not just the template): judge three submissions, one
# by a candidate whose folder name is markup, render the page in headless Chromium and check the
# grid, then the gradebook views a link opens (#c=bob&p=two-sum&vs=alice): every test of the cell
# with its data, the code, the comparison with alice's code, the files that match no problem and
# the skipped entries, with paths relative to the submissions folder.
# Usage: batch_report_test.sh PYJUDGE PROBLEMS OUTDIR
set -euo pipefail
PYJUDGE=$1 PROBLEMS=$2 OUT=$3
fail() { echo "batch_report_test: FAIL: $*" >&2; exit 1; }
command -v chromium >/dev/null || fail "chromium not installed: apt-get install chromium"
rm -rf "$OUT" && mkdir -p "$OUT/subs/alice" "$OUT/subs/bob" "$OUT/subs/eve<b>x"
cp "$PROBLEMS/two-sum/solutions/accepted/hashmap.py" "$OUT/subs/alice/two-sum.py"
cp "$PROBLEMS/two-sum/solutions/wrong_answer/same_element_twice.py" "$OUT/subs/bob/two-sum.py"
cp "$PROBLEMS/memoize/solutions/accepted/wraps_dict.py" "$OUT/subs/eve<b>x/memoize.py"
cp "$PROBLEMS/two-sum/solutions/accepted/hashmap.py" "$OUT/subs/eve<b>x/three-summ<i>.py"
echo "grading notes" > "$OUT/subs/notes<i>.txt"
"$PYJUDGE" batch "$OUT/subs" --problems "$PROBLEMS" --no-cache -j 2 --out "$OUT/results.jsonl" --html "$OUT/report.html" >/dev/null 2>&1 \
  || fail "pyjudge batch failed"
profile=$(mktemp -d "$OUT/profile.XXXXXX")
chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom "file://$OUT/report.html" > "$OUT/dom.html" 2>/dev/null || fail "chromium could not render the report"
chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$profile" --virtual-time-budget=5000 \
  --dump-dom "file://$OUT/report.html#c=bob&p=two-sum&vs=alice" > "$OUT/detail.html" 2>/dev/null \
  || fail "chromium could not render the report's detail"
/usr/bin/python3 - "$OUT/dom.html" "$OUT/detail.html" "$OUT/results.jsonl" "$OUT" <<'PY'
import html.parser, json, sys
rows, cells, italics = [], {}, 0
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        global italics
        a = dict(attrs)
        if tag == "tr" and "data-candidate" in a:
            rows.append(a["data-candidate"])
        if tag == "td" and "data-problem" in a and rows:
            cells[(rows[-1], a["data-problem"])] = a.get("data-verdict")
        if tag in ("b", "i"):
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

# The detail a link opens: bob's two-sum cell.
class D(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.tests, self.fields, self.labels, self.text = [], [], set(), [], {}
        self.diff, self.diff_rows, self.detail, self.where = None, [], None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "")
        if a.get("id") == "detail":
            self.detail = a.get("data-candidate"), a.get("data-problem")
        if tag == "details" and "test" in cls.split():
            self.tests.append((a.get("data-test"), a.get("data-verdict")))
        if tag == "pre" and cls.startswith("field-"):
            self.fields.add(cls[len("field-"):])
        if tag == "table" and cls == "diff":
            self.diff = a.get("data-left"), a.get("data-right")
        if tag == "tr" and self.diff and cls in ("same", "add", "del", "chg"):
            self.diff_rows.append(cls)
        if tag not in ("meta", "br", "input", "link", "img", "hr"):
            self.stack.append(a.get("id") or cls)
    def handle_endtag(self, tag):
        if tag not in ("meta", "br", "input", "link", "img", "hr") and self.stack:
            self.stack.pop()
    def handle_data(self, data):
        for where in set(self.stack):
            self.text[where] = self.text.get(where, "") + data
        if self.stack and self.stack[-1].startswith("v "):
            self.labels.append(data)
d = D()
page = open(sys.argv[2], encoding="utf-8").read()
d.feed(page)
bob = next(json.loads(l) for l in open(sys.argv[3], encoding="utf-8") if json.loads(l)["candidate"] == "bob")
check(d.detail == ("bob", "two-sum"), f"the link opened {d.detail}")
check(len(d.tests) == bob["total"] == len(bob["tests"]), f"{len(d.tests)} tests shown of {bob['total']}")
check(any(v == "WA" for _, v in d.tests) and any(v == "AC" for _, v in d.tests), f"verdicts {d.tests}")
hidden_failed = [t for t in bob["tests"] if not t["sample"] and t["verdict"] != "AC"]
check(not hidden_failed or "expected" in d.fields, "a failing hidden test's expected answer is not shown to the grader")
check({"input", "expected", "got"} <= d.fields, f"fields shown {d.fields}")
check("def " in d.text.get("code", ""), "bob's code is not in the report")
check(d.diff == ("bob", "alice"), f"comparison {d.diff}")
check(len(d.diff_rows) > 3 and set(d.diff_rows) - {"same"}, f"diff rows {d.diff_rows[:10]}")
check(all(l in ("AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE") for l in d.labels) and len(d.labels) >= 3,
      f"verdict labels {d.labels}")
check("eve<b>x/three-summ<i>.py" in d.text.get("unmatched", ""), f"unmatched {d.text.get('unmatched')}")
check("notes<i>.txt (not in a candidate's folder)" in d.text.get("skipped", ""), f"skipped {d.text.get('skipped')}")
check(sys.argv[4] not in page, "an absolute path of the submissions folder is in the report")
print("batch_report_test: OK")
PY
