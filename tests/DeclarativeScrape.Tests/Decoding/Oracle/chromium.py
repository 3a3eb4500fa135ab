"""Drives Debian's Chromium over the DevTools protocol (--remote-debugging-pipe) and serves pages on loopback.

Used by generate.py; needs nothing but Python 3.9+ and /usr/lib/chromium/chromium (the `chromium` package).
"""
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading

CHROMIUM = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")


class Site:
    """A loopback HTTP server answering each path with its (Content-Type or None, body) exactly as given."""

    def __init__(self):
        self.pages = {}
        pages = self.pages

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                page = pages.get(self.path)
                if page is None:
                    self.send_error(404)
                    return
                content_type, body = page
                self.send_response(200)
                if content_type is not None:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Browser:
    """One headless Chromium, one tab; load() navigates and reads what the page shows."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="ds-oracle-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def child():
            # The protocol pipe is fds 3 (commands in) and 4 (answers out); os.pipe() fds close on exec, dup'd ones do not.
            r, w = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
             "--no-first-run", "--disable-gpu", "--lang=en-US", "about:blank"],
            preexec_fn=child, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.out = os.fdopen(to_browser_w, "wb", buffering=0)
        self.inp = os.fdopen(from_browser_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=self.session)
        self.version = self.send("Browser.getVersion")["product"]

    def _receive(self):
        while b"\0" not in self.buffer:
            chunk = self.inp.read(1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the protocol pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def _wait_for(self, method):
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    del self.events[i]
                    return event
            self.events.append(self._receive())

    def load(self, url):
        """(document.characterSet, document.body.textContent) of the page at url, after its load event."""
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.send("Page.navigate", {"url": url}, session=self.session)
        self._wait_for("Page.loadEventFired")
        result = self.send("Runtime.evaluate", {
            "expression": "JSON.stringify([document.characterSet, document.body ? document.body.textContent : null])",
            "returnByValue": True}, session=self.session)
        return json.loads(result["result"]["value"])

    def close(self):
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
