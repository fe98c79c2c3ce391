#!/usr/bin/env python3
"""html-report-browser-test.py CLI REPO OUTPUT_DIR [ENGINE_ENV]

The HTML report in a real browser (Debian's chromium, headless):

1. `isolens-cli report resources/sample-recording.jsonl --report OUTPUT_DIR/html-report.html` writes it;
   with ENGINE_ENV (the private engine's env file), `isolens-cli compare --images` of the local
   registry's three batch tags, `--repeat 2 --report OUTPUT_DIR/batch-report.html`, the published
   table's shape with spreads, writes it, and the page must name the three images.
2. The file is checked as text: it names no URL of any kind (no scheme://, no "//", no "http", no url(),
   @import, src=, href=, srcset, xmlns) and has no script, link, img, iframe, object, embed, base or
   meta refresh: nothing a browser could fetch.
3. Chromium opens it from file:// with every host name resolving to nothing and all its traffic sent to
   a proxy of this test's own, which reads each request's first line and answers none. Chromium's own
   background requests (its component updater, clock and account checks at Google's hosts, which even
   --disable-background-networking leaves) are counted as information; a request for any other host is
   the page's and fails the test. A control page with one external image proves the proxy sees a
   page's request.
4. Chromium's screenshot of the report (OUTPUT_DIR/html-report.png, kept for people to look at),
   decoded here (PNG: zlib and the five row filters, no PIL), shows many pixels in each mode's colour
   (#1f77b4, #e8590c): the charts and the legend rendered.

A missing chromium fails the test with what to install: it never skips."""
import pathlib
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import zlib

MODE_COLOURS = {"mode 0 (#1f77b4)": (0x1F, 0x77, 0xB4), "mode 1 (#e8590c)": (0xE8, 0x59, 0x0C)}
MIN_PIXELS = 2000  # the legend, the table's column rules and two chart lines each: well over 3000
NEAR = 24  # per channel: anti-aliased edges of a line still count

# Anything a browser could fetch, or that names a place to fetch from.
FORBIDDEN = [
    (r"[A-Za-z][A-Za-z0-9+.-]*://", "a URL (scheme://)"),
    (r"//", "a protocol-relative URL or comment (//)"),
    (r"(?i)https?", "http"),
    (r"(?i)url\s*\(", "a CSS url()"),
    (r"(?i)@import", "a CSS @import"),
    (r"(?i)<script", "a script"),
    (r"(?i)<link", "a link element"),
    (r"(?i)<(img|iframe|object|embed|base|video|audio|source|track|frame)\b", "an element that loads something"),
    (r"(?i)\b(src|href|srcset|action|formaction|poster|data)\s*=", "an attribute that names a resource"),
    (r"(?i)xmlns", "a namespace URL"),
    (r"(?i)http-equiv", "a meta refresh"),
]


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def static_check(html):
    problems = []
    for pattern, what in FORBIDDEN:
        for match in re.finditer(pattern, html):
            start = max(0, match.start() - 40)
            problems.append(f"{what} at offset {match.start()}: ...{html[start:match.end() + 40]!r}...")
    return problems


# Chromium's own services, which it asks whatever page it shows (not the page's requests).
CHROMIUM_OWN_HOSTS = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com", "googleusercontent.com")


SILENT = "(nothing read)"


def request_host(line):
    """The host a proxy request line names: "CONNECT h:443 HTTP/1.1", "GET http://h/path HTTP/1.1"."""
    words = line.split()
    if len(words) < 2:
        return ""
    target = words[1]
    if "://" in target:
        target = target.split("://", 1)[1]
    return target.split("/", 1)[0].rsplit(":", 1)[0].lower()


def is_chromiums_own(host):
    return any(host == own or host.endswith("." + own) for own in CHROMIUM_OWN_HOSTS)


class DeadProxy:
    """A listener that accepts connections, reads each request's first line and answers none."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.requests = []
        self.stopping = False
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stopping:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if self.stopping:
                client.close()
                return
            self.connections += 1
            client.settimeout(2)
            try:
                line = client.recv(1024).split(b"\r\n", 1)[0].decode("latin-1")
                self.requests.append(line if line else SILENT)
            except OSError as error:
                self.requests.append(f"{SILENT} {error}")
            client.close()

    def stop(self):
        self.stopping = True
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            pass
        self.server.close()
        self.thread.join(timeout=5)


def decode_png(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    offset = 8
    idat = b""
    width = height = None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                fail(f"unexpected PNG format: depth {depth}, colour type {colour}, interlace {interlace}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upper_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def count_near(rows, channels, colour):
    r0, g0, b0 = colour
    count = 0
    for row in rows:
        for i in range(0, len(row), channels):
            if abs(row[i] - r0) <= NEAR and abs(row[i + 1] - g0) <= NEAR and abs(row[i + 2] - b0) <= NEAR:
                count += 1
    return count


def screenshot_of(browser, page, screenshot):
    """Chromium's screenshot of page; the requests its proxy saw meanwhile."""
    proxy = DeadProxy()
    screenshot.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="isolens-chromium-") as profile:
        # Root in a container: chromium's sandbox needs user namespaces it may not have, hence --no-sandbox.
        # Every name resolves to nothing but the proxy's address, so every request goes to the proxy.
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--disable-default-apps",
                   "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                   f"--proxy-server=127.0.0.1:{proxy.port}", "--window-size=1400,2400",
                   f"--screenshot={screenshot}", page.resolve().as_uri()]
        shot = subprocess.run(command, capture_output=True, text=True, timeout=180)
    proxy.stop()
    if shot.returncode != 0 or not screenshot.exists():
        fail(f"chromium took no screenshot of {page} (exit {shot.returncode}):\n{shot.stderr[-3000:]}")
    return proxy.requests


