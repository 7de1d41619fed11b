#!/usr/bin/python3
"""The HQ console in a real headless browser, end to end, on one storage engine.

A fresh HQ (passphrase-wrapped key, four users), a provisioned kiosk that files a support
request and an inquiry through its own UI, then Chromium through chromedriver: logins, the
lock-out, the key, the committee's decision, CSRF, roles, the audit chain, session expiry,
and the kiosk learning the decision at its next sync. Every console page is photographed in
Arabic and English at two sizes, and each page's weight and first paint are measured.

    console_browser.py --engine sqlite|postgresql --kiosk BIN --hq BIN --source DIR --work DIR

Exits 0 when every check holds; otherwise prints what failed and exits 1. Only 127.0.0.1 is
used; every process started here is stopped before it exits, whatever happens.
"""

import argparse
import base64
import json
import os
import pwd
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DESKTOP = (1366, 768)
PHONE = (390, 844)
SIZES = (DESKTOP, PHONE)
LANGS = ("ar", "en")
PASSPHRASE = "رمل الدمام وموج الخليج 2026"
PASSWORDS = {
    "admin": "admin-pass-0001",
    "reviewer": "reviewer-pass-02",
    "officer": "officer-pass-003",
    "viewer": "viewer-pass-0004",
    "clerk": "clerk-pass-00005",  # locked out on purpose; a viewer
}
ROLES = {"admin": "admin", "reviewer": "reviewer", "officer": "officer", "viewer": "viewer", "clerk": "viewer"}
NOTE_AR = "تمت الموافقة على طلبك، نرجو مراجعة مكتب الجمعية يوم الأحد مع الهوية الوطنية."
INQUIRY_TEXT = "<b>bold</b><script>x</script>"
KIOSK_ID = "console-kiosk"


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def log(message):
    print(message, flush=True)


def deadline_poll(what, seconds, probe, interval=0.05):
    """probe() until it returns something truthy; fails naming `what` after `seconds`."""
    end = time.monotonic() + seconds
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > end:
            raise CheckFailed(f"timed out after {seconds} s waiting for {what}")
        time.sleep(interval)


# ---------------------------------------------------------------------------------------------
# Processes: everything started is remembered and stopped at the end.


class Children:
    def __init__(self):
        self.procs = []

    def start(self, command, log_path, env=None):
        out = open(log_path, "wb")
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)
        out.close()
        self.procs.append(proc)
        return proc

    def stop(self, proc):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
        if proc in self.procs:
            self.procs.remove(proc)

    def stop_all(self):
        for proc in list(self.procs):
            try:
                self.stop(proc)
            except Exception as error:  # keep stopping the others
                log(f"could not stop process {proc.pid}: {error}")


def run(command, what, stdin_text=None, timeout=120, env=None):
    """Runs a command to its end; fails with its output when it does not exit 0."""
    result = subprocess.run(command, input=stdin_text.encode() if stdin_text is not None else None,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env,
                            stdin=None if stdin_text is not None else subprocess.DEVNULL)
    out, err = result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")
    check(result.returncode == 0,
          f"{what} exited {result.returncode}\n  command: {' '.join(command)}\n  stdout: {out.strip()}\n"
          f"  stderr: {err.strip()}")
    return out


# ---------------------------------------------------------------------------------------------
# A throwaway PostgreSQL cluster: unix socket in a private /tmp directory, no TCP.


