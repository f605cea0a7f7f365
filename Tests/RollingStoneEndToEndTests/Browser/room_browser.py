#!/usr/bin/env python3
"""The room in a real browser: the built `rollingstone run --room` and headless
Chromium, driven through what a meeting does with the projector and a phone.

    room_browser.py --binary PATH --folder DIR --agenda AGENDA --screenshot-agenda AGENDA [--docs DIR]

RoomBrowserTests (Swift) runs it from `swift test`. It starts the binary
itself, with standard input and output as pipes, so it types REPL lines and
reads the replies as the facilitator sees them; it opens the pages at
http://127.0.0.1:PORT while the room listens on 0.0.0.0 (so the REPL prints
its `Phones:` line and the pages show the join code).

Every step is checked with a wait on a condition, never a fixed sleep. The
last line of standard output is the JSON report
`{"checks": [{"name", "ok", "detail"}], "screenshots": [...]}`; progress goes
to standard error. Exit status 0 when every check passed, 1 when one failed,
2 when Chromium, chromedriver or Selenium is missing (run scripts/test).

Screenshots go to --folder always, and to --docs only with RECORD_SCREENSHOTS=1.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.request

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Long enough to mean "hung", never a measure of speed.
PAGE_WAIT = 30
REPL_WAIT = 30
HANG_GUARD = 240

HOSTILE = [
    "<img src=x onerror=window.__pwned=1>",
    "<script>window.__pwned=2</script>",
    '"quotes" & <b>bold</b>',
    "**markdown**",
    ("Gemeentesubsidieaanvraagformulier" * 10)[:300],
]

report = {"checks": [], "screenshots": []}
# Every process this script started, so that it ends them all, whatever happened.
started = []


def log(message):
    print(message, file=sys.stderr, flush=True)


def check(name, ok, detail=""):
    detail = str(detail)
    report["checks"].append({"name": name, "ok": bool(ok), "detail": detail[:4000]})
    log(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else "\n     " + detail[:4000]))
    return bool(ok)


def finish(status):
    try:
        print(json.dumps(report, ensure_ascii=False), flush=True)
    except BrokenPipeError:  # whoever started it is gone; everything it started has been ended already
        status = status or 1
    sys.exit(status)


class HangGuard(Exception):
    pass


def on_alarm(signum, frame):
    raise HangGuard(f"the browser test ran for more than {HANG_GUARD} s")


def on_term(signum, frame):
    raise HangGuard("stopped by signal %d" % signum)


# ---------------------------------------------------------------------------
# What the test needs: nothing is downloaded here.


def prerequisites():
    missing = []
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            missing.append(f"{path} (Debian package {package})")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append(f"the Python module selenium for {sys.executable} (pip install selenium)")
    return missing


# ---------------------------------------------------------------------------
# The meeting: the built binary with its room on.


def free_port(host):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Meeting:
    """`rollingstone run --agenda … --session … --room 0.0.0.0:PORT`, its
    standard output read all the time on a thread of its own."""

    def __init__(self, binary, agenda, folder, session, host="0.0.0.0", preferred_port=None):
        self.lines = []
        self.cursor = 0
        self.ended = False
        self.cond = threading.Condition()
        self.proc = None
        self.folder = folder
        errors = ""
        for attempt in range(8):
            port = preferred_port if attempt == 0 and preferred_port else free_port(host)
            self.error_path = os.path.join(folder, f"{session}.stderr")
            self.proc = subprocess.Popen(
                [binary, "run", "--ui-lang", "en", "--agenda", agenda, "--session", session, "--room", f"{host}:{port}"],
                cwd=folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(self.error_path, "wb"))
            started.append(self)
            self.lines, self.cursor, self.ended = [], 0, False
            threading.Thread(target=self._drain, args=(self.proc.stdout,), daemon=True).start()
            if self.wait_line(lambda l: l.startswith("Projector: "), REPL_WAIT):
                break
            self.kill()
            errors = self.errors()
            if "is in use" not in errors:
                raise RuntimeError(f"the room did not open: {errors}\n" + "\n".join(self.lines))
        else:
            raise RuntimeError(f"the room did not open: {errors}")
        if not self.wait_line(lambda l: l.startswith("Item "), REPL_WAIT):
            self.kill()
            raise RuntimeError("no item introduction after the room opened:\n" + "\n".join(self.lines))
        self.start_lines = list(self.lines)
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        phones = next((l for l in self.start_lines if l.startswith("Phones: ")), None)
        match = re.search(r"\(join code ([A-Z0-9]+);", phones or "")
        if match:
            self.code, self.code_from = match.group(1), "the REPL's Phones: line"
        else:
            self.code, self.code_from = self.state()["join"]["code"], "GET /api/state (the REPL printed no Phones: line)"
        log(f"meeting on port {port}, join code {self.code} from {self.code_from}")

    def _drain(self, pipe):
        for raw in iter(pipe.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.cond:
                self.lines.append(line)
                self.cond.notify_all()
        with self.cond:
            self.ended = True
            self.cond.notify_all()

    def wait_line(self, matches, timeout=REPL_WAIT):
        """The first line after those matched before that satisfies `matches`; None if none comes in time."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                while self.cursor < len(self.lines):
                    line = self.lines[self.cursor]
                    self.cursor += 1
                    if matches(line):
                        return line
                left = deadline - time.monotonic()
                if self.ended or left <= 0:
                    return None
                self.cond.wait(left)

    def send(self, line):
        log(f"  > {line[:120]}")
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def reply(self, line, matches, timeout=REPL_WAIT):
        self.send(line)
        return self.wait_line(matches, timeout)

    def output_since(self, count):
        with self.cond:
            return self.lines[count:]

    def post_submission(self, device, text):
        """POST /api/submissions as a script would, with the phone's device cookie; the status."""
        body = json.dumps({"kind": "tip", "name": "Script", "text": text}).encode()
        request = urllib.request.Request(self.base + "/api/submissions", data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Cookie": f"rs_device={device}"})
        try:
            with urllib.request.urlopen(request, timeout=REPL_WAIT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def state(self):
        with urllib.request.urlopen(self.base + "/api/state", timeout=REPL_WAIT) as response:
            return json.loads(response.read().decode())

    def errors(self):
        try:
            with open(self.error_path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self):
        """End of input ends the meeting; killed if it does not end by itself."""
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=20)
        except Exception:
            pass
        self.kill()


# ---------------------------------------------------------------------------
# The browser.

PAGE_HOOK = """
window.__csp = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
window.addEventListener('error', (e) => window.__errors.push(String(e.message || e.type)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push('unhandled rejection: ' + String(e.reason)));
"""


def new_browser(width, height, mobile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},{height}",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    if mobile:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2, "touch": True}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PAGE_HOOK})
    browser.room_log = []
    return browser


def js(browser, script, *args):
    return browser.execute_script(script, *args)


def wait_js(browser, script, predicate=bool, timeout=PAGE_WAIT, *args):
    """Waits until `predicate(value of script)`; (ok, last value)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    last = [None]

    def condition(_):
        last[0] = browser.execute_script(script, *args)
        return predicate(last[0])

    try:
        WebDriverWait(browser, timeout, poll_frequency=0.1).until(condition)
        return True, last[0]
    except TimeoutException:
        return False, last[0]


def collect_log(browser):
    try:
        browser.room_log += browser.get_log("browser")
    except Exception as error:  # a crashed browser: say so
        browser.room_log.append({"level": "SEVERE", "message": f"could not read the browser log: {error}"})
    return browser.room_log


def page_problems(browser):
    """CSP violations and JS errors: the browser's log and the page's own listeners."""
    problems = []
    for entry in collect_log(browser):
        message = entry.get("message", "")
        if entry.get("level") == "SEVERE" or "Content Security Policy" in message or "Uncaught" in message:
            problems.append(f"log {entry.get('level')}: {message}")
    try:
        seen = js(browser, "return [window.__csp || [], window.__errors || []]")
        problems += [f"CSP violation: {v}" for v in seen[0]] + [f"JS error: {v}" for v in seen[1]]
    except Exception as error:
        problems.append(f"could not ask the page: {error}")
    return problems


ENTRY_TEXTS = "return [...document.querySelectorAll('#pj-entries .entry-words')].map((e) => e.textContent)"
# The newest entry whose text is arguments[0] and, when arguments[1] is given, whose participant has that name.
FIND_ENTRY = """
const li = [...document.querySelectorAll('#pj-entries li')].find((li) => {
  const w = li.querySelector('.entry-words'), n = li.querySelector('.who-name');
  return w && w.textContent === arguments[0] && (arguments[1] === null || (n && n.textContent === arguments[1])); });
if (!li) return null;
const t = (sel) => { const e = li.querySelector(sel); return e ? e.textContent : null; };
return { kind: t('.kind'), who: t('.who-name'), country: t('.who-country'), room: t('.who-room'),
         visible: getComputedStyle(li).visibility === 'visible' && li.getBoundingClientRect().height > 0 };
"""
MARKUP_INSIDE = """
return [...document.querySelectorAll(arguments[0])].map((e) => e.tagName.toLowerCase() + ' in ' + (e.closest('[id]') || {}).id);
"""
SENT = """
return [...document.querySelectorAll('#sent-list li')].map((li) => ({
  number: Number(li.dataset.number), cls: li.className,
  status: (li.querySelector('.sent-status') || {}).textContent, text: (li.querySelector('.sent-text') || {}).textContent }));
"""


def seconds(mmss):
    minutes, secs = mmss.lstrip("+").split(":")
    return int(minutes) * 60 + int(secs)


def set_marker(browser):
    js(browser, "window.__noReload = 'still the same page'")


def not_reloaded(browser):
    return js(browser, "return window.__noReload") == "still the same page"


def open_phone(phone, meeting):
    phone.get(f"{meeting.base}/j/{meeting.code}")
    ok, _ = wait_js(phone, "return document.getElementById('ph-meeting').textContent")
    return ok


def phone_send(phone, text, kind="tip"):
    """Types `text` on the phone and presses Send; returns (sent ok, detail) once the page answered or the wait ran out."""
    from selenium.webdriver.common.by import By

    before = js(phone, "return document.querySelectorAll('#sent-list li').length")
    phone.find_element(By.CSS_SELECTOR, f"label[for='kind-{kind}']").click()
    area = phone.find_element(By.ID, "send-text")
    area.clear()
    area.send_keys(text)
    phone.find_element(By.ID, "send-button").click()
    return before


def wait_sent(phone, before, timeout=PAGE_WAIT):
    return wait_js(phone, """
const m = document.getElementById('send-message');
return { n: document.querySelectorAll('#sent-list li').length, msg: m.hidden ? '' : m.textContent, cls: m.className,
         button: document.getElementById('send-button').textContent };""",
                   lambda v: v["n"] > before and "is-ok" in v["cls"], timeout)


ANNOUNCEMENT = re.compile(r"^Phone: (\w+) from (.*?) — (.*)  \(accept (\d+) / reject \d+\)$")


def announcement_of(meeting, name):
    line = meeting.wait_line(lambda l: l.startswith("Phone: ") and f" from {name} — " in l)
    match = ANNOUNCEMENT.match(line or "")
    return line, (int(match.group(4)) if match else None)


def phone_tip_accepted(meeting, phone, text, name, answer_wait=10):
    """Sends `text` from the phone, waits for the REPL's announcement and for the
    phone to be told it was sent, then types `accept N`.

    (announcement, N or None, whether the phone was answered before the REPL typed anything,
    what the phone showed then, the REPL's reply to accept)."""
    before = phone_send(phone, text)
    line, number = announcement_of(meeting, name)
    answered, page = wait_sent(phone, before, timeout=answer_wait)
    if not answered:
        # The phone still waits for its answer: accept anyway, so the rest can be checked.
        log(f"     the phone was not answered in {answer_wait} s ({page}); accepting from the REPL anyway")
    if number is None:
        return line, None, answered, page, None
    accepted = meeting.reply(f"accept {number}", lambda l: l.startswith(f"Submission {number} ") or l.startswith("error"))
    return line, number, answered, page, accepted


# ---------------------------------------------------------------------------
# The scenario.


def scenario(meeting, projector, phone):
    # 1. The projector: the current item, the countdown; what the REPL types arrives without reload.
    projector.get(meeting.base + "/")
    ok, title = wait_js(projector, "return document.getElementById('pj-title').textContent", lambda v: v == "Welkom")
    state = meeting.state()
    check("projector shows the current item title", ok and title == state["item"]["title"],
          f"title {title!r}, /api/state item {state['item']['title']!r}")
    ok, clock = wait_js(projector, "return [document.getElementById('pj-timer-digits').textContent, document.getElementById('pj-timer-label').textContent]",
                        lambda v: re.fullmatch(r"\d\d:\d\d", v[0]) is not None and v[1] == "Tijd over")
    first = clock[0] if clock else ""
    ticked, later = wait_js(projector, "return document.getElementById('pj-timer-digits').textContent",
                            lambda v: re.fullmatch(r"\d\d:\d\d", v) is not None and v != first)
    check("projector counts the time box down",
          ok and ticked and seconds(later) < seconds(first) <= 10 * 60,
          f"clock {clock}, then {later!r} (item of 10 min)")
    set_marker(projector)

    phone.get(f"{meeting.base}/j/{meeting.code}")
    ok, steps = wait_js(phone, "return [document.getElementById('name-step').hidden, document.getElementById('ph-item').textContent]",
                        lambda v: v[0] is False and v[1] == "Welkom")
    check("phone page opens on its name step with the current item", ok, f"name step hidden, item: {steps}")
    set_marker(phone)

    meeting.reply("join Stef Steyaert, België", lambda l: "joined" in l)
    meeting.reply("join Anouk Jansen, Nederland", lambda l: "joined" in l)
    ok, picks = wait_js(phone, "return [...document.querySelectorAll('#name-picks .pick')].map((b) => b.textContent)",
                        lambda v: v == ["Stef SteyaertBelgië", "Anouk JansenNederland"])
    check("participants who join appear on the phone without reload", ok and not_reloaded(phone), f"picks {picks}")

    reply = meeting.reply("tip @stef Investeer in je contactpersoon bij de gemeente", lambda l: l.startswith("#") or l.startswith("error"))
    ok, entry = wait_js(projector, FIND_ENTRY, lambda v: v is not None, PAGE_WAIT, "Investeer in je contactpersoon bij de gemeente", None)
    check("a tip typed in the REPL appears on the projector without reload (text, who, country)",
          ok and entry == {"kind": "Tip", "who": "Stef Steyaert", "country": "België", "room": None, "visible": True}
          and not_reloaded(projector), f"REPL {reply!r}, entry {entry}")

    # 2. A phone gives a name, sends a tip; the facilitator accepts it.
    from selenium.webdriver.common.by import By

    name = "Lotte Vermeulen"
    field = phone.find_element(By.ID, "name-input")
    field.send_keys(name)
    phone.find_element(By.CSS_SELECTOR, "#name-form button[type=submit]").click()
    ok, who = wait_js(phone, "return [document.getElementById('compose').hidden, document.getElementById('who-name').textContent]",
                      lambda v: v == [False, name])
    check("phone gives a name and may send", ok, f"compose hidden, sending as: {who}")

    text = "Vraag de wijkagent om mee te lopen bij de eerste buurtavond"
    line, number, answered, page, accepted = phone_tip_accepted(meeting, phone, text, name, answer_wait=20)
    late, _ = wait_sent(phone, 0, timeout=PAGE_WAIT) if not answered else (True, None)
    check("REPL announces the phone's tip with its number", number is not None and f'"{text}"' in (line or "") and line.startswith(f"Phone: tip from {name} — "),
          f"line {line!r}")
    check("phone is told its tip was sent without waiting for the facilitator", answered,
          f"POST /api/submissions was not answered in 20 s although the REPL had announced the tip (the phone showed {page}); "
          + ("it was answered only once 'accept' was typed: the room waits for a line on the REPL's standard input"
             if late else "it was not answered even after 'accept' was typed"))
    check("REPL accepts the phone's tip", accepted is not None and accepted.startswith(f"Submission {number} accepted as #"), f"reply {accepted!r}")
    ok, sent = wait_js(phone, SENT, lambda v: bool(v) and v[0]["number"] == number and "status-accepted" in v[0]["cls"])
    check("phone's list shows the tip accepted", ok and sent[0]["status"] == "Opgenomen" and sent[0]["text"] == text and not_reloaded(phone),
          f"sent list {sent}")
    ok, entry = wait_js(projector, FIND_ENTRY, lambda v: v is not None, PAGE_WAIT, text, None)
    check("projector shows the accepted tip as from the room", ok and entry["visible"] and entry["room"] == "uit de zaal" and not_reloaded(projector),
          f"entry {entry}")

    # 2b. Corrections: each event brings only its change, which the page applies to what it shows.
    edited = "Investeer in je contactpersoon bij de gemeente, elk jaar opnieuw"
    meeting.reply(f"edit #1 {edited}", lambda l: l.startswith("#1 tip edited") or l.startswith("error"))
    ok_edit, _ = wait_js(projector, FIND_ENTRY, lambda v: v is not None, PAGE_WAIT, edited, "Stef Steyaert")
    meeting.reply("delete #1", lambda l: l.startswith("#1 tip deleted") or l.startswith("error"))
    ok_delete, _ = wait_js(projector, FIND_ENTRY, lambda v: v is None, PAGE_WAIT, edited, None)
    meeting.reply("undo", lambda l: l.startswith("Undone") or l.startswith("error"))
    ok_undo, _ = wait_js(projector, FIND_ENTRY, lambda v: v is not None, PAGE_WAIT, edited, None)
    meeting.reply("move #1 3", lambda l: l.startswith("#1 tip moved") or l.startswith("error"))
    ok_move, _ = wait_js(projector, FIND_ENTRY, lambda v: v is None, PAGE_WAIT, edited, None)
    meeting.reply("tip @anouk Maak de eerste afspraak in hun gebouw", lambda l: l.startswith("#") or l.startswith("error"))
    wait_js(projector, FIND_ENTRY, lambda v: v is not None, PAGE_WAIT, "Maak de eerste afspraak in hun gebouw", None)
    shown = js(projector, "return [...document.querySelectorAll('#pj-entries li .entry-words')].map((e) => e.textContent)")
    expected = [e["text"] for e in reversed(meeting.state()["entries"])]
    check("corrections typed in the REPL reach the projector: edit, delete, undo, move",
          ok_edit and ok_delete and ok_undo and ok_move and shown == expected and not_reloaded(projector),
          f"edit {ok_edit}, delete {ok_delete}, undo {ok_undo}, move {ok_move}; projector {shown}, /api/state {expected}")

    # 2c. The speaker queue on the projector: who has the floor, who is next ('!' goes ahead).
    meeting.reply("q+ @stef", lambda l: "queued" in l or l.startswith("error"))
    meeting.reply("q+ @anouk ! over de agenda", lambda l: "queued" in l or l.startswith("error"))
    floor_reply = meeting.reply("ack", lambda l: l.startswith("Floor:") or l.startswith("error"))
    ok_queue, speakers = wait_js(projector, """
const t = (id) => { const e = document.getElementById(id); return e && !e.closest('[hidden]') ? e.textContent : null; };
return { floor: t('pj-floor-name'), next: t('pj-next-names'), label: t('pj-floor') };""",
                                 lambda v: v["floor"] == "Anouk Jansen" and v["next"] == "Stef Steyaert")
    meeting.reply("q done", lambda l: "spoke" in l or l.startswith("error"))
    ok_done, after = wait_js(projector, "return [document.getElementById('pj-floor').hidden, document.getElementById('pj-next-names').textContent]",
                             lambda v: v == [True, "Stef Steyaert"])
    check("the projector shows who has the floor and who is next",
          ok_queue and ok_done and speakers["label"].startswith("Aan het woord") and not_reloaded(projector),
          f"REPL {floor_reply!r}; projector {speakers}, after 'q done' {after}")

    # 3. Hostile strings: from the phone and from the REPL, shown as text, never run or rendered.
    meeting.reply("next", lambda l: l.startswith("Item 2/"))
    wait_js(projector, "return document.getElementById('pj-title').textContent", lambda v: v == "Trekkracht aan instanties")
    phone_wrong, projector_wrong = [], []
    for index, hostile in enumerate(HOSTILE, 1):
        line, number, answered, page, accepted = phone_tip_accepted(meeting, phone, hostile, name)
        ok, sent = wait_js(phone, SENT, lambda v: bool(v) and v[0]["number"] == number)
        if not (ok and sent[0]["text"] == hostile):
            phone_wrong.append(f"{index}: sent list {sent[:1]} (REPL {line!r}, phone answered: {answered})")
        ok, entry = wait_js(projector, FIND_ENTRY, lambda v: v is not None and v["visible"], PAGE_WAIT, hostile, None)
        if not ok:
            projector_wrong.append(f"{index}: {hostile[:60]!r} not found; entries {js(projector, ENTRY_TEXTS)} (REPL {accepted!r})")
    check("hostile texts sent from the phone are verbatim in the phone's list", not phone_wrong, "; ".join(phone_wrong))
    check("hostile texts sent from the phone are verbatim on the projector", not projector_wrong, "; ".join(projector_wrong))

    typed_wrong = []
    for index, hostile in enumerate(HOSTILE, 1):
        reply = meeting.reply(f"tip @anouk {hostile}", lambda l: l.startswith("#") or l.startswith("error"))
        # The same text came from the phone before: this one is Anouk's.
        ok, entry = wait_js(projector, FIND_ENTRY, lambda v: v is not None and v["visible"], PAGE_WAIT, hostile, "Anouk Jansen")
        if not ok:
            typed_wrong.append(f"{index}: {hostile[:60]!r}: entry {entry}; entries {js(projector, ENTRY_TEXTS)} (REPL {reply!r})")
    check("hostile texts typed in the REPL are verbatim on the projector", not typed_wrong, "; ".join(typed_wrong))

    lesson_wrong = []
    for index, hostile in enumerate(HOSTILE, 1):
        reply = meeting.reply(f"lesson {hostile}", lambda l: l.startswith("Lesson ") or l.startswith("error"))
        shown = "return document.getElementById(arguments[0]).textContent"
        ok_projector, on_projector = wait_js(projector, shown, lambda v: v == hostile, PAGE_WAIT, "pj-lesson-title")
        ok_phone, on_phone = wait_js(phone, shown, lambda v: v == hostile, PAGE_WAIT, "ph-lesson-title")
        if not (ok_projector and ok_phone):
            lesson_wrong.append(f"{index}: projector {on_projector!r}, phone {on_phone!r} (REPL {reply!r})")
    check("hostile lesson titles typed in the REPL are verbatim on both pages", not lesson_wrong, "; ".join(lesson_wrong))

    markup = js(projector, MARKUP_INSIDE, "#pj-entries img, #pj-entries script, #pj-entries b, #pj-lesson img, #pj-lesson script, #pj-lesson b")
    markup += js(phone, MARKUP_INSIDE, "#sent-list img, #sent-list script, #sent-list b, #ph-lesson img, #ph-lesson script, #ph-lesson b")
    check("hostile texts create no img, script or b element in the entries, lists or lessons", not markup, f"found {markup}")
    pwned = [js(projector, "return typeof window.__pwned"), js(phone, "return typeof window.__pwned")]
    check("window.__pwned stays undefined on both pages", pwned == ["undefined", "undefined"], f"typeof window.__pwned: {pwned}")
    check("both pages stayed the same page (no reload)", not_reloaded(projector) and not_reloaded(phone))

    problems = [f"projector {p}" for p in page_problems(projector)] + [f"phone {p}" for p in page_problems(phone)]
    check("no CSP violation or JS error in the browser logs", not problems, "\n".join(problems))

    # 4. A refusal in the room's language: the phone's share of a minute is used up by a script with its cookie.
    device = next((c["value"] for c in phone.get_cookies() if c["name"] == "rs_device"), None)
    statuses = []
    while device and len(statuses) < 12 and 429 not in statuses:
        statuses.append(meeting.post_submission(device, f"Vanuit een script {len(statuses) + 1}"))
    phone_send(phone, "Nog eentje, maar nu te veel")
    ok, shown = wait_js(phone, """
const m = document.getElementById('send-message');
return { msg: m.hidden ? '' : m.textContent, cls: m.className };""", lambda v: "is-error" in v["cls"])
    # The browser logs the refused request; that one is expected, anything else is not.
    others = [p for p in page_problems(phone) if "status of 429" not in p]
    phone.room_log = [entry for entry in phone.room_log if "status of 429" not in entry.get("message", "")]
    check("a refusal is worded in the room's language (429, Dutch)",
          429 in statuses and ok and shown["msg"] == "Je hebt veel verstuurd in korte tijd. Wacht een minuut en probeer het opnieuw."
          and not others, f"script's statuses {statuses}, phone shows {shown}, other problems {others}")


def screenshot_meeting(meeting, projector, phone, folder, docs):
    """A Dutch meeting under way, as a projector in a room shows it: a theme item, an open lesson, five entries."""
    from selenium.webdriver.common.by import By

    for line in ("join Stef Steyaert, België", "join Anouk Jansen, Nederland", "join Jonas Becker, Duitsland", "join Marta Kowalska, Polen"):
        meeting.reply(line, lambda l: "joined" in l or l.startswith("error"))
    meeting.reply("goto 3", lambda l: l.startswith("Item 3/"))
    meeting.reply("lesson Verkoop je ziel niet", lambda l: l.startswith("Lesson "))
    typed = [
        "tip @stef Zie de gemeente als medefinancier, niet als klant: vraag wat zij erbij winnen",
        "idea @anouk Nodig de wethouder uit op een gewone werkavond in plaats van voor een presentatie",
        "quote @jonas Wie betaalt, bepaalt — tenzij je dat vooraf samen anders afspreekt",
    ]
    for line in typed:
        meeting.reply(line, lambda l: l.startswith("#") or l.startswith("error"))

    projector.get(meeting.base + "/")
    phone.get(f"{meeting.base}/j/{meeting.code}")
    ok, picks = wait_js(phone, "return document.querySelectorAll('#name-picks .pick').length", lambda v: v == 4)
    marta = [b for b in phone.find_elements(By.CSS_SELECTOR, "#name-picks .pick") if "Marta" in b.text]
    if marta:
        marta[0].click()
    ok_name, who = wait_js(phone, "return document.getElementById('who-name').textContent", lambda v: v == "Marta Kowalska")
    check("screenshot meeting: the phone picks a participant", ok and ok_name, f"picks {picks}, sending as {who!r}")

    text = "Spreek per project af wie eigenaar is van het netwerk en de adressenlijst"
    line, number, answered, page, accepted = phone_tip_accepted(meeting, phone, text, "Marta Kowalska")
    meeting.reply("tip @stef Houd één vast aanspreekpunt, ook als de ambtenaar wisselt", lambda l: l.startswith("#") or l.startswith("error"))
    pending_text = "Hoe houden jullie het vol als de subsidie na twee jaar stopt?"
    before = phone_send(phone, pending_text, "question")
    pending_line, _ = announcement_of(meeting, "Marta Kowalska")
    answered_pending, _ = wait_sent(phone, before, timeout=10)
    if not answered_pending:
        meeting.send("inbox")  # with the REPL's stdin a pipe, only a typed line lets the room answer

    ok_entries, count = wait_js(projector, "return document.querySelectorAll('#pj-entries li').length", lambda v: v == 5)
    # The highlight of a new entry fades out: the picture is taken once it has.
    ok_calm, _ = wait_js(projector, """return [...document.querySelectorAll('#pj-entries li')].filter((li) =>
      li.classList.contains('is-new') || getComputedStyle(li).backgroundColor !== 'rgba(0, 0, 0, 0)').length""", lambda v: v == 0)
    ok_pending, pend = wait_js(projector, "return document.getElementById('pj-pending').textContent", lambda v: v == "1 nog te beoordelen")
    ok_phone, sent = wait_js(phone, SENT, lambda v: len(v) == 2 and "status-pending" in v[0]["cls"] and "status-accepted" in v[1]["cls"])
    state = meeting.state()
    countries = sorted({e["participant"]["countryName"] for e in state["entries"] if "participant" in e})
    check("screenshot meeting: Dutch theme item, open lesson, 5 entries from 4 countries, 1 waiting",
          ok_entries and ok_calm and ok_pending and ok_phone and state["item"]["theme"] and "lesson" in state
          and state["meeting"]["language"] == "nl" and len(countries) >= 3,
          f"entries {count}, pending {pend!r}, phone list {sent}, countries {countries}, accepted {accepted!r}, pending {pending_line!r}")

    shots = []
    record = os.environ.get("RECORD_SCREENSHOTS") == "1"
    for browser, name, size in ((projector, "room-projector.png", (1920, 1080)), (phone, "room-phone.png", (390, 844))):
        viewport = js(browser, "return [innerWidth, innerHeight]")
        path = os.path.join(folder, name)
        saved = browser.save_screenshot(path)
        shots.append(path)
        if record and docs and saved:
            target = os.path.join(docs, name)
            browser.save_screenshot(target)
            shots.append(target)
        check(f"screenshot {name} at {size[0]}×{size[1]}", saved and viewport == list(size) and os.path.getsize(path) > 10_000,
              f"viewport {viewport}, file {path}")
    # The whole phone page, for a look below the fold (the folder only).
    height = js(phone, "return document.documentElement.scrollHeight")
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": height, "deviceScaleFactor": 2, "mobile": True})
    full = os.path.join(folder, "room-phone-full.png")
    if phone.save_screenshot(full):
        shots.append(full)
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    report["screenshots"] += shots
    fits = js(projector, """
return { width: document.documentElement.scrollWidth <= innerWidth, height: document.documentElement.scrollHeight <= innerHeight,
         hidden: [...document.querySelectorAll('#pj-entries li')].filter((li) => getComputedStyle(li).visibility !== 'visible').length,
         more: document.getElementById('pj-more').hidden ? '' : document.getElementById('pj-more').textContent };""")
    # Entries that do not fit whole are hidden and counted ("+N eerder") by design; the page never scrolls.
    check("screenshot meeting: the projector fits its screen without scrolling", fits["width"] and fits["height"]
          and (fits["hidden"] == 0) == (fits["more"] == ""), f"{fits}")
    log(f"     projector at 1920×1080: {5 - fits['hidden']} of 5 entries shown {fits['more']!r}")
    problems = [f"projector {p}" for p in page_problems(projector)] + [f"phone {p}" for p in page_problems(phone)]
    check("screenshot meeting: no CSP violation or JS error in the browser logs", not problems, "\n".join(problems))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--agenda", required=True, help="the agenda of the scenario (three-themes.yaml)")
    parser.add_argument("--screenshot-agenda", required=True, help="the Dutch agenda of the screenshots (leiden-2012.yaml)")
    parser.add_argument("--docs", help="where RECORD_SCREENSHOTS=1 writes room-projector.png and room-phone.png")
    args = parser.parse_args()

    # Its own process group, so whoever started it can end the binary and the browser with it.
    try:
        os.setpgrp()
    except OSError:
        pass
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(HANG_GUARD)

    missing = prerequisites()
    if missing:
        check("prerequisites", False, "missing: " + "; ".join(missing) + ". Run scripts/test, which installs them.")
        finish(2)
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium look for a driver or a browser on the network

    browsers = []
    try:
        log("starting the scenario meeting and two browsers")
        meeting = Meeting(args.binary, os.path.abspath(args.agenda), args.folder, "scenario.jsonl")
        check("the REPL prints the phone address with its join code", meeting.code_from == "the REPL's Phones: line",
              f"code {meeting.code} from {meeting.code_from}")
        projector = new_browser(1920, 1080, mobile=False)
        browsers.append(projector)
        phone = new_browser(390, 844, mobile=True)
        browsers.append(phone)
        scenario(meeting, projector, phone)
        meeting.stop()

        log("starting the screenshot meeting")
        # Port 8080 when it is free, for the address the picture shows.
        shots = Meeting(args.binary, os.path.abspath(args.screenshot_agenda), args.folder, "leiden.jsonl", preferred_port=8080)
        screenshot_meeting(shots, projector, phone, args.folder, args.docs)
        check("the scenario ran to its end", True)
    except BaseException as error:  # the hang guard, a crash, a browser that would not start: a failed check, then clean up
        check("the scenario ran to its end", False, "".join(traceback.format_exception(error))[-3000:])
    finally:
        signal.alarm(0)
        for browser in browsers:
            try:
                browser.quit()
            except Exception:
                pass
        for meeting in started:
            try:
                meeting.stop()
            except BaseException:
                meeting.kill()
        for meeting in started:
            if meeting.errors().strip():
                log(f"{meeting.error_path}:\n{meeting.errors()[-2000:]}")
    finish(0 if all(c["ok"] for c in report["checks"]) else 1)


if __name__ == "__main__":
    main()