def engine_vars(env_file):
    """The private engine's env file (KEY=VALUE lines) as a dict."""
    values = {}
    for line in env_file.read_text().splitlines():
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip()
    return values


def main():
    if len(sys.argv) not in (4, 5):
        fail(__doc__.splitlines()[0])
    cli, repo, output = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    engine = engine_vars(pathlib.Path(sys.argv[4])) if len(sys.argv) == 5 else None
    output.mkdir(parents=True, exist_ok=True)
    name = "batch-report" if engine else "html-report"
    report = output / f"{name}.html"
    screenshot = output / f"{name}.png"
    recordings = output / f"{name}-recordings"
    shutil.rmtree(recordings, ignore_errors=True)
    for old in (report, screenshot):
        old.unlink(missing_ok=True)  # the report is never written over: the last run's goes first

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        fail("chromium not found: the HTML report's test needs a real browser. Install it with "
             "`apt-get install --no-install-recommends chromium fonts-dejavu-core` (.ci/install-deps.sh does)")

    if engine:
        images = [f"{engine['ISOLENS_TEST_REGISTRY']}/isolens/batch:{tag}" for tag in "abc"]
        command = [cli, "--host", engine["ISOLENS_TEST_DOCKER_HOST"], "compare", "--images", ",".join(images),
                   "--runtimes", "runc," + engine["ISOLENS_TEST_SECOND_RUNTIME"], "--cmd", "sleep 600",
                   "--workload", "dd if=/dev/zero of=/dev/null bs=1M count=500", "--repeat", "2",
                   "--duration", "1", "--record-dir", str(recordings), "--report", str(report)]
    else:
        images = []
        command = [cli, "report", str(repo / "resources" / "sample-recording.jsonl"), "--report", str(report)]
    made = subprocess.run(command, capture_output=True, text=True, timeout=240)
    if made.returncode != 0:
        fail(f"{' '.join(command[:4])} exited {made.returncode}: {made.stdout}{made.stderr}")
    html = report.read_text(encoding="utf-8")
    for image in images:  # escaped as the report escapes text, "/" included
        if image.replace("/", "&#47;") not in html and image not in html:
            fail(f"the report does not name {image}")
    if engine and "Spread" not in made.stdout:
        fail("the batch's table has no spread over its repeats:\n" + made.stdout)
    problems = static_check(html)
    if problems:
        fail("the report could make a request:\n  " + "\n  ".join(problems[:20]))
    print(f"static check: {len(html)} characters, no URL, no script, nothing to fetch")

    requests = screenshot_of(browser, report, screenshot)
    # A connection that sent nothing (a preconnect) names no host: counted, not held against the page,
    # whose requests always name what they want at once.
    silent = [r for r in requests if r.startswith(SILENT)]
    own = [r for r in requests if is_chromiums_own(request_host(r))]
    pages = [r for r in requests if not r.startswith(SILENT) and not is_chromiums_own(request_host(r))]
    print(f"proxy: {len(requests)} connections: {len(own)} chromium's own background requests, "
          f"{len(silent)} silent (information)")
    if pages:
        fail("the report asked for something while chromium showed it:\n  " + "\n  ".join(pages))

    # The control: a page with one external image, whose request the proxy must see.
    control = output / "external-control.html"
    control.write_text('<!DOCTYPE html><p>control</p><img src="http://isolens-control.invalid/x.png">\n')
    control_requests = screenshot_of(browser, control, output / "external-control.png")
    if not any(request_host(r) == "isolens-control.invalid" for r in control_requests):
        fail(f"the proxy did not see the control page's request (it saw {control_requests}): "
             "it would not see the report's either")
    print("control: the proxy saw the control page's external image")

    width, height, channels, rows = decode_png(screenshot.read_bytes())
    print(f"screenshot {screenshot}: {width}x{height}")
    white = sum(1 for row in rows for i in range(0, len(row), channels) if row[i:i + 3] == b"\xff\xff\xff")
    if white > 0.995 * width * height:
        fail("the screenshot is blank")
    failures = []
    for name, colour in MODE_COLOURS.items():
        pixels = count_near(rows, channels, colour)
        print(f"{name}: {pixels} pixels")
        if pixels < MIN_PIXELS:
            failures.append(f"{name}: {pixels} pixels, fewer than {MIN_PIXELS}")
    if failures:
        fail("; ".join(failures) + f" (look at {screenshot})")
    print("PASS: the report renders in chromium with both modes' colours and names nothing outside itself")


if __name__ == "__main__":
    main()