class PostgresCluster:
    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                          key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
        check(versions, "no PostgreSQL server in /usr/lib/postgresql (scripts/install-deps installs it)")
        self.bin = versions[-1].parent
        self.user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
                self.user = "postgres"
            except KeyError:
                self.user = "nobody"
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-", dir="/tmp"))  # short: socket paths are short
        self.started = False
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _as_owner(self, program, *args):
        command = [str(self.bin / program), *args]
        return (["/usr/sbin/runuser", "-u", self.user, "--"] + command) if self.user else command

    def start(self):
        data = str(self.root / "data")
        run(self._as_owner("initdb", "-D", data, "-U", "kiosk", "-A", "trust", "-E", "UTF8", "--locale=C",
                           "--no-sync"), "initdb")
        run(self._as_owner("pg_ctl", "-D", data, "-l", str(self.root / "server.log"), "-w", "-t", "60", "-o",
                           f"-k {self.root} -c listen_addresses=''", "start"), "pg_ctl start")
        self.started = True

    def create_database(self, name):
        run(["psql", "-X", "-q", "-h", str(self.root), "-U", "kiosk", "-d", "postgres", "-c",
             f"CREATE DATABASE {name}"], "CREATE DATABASE")
        return f"postgresql:///{name}?host={self.root}&user=kiosk"

    def stop(self):
        if self.started:
            subprocess.run(self._as_owner("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop"),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# HQ and the kiosk on the command line.


class Hq:
    def __init__(self, binary, directory, db_url, children, work):
        self.binary = binary
        self.dir = directory
        self.db = ["--db", db_url] if db_url else []
        self.children = children
        self.work = work
        self.proc = None
        self.api_port = None
        self.console_port = None
        self.serves = 0

    def cmd(self, *args):
        return [self.binary, args[0], *args[1:], "--dir", str(self.dir), *self.db]

    def serve(self, *extra):
        self.serves += 1
        log_path = self.work / f"serve-{self.serves}.log"
        self.proc = self.children.start(
            self.cmd("serve", "--listen", "127.0.0.1:0", "--console", "127.0.0.1:0", *extra), log_path)

        def ports():
            text = log_path.read_text(errors="replace")
            if self.proc.poll() is not None:
                raise CheckFailed(f"kiosk-hq serve exited {self.proc.returncode}:\n{text}")
            api = console = None
            for line in text.splitlines():
                if "listening on 127.0.0.1:" in line:
                    api = int(line.rsplit(":", 1)[1].split()[0])
                if "console on 127.0.0.1:" in line:
                    console = int(line.rsplit(":", 1)[1].split()[0])
            return (api, console) if api and console else None

        try:
            self.api_port, self.console_port = deadline_poll(
                "kiosk-hq serve to print 'listening on' and 'console on'", 20, ports)
        except CheckFailed as error:
            raise CheckFailed(f"{error}\n{log_path.read_text(errors='replace')}") from None
        return self.console_port

    def stop(self):
        if self.proc:
            self.children.stop(self.proc)
            self.proc = None

    def records(self):
        out = run(self.cmd("list", "--json"), "kiosk-hq list --json")
        text = out.strip()
        try:
            data = json.loads(text)
            return data if isinstance(data, list) else [data]
        except json.JSONDecodeError:
            return [json.loads(line) for line in text.splitlines() if line.strip()]


class Kiosk:
    def __init__(self, binary, data_dir, work):
        self.binary = binary
        self.data = data_dir
        self.work = work
        self.runs = 0

    def replay(self, name, steps, screenshots=None):
        self.runs += 1
        path = self.work / f"replay-{self.runs}-{name}.jsonl"
        path.write_text("".join(json.dumps(step, ensure_ascii=False) + "\n" for step in steps), encoding="utf-8")
        extra = ["--screenshots", str(screenshots)] if screenshots else []
        run([self.binary, "--headless", "--size", "1280x800", "--data", str(self.data), "--replay", str(path),
             *extra], f"the kiosk's replay '{name}' ({path})", timeout=90)


def request_steps(source):
    """tests/ui/replays/request.jsonl as it is, minus its screenshots, and the name it types."""
    steps, name = [], None
    lines = (source / "tests/ui/replays/request.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip():
            continue
        step = json.loads(line)
        if "screenshot" in step:
            continue
        if steps and steps[-1] == {"tap": "request.name"} and "type" in step:
            name = step["type"]
        steps.append(step)
    check(name, "tests/ui/replays/request.jsonl no longer types into request.name")
    return steps + [{"wait_sync": 30}], name


# ---------------------------------------------------------------------------------------------
# The browser.


class Browser:
    def __init__(self, work, screens):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        check(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is missing: install the Debian package chromium")
        check(os.access(CHROMEDRIVER, os.X_OK), f"{CHROMEDRIVER} is missing: install chromium-driver")
        self.profile = Path(tempfile.mkdtemp(prefix="console-chromium-", dir=work))
        self.screens = screens
        self.base = None
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--no-proxy-server", "--hide-scrollbars", "--force-color-profile=srgb",
                    "--font-render-hinting=none", f"--user-data-dir={self.profile}",
                    f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
            options.add_argument(arg)
        service = Service(CHROMEDRIVER, log_path=str(work / "chromedriver.log"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.service = service
        self.driver.set_page_load_timeout(30)
        self.driver.set_window_size(*DESKTOP)
        self.viewport(DESKTOP)

    def quit(self):
        try:
            self.driver.quit()
        except Exception as error:
            log(f"chromedriver did not quit cleanly: {error}")
        try:
            if self.service.process and self.service.process.poll() is None:
                self.service.process.kill()
        except Exception:
            pass
        # Any Chromium process still running on this run's own profile.
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if str(self.profile).encode() in cmdline:
                try:
                    os.kill(int(entry.name), signal.SIGKILL)
                except ProcessLookupError:
                    pass

    # -- navigation and lookups

    def viewport(self, size):
        width, height = size
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def go(self, path):
        self.driver.get(self.base + path)
        self.settle()

    def settle(self):
        deadline_poll("the page to load", 15,
                      lambda: self.driver.execute_script("return document.readyState") == "complete")

    def tid(self, testid):
        from selenium.webdriver.common.by import By
        found = self.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')
        check(found, f"no element with data-testid=\"{testid}\" on {self.where()}")
        return found[0]

    def has(self, testid):
        from selenium.webdriver.common.by import By
        return bool(self.driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]'))

    def all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def where(self):
        return self.driver.current_url.replace(self.base, "")

    def path(self):
        return urllib.parse.urlsplit(self.driver.current_url).path

    def query(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)

    def status(self):
        """The HTTP status of the page now shown (Navigation Timing's responseStatus)."""
        return self.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null")

    def submit(self, testid):
        """Clicks a submit button and waits for the next page."""
        old = self.driver.find_element("css selector", "html")
        self.tid(testid).click()

        def replaced():
            try:
                old.tag_name
                return False
            except Exception:  # stale: the next document is there
                return True

        deadline_poll(f"the page after clicking {testid}", 20, replaced)
        self.settle()

    def text(self, testid):
        return self.tid(testid).text.strip()

    def cookies(self):
        return {c["name"]: c["value"] for c in self.driver.get_cookies()}

    # -- screenshots and measurements

    def fonts_ready(self):
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(true));")

    def clear_cache(self):
        self.driver.execute_cdp_cmd("Network.clearBrowserCache", {})

    def measure(self):
        def paint():
            return self.driver.execute_script(
                "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null")

        fcp = deadline_poll("first-contentful-paint", 10, paint)
        self.fonts_ready()
        return self.driver.execute_script("""
            const n = performance.getEntriesByType('navigation')[0];
            const r = performance.getEntriesByType('resource').map(e => ({
                name: e.name, transfer: e.transferSize, body: e.encodedBodySize}));
            return {status: n.responseStatus, html_transfer: n.transferSize, html_body: n.encodedBodySize,
                    ttfb: n.responseStart - n.startTime, dcl: n.domContentLoadedEventEnd - n.startTime,
                    load: n.loadEventEnd - n.startTime, resources: r};""") | {"fcp": fcp}

    def capture(self, name, lang, size, problems):
        width, height = size
        self.viewport(size)
        self.fonts_ready()
        dims = self.driver.execute_script(
            "const d = document.documentElement; return [d.scrollWidth, d.scrollHeight, window.innerWidth];")
        scroll_width, scroll_height, inner = dims
        label = f"{name}.{lang}.{width}x{height}"
        if scroll_width > width or inner > width:
            problems.append(f"{label}: the page is wider than the screen ({scroll_width} px of content, "
                            f"window {inner} px, screen {width} px)")
        # Anything that sticks out of the page's box, sideways, outside a scrolling box.
        sticking = self.driver.execute_script("""
            const w = arguments[0], out = [];
            for (const el of document.body.querySelectorAll('*')) {
              let p = el.parentElement, scrolls = false;
              for (; p; p = p.parentElement) {
                const s = getComputedStyle(p).overflowX;
                if (s === 'auto' || s === 'scroll' || s === 'hidden') { scrolls = true; break; }
              }
              if (scrolls) continue;
              const b = el.getBoundingClientRect();
              if (b.width > 0 && (b.left < -1 || b.right > w + 1))
                out.push((el.getAttribute('data-testid') || el.tagName.toLowerCase() + '.' + el.className)
                         + ' [' + Math.round(b.left) + ',' + Math.round(b.right) + ']');
            }
            return out.slice(0, 5);""", width)
        if sticking:
            problems.append(f"{label}: outside the screen sideways: {', '.join(sticking)}")
        # The whole page: a screen as tall as the page, then one picture of it.
        if scroll_height > height:
            self.viewport((width, int(scroll_height)))
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        path = self.screens / f"{label}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        self.viewport(DESKTOP)
        return path


# ---------------------------------------------------------------------------------------------
# The test.


class ConsoleTest:
    def __init__(self, args):
        self.args = args
        self.engine = args.engine
        self.source = Path(args.source)
        self.work = Path(args.work)
        self.screens = Path(args.screens)
        self.children = Children()
        self.cluster = None
        self.browser = None
        self.hq = None
        self.strings = {lang: json.loads((self.source / f"assets/console/strings/{lang}.json").read_text("utf-8"))
                        for lang in LANGS}
        self.timings = []
        self.visual_problems = []
        self.shots = []

    def t(self, key, lang="ar"):
        return self.strings[lang][key]

    def t_prefix(self, key, lang="ar"):
        """The fixed words of an ICU message before its first argument."""
        return self.strings[lang][key].split("{", 1)[0].strip()

    # -- setup

    def setup(self):
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.rmtree(self.screens, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.screens.mkdir(parents=True)
        db_url = None
        if self.engine == "postgresql":
            self.cluster = PostgresCluster()
            self.cluster.start()
            db_url = self.cluster.create_database("console_hq")
            log(f"PostgreSQL cluster on the socket in {self.cluster.root}")
        self.hq = Hq(self.args.hq, self.work / "hq", db_url, self.children, self.work)
        passphrase_file = self.work / "passphrase"
        passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        passphrase_file.chmod(0o600)
        run(self.hq.cmd("init", "--passphrase-file", str(passphrase_file), "--kdf", "interactive"),
            "kiosk-hq init --passphrase-file --kdf interactive")
        for name, role in ROLES.items():
            run(self.hq.cmd("user", "add", "--name", name, "--role", role), f"kiosk-hq user add {name}",
                stdin_text=PASSWORDS[name] + "\n")
        self.hq.serve()
        log(f"kiosk-hq: kiosk API on {self.hq.api_port}, console on {self.hq.console_port}")
        self.kiosk = Kiosk(self.args.kiosk, self.work / "kiosk", self.work)
        run(self.hq.cmd("provision", "--kiosk", KIOSK_ID, "--out", str(self.kiosk.data), "--hq-url",
                        f"http://127.0.0.1:{self.hq.api_port}"), "kiosk-hq provision")

    def file_records(self):
        steps, self.visitor_name = request_steps(self.source)
        self.kiosk.replay("request", steps)
        self.kiosk.replay("inquiry", [
            {"expect_screen": "home"}, {"tap": "home.feedback"}, {"expect_screen": "feedback.form"},
            {"tap": "feedback.kind.inquiry"}, {"tap": "feedback.text"}, {"type": INQUIRY_TEXT},
            {"tap": "nav.submit"}, {"expect_screen": "feedback.done"}, {"wait_sync": 30}])
        records = self.hq.records()
        requests = [r for r in records if r.get("kind") == "support_request"]
        feedback = [r for r in records if r.get("kind") == "feedback"]
        check(len(requests) == 1 and len(feedback) == 1,
              f"expected one support request and one inquiry at HQ after the replays, got: {records}")
        self.request, self.inquiry = requests[0], feedback[0]
        for record in (self.request, self.inquiry):
            check(record.get("reference") and record.get("kiosk") == KIOSK_ID and record.get("id"),
                  f"kiosk-hq list --json lacks reference/kiosk/id: {record}")
        self.request_path = f"/console/requests/{KIOSK_ID}/{self.request['id']}"
        self.inquiry_path = f"/console/feedback/{KIOSK_ID}/{self.inquiry['id']}"
        log(f"filed at the kiosk: request {self.request['reference']}, inquiry {self.inquiry['reference']}")

    # -- helpers in the browser

    def login(self, name, password=None, expect_ok=True):
        b = self.browser
        b.go("/console/login")
        b.tid("login.name").clear()
        b.tid("login.name").send_keys(name)
        b.tid("login.password").send_keys(password if password is not None else PASSWORDS[name])
        b.submit("login.submit")
        if expect_ok:
            check(b.path() in ("/console/", "/console"),
                  f"logging in as {name} should open /console/, but {b.where()} shows: "
                  f"{b.all('main')[0].text[:300] if b.all('main') else ''}")
            check(b.has("nav.logout"), f"signed in as {name}, the page has no nav.logout")

    def logout(self):
        b = self.browser
        b.submit("nav.logout")
        check(b.path() == "/console/login", f"nav.logout should lead to /console/login, got {b.where()}")
        check("mouj_session" not in b.cookies(), "the session cookie is still there after logging out")

    def with_lang(self, path, lang):
        return path + ("&" if "?" in path else "?") + "lang=" + lang

    def shoot(self, name, path=None, load=None):
        """Photographs a page in both languages at both sizes, and measures it cold (1366x768).

        `path`: a GET page; `load(lang)`: brings the page up otherwise (a form's answer)."""
        b = self.browser
        for lang in LANGS:
            b.clear_cache()
            if load:
                load(lang)
            else:
                b.go(self.with_lang(path, lang))
            html_lang = b.driver.execute_script("return document.documentElement.lang + '/' + document.dir")
            expected = "ar/rtl" if lang == "ar" else "en/ltr"
            check(html_lang == expected, f"{name} in {lang}: <html> says {html_lang}, expected {expected}")
            m = b.measure()
            css = sum(r["transfer"] for r in m["resources"] if r["name"].split("?")[0].endswith(".css"))
            fonts = sum(r["transfer"] for r in m["resources"]
                        if r["name"].split("?")[0].endswith((".ttf", ".woff", ".woff2", ".otf")))
            check(all(u.startswith("http://127.0.0.1:") for u in [r["name"] for r in m["resources"]]),
                  f"{name} in {lang} loads something from outside 127.0.0.1: {[r['name'] for r in m['resources']]}")
            self.timings.append({"page": name, "lang": lang, "status": m["status"], "html": m["html_transfer"],
                                 "css": css, "fonts": fonts, "ttfb": m["ttfb"],
                                 "fcp": m["fcp"], "load": m["load"]})
            for size in SIZES:
                self.shots.append(b.capture(name, lang, size, self.visual_problems))
        if path:
            b.go(self.with_lang(path, "ar"))
        else:
            b.go(self.with_lang("/console/login", "ar"))

    # -- the scenario

    def scenario(self):
        self.browser = b = Browser(self.work, self.screens)
        b.base = f"http://127.0.0.1:{self.hq.console_port}"

        # Not signed in: every console page leads to the login page.
        b.go("/console/requests")
        check(b.path() == "/console/login", f"/console/requests without a session should redirect to "
                                            f"/console/login, got {b.where()}")
        for testid in ("login.name", "login.password", "login.submit"):
            b.tid(testid)
        self.shoot("login", "/console/login")

        # A wrong password: login.error, in Arabic, and no session.
        self.login("reviewer", "not-the-password", expect_ok=False)
        check(b.path() == "/console/login", f"a wrong password should stay on the login page, got {b.where()}")
        check(b.text("login.error") == self.t("login.wrong"),
              f"login.error should say {self.t('login.wrong')!r}, says {b.text('login.error')!r}")
        check("mouj_session" not in b.cookies(), "a wrong password left a session cookie")

        # Five wrong passwords in a row lock the account; the right one is then refused too.
        locked_words = self.t_prefix("login.locked")
        for attempt in range(1, 6):
            self.login("clerk", f"wrong-{attempt}-password", expect_ok=False)
            message = b.text("login.error")
            if attempt < 5:
                check(message == self.t("login.wrong"), f"wrong password {attempt} of 5: got {message!r}")
        check(message.startswith(locked_words),
              f"after 5 wrong passwords login.error should start with {locked_words!r}, says {message!r}")
        check(b.status() == 429, f"the lock-out answer should be 429, was {b.status()}")
        self.login("clerk", expect_ok=False)
        check(b.path() == "/console/login" and "mouj_session" not in b.cookies(),
              f"the right password during the lock-out was let in ({b.where()})")
        check(b.text("login.error").startswith(locked_words),
              f"the right password during the lock-out should show the lock-out, shows {b.text('login.error')!r}")

        def lockout(lang):
            b.go(self.with_lang("/console/login", lang))
            b.tid("login.name").clear()
            b.tid("login.name").send_keys("clerk")
            b.tid("login.password").send_keys(PASSWORDS["clerk"])
            b.clear_cache()  # measured cold like the others, not after the login page's files
            b.submit("login.submit")
            check(b.text("login.error").startswith(self.t_prefix("login.locked", lang)),
                  f"lock-out in {lang}: login.error says {b.text('login.error')!r}")

        self.shoot("login-locked", load=lockout)
        log("login: wrong password refused, lock-out after 5, right password refused while locked")

        # The admin unlocks the key.
        self.login("admin")
        check(b.tid("key.state").get_attribute("data-state") == "locked",
              "key.state should be 'locked' when serve has just started")
        self.shoot("home.admin", "/console/")
        b.go("/console/key")
        self.shoot("key-locked", "/console/key")
        b.tid("key.passphrase").send_keys(PASSPHRASE)
        b.submit("key.unlock")
        state = b.tid("key.state").get_attribute("data-state")
        check(state == "unlocked", f"after key.unlock, key.state's data-state is {state!r}; page: "
                                   f"{b.text('key.message') if b.has('key.message') else b.where()}")
        check(b.has("key.lock"), "the unlocked key page has no key.lock")
        self.shoot("key-unlocked", "/console/key")
        self.logout()
        log("key: unlocked by the admin with the passphrase")

        # The committee decides the request.
        self.login("reviewer")
        self.shoot("home.reviewer", "/console/")
        b.go("/console/requests")
        row_text = b.tid(f"row.{self.request['reference']}").text
        check(self.visitor_name in row_text,
              f"with the key unlocked, the reviewer's list should name the visitor in row."
              f"{self.request['reference']}; the row says {row_text!r}")
        self.shoot("requests", "/console/requests")
        row = b.tid(f"row.{self.request['reference']}")
        row.find_element("css selector", "a").click()
        b.settle()
        check(b.path() == self.request_path, f"row.{self.request['reference']}'s link leads to {b.where()}, "
                                             f"expected {self.request_path}")
        check(not b.has("field.sealed"), f"the request page is sealed for the reviewer with the key unlocked: "
                                         f"{b.text('field.sealed') if b.has('field.sealed') else ''}")
        full_name = b.text("field.full_name")
        check(full_name == self.visitor_name,
              f"field.full_name shows {full_name!r}, the kiosk's replay typed {self.visitor_name!r}")
        check(b.tid("record.state").get_attribute("data-state") == "received", "a new request is not 'received'")

        b.tid("decision.rejected").click()
        b.submit("decision.submit")
        check(b.has("decision.error"), "declining without a note should show decision.error")
        check(b.text("decision.error") == self.t("decision.bad.note_needed"),
              f"decision.error says {b.text('decision.error')!r}")
        check(b.tid("record.state").get_attribute("data-state") == "received",
              "declining without a note changed the record's state")
        check(not b.all('[data-testid="history"] li'), "declining without a note added a history entry")

        b.go(self.request_path)
        b.tid("decision.accepted").click()
        b.tid("decision.note_ar").send_keys(NOTE_AR)
        b.submit("decision.submit")
        check(b.has("record.saved"), f"accepting with a note should show record.saved; {b.where()}")
        check(b.tid("record.state").get_attribute("data-state") == "accepted",
              f"after accepting, record.state is {b.tid('record.state').get_attribute('data-state')!r}")
        history = b.text("history")
        check(NOTE_AR in history, f"the history does not show the Arabic note; it says {history!r}")
        check(len(b.all('[data-testid="history"] li')) == 1, "accepting once should add one history entry")
        self.shoot("request", self.request_path)
        log("request: decrypted name shown, decline without a note refused, accepted with an Arabic note")

        # A form without its CSRF token: 403, nothing changed; in the browser, then by hand.
        b.go(self.request_path)
        b.driver.execute_script(
            "document.querySelectorAll('form[action$=\"/state\"] input[name=csrf]').forEach(e => e.remove());")
        b.tid("decision.in-review").click()
        b.submit("decision.submit")
        check(b.status() == 403, f"a decision without its CSRF token answered {b.status()}, expected 403")
        heading = b.all("main h1")[0].text.strip()
        check(heading == self.t("error.csrf.heading"), f"the CSRF refusal's heading is {heading!r}")
        cookie = "; ".join(f"{k}={v}" for k, v in b.cookies().items())
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        for body in ({"state": "in-review", "note_en": "by hand"},
                     {"state": "in-review", "note_en": "by hand", "csrf": "0" * 64}):
            post = urllib.request.Request(b.base + self.request_path + "/state", method="POST",
                                          data=urllib.parse.urlencode(body).encode(),
                                          headers={"Cookie": cookie,
                                                   "Content-Type": "application/x-www-form-urlencoded"})
            try:
                with opener.open(post, timeout=10) as reply:
                    status = reply.status
            except urllib.error.HTTPError as error:
                status = error.code
            check(status == 403, f"a POST with {'a wrong' if 'csrf' in body else 'no'} CSRF token answered "
                                 f"{status}, expected 403")
        b.go(self.request_path)
        check(b.tid("record.state").get_attribute("data-state") == "accepted",
              "a POST without its CSRF token changed the record's state")
        check(len(b.all('[data-testid="history"] li')) == 1, "a POST without its CSRF token added history")
        self.logout()
        log("csrf: a form without its token answered 403 and changed nothing")

        # The officer reads the inquiry: the visitor's HTML shows as text.
        self.login("officer")
        b.go("/console/feedback")
        b.tid(f"row.{self.inquiry['reference']}")
        self.shoot("feedback", "/console/feedback")
        b.go(self.inquiry_path)
        shown = b.text("field.text")
        check(shown == INQUIRY_TEXT, f"field.text should show the visitor's text literally {INQUIRY_TEXT!r}, "
                                     f"shows {shown!r}")
        field = b.tid("field.text")
        check(not field.find_elements("css selector", "b, script"),
              "the visitor's <b>/<script> became elements on the feedback page")
        check(not b.all("main script, body script"), "a script element is on the feedback page")
        self.shoot("feedback-record", self.inquiry_path)
        self.shoot("volunteers", "/console/volunteers")
        self.shoot("home.officer", "/console/")
        self.logout()
        log("feedback: the visitor's HTML is shown as text")

        # A viewer never sees personal data: 403 in the viewer's language.
        self.login("viewer")
        for lang in LANGS:
            b.go(self.with_lang(self.request_path, lang))
            check(b.status() == 403, f"a viewer opening a request page ({lang}) got {b.status()}, expected 403")
            heading = b.all("main h1")[0].text.strip()
            check(heading == self.t("error.forbidden.heading", lang),
                  f"the viewer's 403 page in {lang} says {heading!r}, expected "
                  f"{self.t('error.forbidden.heading', lang)!r}")
            fields = [e.get_attribute("data-testid") for e in b.all('[data-testid^="field."]')]
            check(not fields, f"the viewer's 403 page shows personal fields: {fields}")
            check(self.visitor_name not in b.driver.page_source, "the viewer's 403 page holds the visitor's name")
        self.shoot("forbidden", self.request_path)
        self.shoot("home.viewer", "/console/")
        self.logout()
        log("roles: a viewer gets 403 in their language, no personal data")

        # The kiosk's next sync brings the decision and the note.
        self.kiosk.replay("status", [
            {"wait_sync": 30}, {"tap": "home.status"}, {"expect_screen": "status.lookup"},
            {"tap": "status.reference"}, {"type": self.request["reference"]}, {"tap": "nav.submit"},
            {"expect_screen": "status.result"}, {"screenshot": "kiosk-status-result"}], screenshots=self.screens)
        db = sqlite3.connect(f"file:{self.kiosk.data / 'kiosk.db'}?mode=ro", uri=True)
        try:
            db.row_factory = sqlite3.Row
            row = db.execute("SELECT * FROM statuses WHERE reference = ?", (self.request["reference"],)).fetchone()
        finally:
            db.close()
        check(row is not None, f"the kiosk's statuses table has no row for {self.request['reference']}")
        row = dict(row)
        check(row.get("status") == "accepted", f"the kiosk holds state {row.get('status')!r}, expected 'accepted'")
        notes = {k: v for k, v in row.items() if k.startswith("note")}
        check(any(v == NOTE_AR for v in notes.values()),
              f"the kiosk's statuses row does not hold the Arabic note; its notes: {notes}")
        log("kiosk: the next sync brought 'accepted' and the Arabic note")

        # The audit log as the admin: the logins, and a whole chain.
        self.login("admin")
        b.go("/console/audit")
        actions = [e.text.strip() for e in b.all("main table tbody tr td:nth-child(4) code")]
        for action in ("login", "login.failed", "login.locked", "key.unlock", "record.view", "record.state"):
            check(action in actions, f"the audit page lists no '{action}' entry; it lists {sorted(set(actions))}")
        b.submit("audit.verify")
        verdict = b.text("audit.verdict")
        check(verdict.startswith(self.t_prefix("audit.whole")),
              f"audit.verify should report the chain whole ({self.t_prefix('audit.whole')!r}…), says {verdict!r}")
        self.shoot("audit", "/console/audit")
        self.logout()
        log("audit: logins listed, the chain is whole")

        self.hq.stop()
        out = run(self.hq.cmd("audit", "verify"), "kiosk-hq audit verify")
        log(f"kiosk-hq audit verify: {out.strip()}")

        # Sessions end after the idle limit.
        self.hq.serve("--session-idle-seconds", "2")
        b.base = f"http://127.0.0.1:{self.hq.console_port}"
        self.login("reviewer")
        b.go("/console/requests")
        check(b.path() == "/console/requests", f"a fresh session could not open /console/requests: {b.where()}")
        time.sleep(3)  # the idle limit is 2 s: this wait is the test
        b.go("/console/requests")
        check(b.path() == "/console/login" and b.query().get("expired") == ["1"],
              f"after 3 s idle (limit 2 s) /console/requests should redirect to /console/login?expired=1, "
              f"got {b.where()}")
        check(b.text("login.error") == self.t("login.expired"),
              f"the expired session's login page says {b.text('login.error')!r}")
        log("sessions: an idle session expires and the login page says so")

    def report(self):
        log("")
        log(f"Page weight and first paint ({self.engine}; cold cache, {DESKTOP[0]}x{DESKTOP[1]}; bytes transferred)")
        header = f"{'page':<18}{'lang':<5}{'status':>7}{'HTML':>8}{'CSS':>9}{'fonts':>9}{'TTFB ms':>9}" \
                 f"{'FCP ms':>8}{'load ms':>9}"
        log(header)
        log("-" * len(header))
        for t in self.timings:
            log(f"{t['page']:<18}{t['lang']:<5}{t['status']:>7}{t['html']:>8}{t['css']:>9}{t['fonts']:>9}"
                f"{t['ttfb']:>9.1f}{t['fcp']:>8.0f}{t['load']:>9.0f}")
        log(f"{len(self.shots)} screenshots in {self.screens}")

    def main(self):
        failed = None
        try:
            self.setup()
            self.file_records()
            self.scenario()
        except CheckFailed as error:
            failed = str(error)
        except Exception:
            failed = "unexpected error:\n" + traceback.format_exc()
        finally:
            try:
                if self.browser:
                    self.browser.quit()
            finally:
                self.children.stop_all()
                if self.cluster:
                    self.cluster.stop()
        if self.timings:
            self.report()
        if self.visual_problems:
            log("")
            log("Layout problems at the photographed sizes:")
            for problem in self.visual_problems:
                log(f"  {problem}")
        if failed:
            log(f"\nFAILED ({self.engine}): {failed}")
            return 1
        if self.visual_problems:
            log(f"\nFAILED ({self.engine}): {len(self.visual_problems)} layout problems (above)")
            return 1
        log(f"\nPASSED ({self.engine})")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--hq", required=True)
    parser.add_argument("--source", required=True, help="the source tree (assets/, tests/ui/replays/)")
    parser.add_argument("--work", required=True, help="a directory for this run (emptied first)")
    parser.add_argument("--screens", required=True, help="where the screenshots go (emptied first)")
    parser.add_argument("--deadline", type=int, default=225, help="seconds before the run gives up")
    args = parser.parse_args()
    for var in ("no_proxy", "NO_PROXY"):
        os.environ[var] = "127.0.0.1,localhost"

    def give_up(signum, _frame):
        raise CheckFailed(f"stopped by signal {signum} (deadline {args.deadline} s or ctest)")

    signal.signal(signal.SIGALRM, give_up)
    signal.signal(signal.SIGTERM, give_up)
    signal.alarm(args.deadline)
    return ConsoleTest(args).main()


if __name__ == "__main__":
    sys.exit(main())
