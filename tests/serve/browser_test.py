"""The pages in a real browser: headless Chromium driven by Selenium (Debian's chromium,
chromium-driver and python3-selenium), against a real `pyjudge serve` on a loopback port.

    python3 browser_test.py PYJUDGE PROBLEMS WORKDIR

The interviewer creates a session on the index page; the candidate types a wrong solution (which
also prints an XSS probe), presses Run and sees WA with the diff, fixes it, presses Submit and
sees AC; the interviewer's page shows both attempts in its timeline, and the probe never ran in
either page. Screenshots are saved in WORKDIR.
"""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

BINARY, PROBLEMS, WORK = sys.argv[1:4]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)

WRONG = """print("<script>window.__xss = 1</script>")
print('<img src=x onerror="window.__xss = 2">')
for _ in range(int(input())):
    input()
    print("true")
"""
FIXED = open(os.path.join(PROBLEMS, "valid-parentheses", "solutions", "accepted", "stack.py")).read()

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def eventually(driver, cond, seconds=20):
    """Whether cond(driver) becomes true within `seconds`: for what the page does asynchronously
    (CodeMirror reads typed keys from its hidden textarea on its own timer; events arrive when the
    server sends them), so a loaded machine is slower, never wrong."""
    try:
        WebDriverWait(driver, seconds).until(cond)
        return True
    except Exception:  # TimeoutException: the check below reports it
        return False


def no_probe_ran(driver, page):
    ran = driver.execute_script("return window.__xss === undefined ? null : window.__xss;")
    injected = driver.execute_script("return document.querySelectorAll('img[src=\"x\"], pre script, div script').length;")
    check(ran is None and injected == 0, f"the XSS probe did not run or inject anything in the {page} page")


def set_source(driver, source):
    driver.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);", source)


srv = Server(BINARY, PROBLEMS, os.path.join(WORK, "data"))
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 120)
try:
    # The interviewer creates the session on the index page.
    driver.get(f"http://127.0.0.1:{srv.port}/")
    driver.find_element(By.ID, "admin").send_keys(srv.admin)
    driver.find_element(By.ID, "load").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#problem option")) > 1)
    Select(driver.find_element(By.ID, "problem")).select_by_value("valid-parentheses")
    minutes = driver.find_element(By.ID, "minutes")
    minutes.clear()
    minutes.send_keys("30")
    driver.find_element(By.ID, "create").click()
    wait.until(lambda d: d.find_elements(By.ID, "candidate-url"))
    candidate_url = driver.find_element(By.ID, "candidate-url").get_attribute("value")
    interviewer_url = driver.find_element(By.ID, "interviewer-url").get_attribute("value")
    check(candidate_url.startswith(f"http://127.0.0.1:{srv.port}/candidate#"), "the index page gives the candidate's link")
    driver.save_screenshot(os.path.join(WORK, "1-new-session.png"))

    # The candidate: statement, editor with the starter, a wrong solution and a custom input, Run.
    driver.get(candidate_url)
    wait.until(lambda d: d.find_element(By.ID, "title").text == "Valid Parentheses")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror"))
    check("sys.stdin" in driver.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue();"),
          "the editor (CodeMirror) holds the stdio starter")
    set_source(driver, WRONG)
    editor = driver.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
    editor.send_keys(Keys.CONTROL, Keys.END)
    editor.send_keys("# typed in the browser")
    check(eventually(driver, lambda d: d.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue();")
                     .endswith("# typed in the browser")),
          "keys typed into the editor land in the source")
    driver.find_element(By.ID, "inputs").send_keys("1\n(()\n")
    driver.find_element(By.ID, "run").click()
    wait.until(lambda d: "WA" in " ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, "#results .summary")))
    diffs = driver.find_elements(By.CSS_SELECTOR, "#results .k-diff")
    check(diffs and "<script>window.__xss = 1</script>" in diffs[0].text, "Run shows WA with the diff, the probe as text")
    check(any(e.text == "WA" for e in driver.find_elements(By.CSS_SELECTOR, "#results .test .verdict")), "the failing sample test is WA")
    custom = [b for b in driver.find_elements(By.CSS_SELECTOR, "#results .test-box") if b.text.startswith("custom-1")]
    check(custom and "WA" in custom[0].text and "false" in custom[0].find_element(By.CSS_SELECTOR, ".k-expected").text,
          "the custom input is judged against the reference's output")
    no_probe_ran(driver, "candidate")
    driver.save_screenshot(os.path.join(WORK, "2-candidate-run-wa.png"))

    # Fixed, then Submit: every test, AC.
    set_source(driver, FIXED)
    driver.find_element(By.ID, "submit").click()
    wait.until(lambda d: "AC" in d.find_element(By.CSS_SELECTOR, "#results .attempt .summary").text
               if d.find_elements(By.CSS_SELECTOR, "#results .attempt:first-child .summary") else False)
    first = driver.find_element(By.CSS_SELECTOR, "#results .attempt")
    check("Submit" in first.text and "AC" in first.find_element(By.CSS_SELECTOR, ".summary").text, "Submit shows AC")
    check(any("(hidden)" in e.text for e in first.find_elements(By.CSS_SELECTOR, ".test .name")), "hidden tests listed by name")
    driver.save_screenshot(os.path.join(WORK, "3-candidate-submit-ac.png"))

    # The interviewer: both attempts in the timeline, the probe shown as text only.
    driver.get(interviewer_url)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .attempt")) == 2)
    timeline = driver.find_element(By.ID, "timeline").text
    check("Attempt 1: run" in timeline and "Attempt 2: submit" in timeline, "the timeline shows both attempts")
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true);")
    # textContent, not .text: a re-render after a late event may close the <details> again.
    sources = [e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, "#timeline pre.source")]
    check(any("<script>window.__xss = 1</script>" in s for s in sources), "the candidate's source is shown as text")
    check(eventually(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline pre.diff .add")),
          "the timeline diffs an attempt against the one before")
    driver.find_element(By.ID, "extend5").click()  # re-renders the timeline
    time.sleep(0.5)
    check(all(d.get_attribute("open") is not None for d in driver.find_elements(By.CSS_SELECTOR, "#timeline details")),
          "what the interviewer opened stays open when the timeline re-renders")
    no_probe_ran(driver, "interviewer")
    driver.save_screenshot(os.path.join(WORK, "4-interviewer-timeline.png"))
finally:
    driver.quit()
    srv.stop()

print(f"{len(failures)} failures" if failures else "all passed; screenshots in " + WORK)
sys.exit(1 if failures else 0)
