#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A local web server for the watch-list tests: prints its port, serves until killed.
/live* 200 · /404 · /410 · /r1 → /r2 → /live · /changing (differs each time) ·
/gone-page (200, "no longer available") · /500"""
import http.server
import sys

PAGE = (b'<html><head><title>Earbuds</title>'
        b'<meta property="og:title" content="Wireless Earbuds Pro"></head><body>x</body></html>')
count = [0]


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path
        if p.startswith("/live"):
            self.send(200, PAGE)
        elif p in ("/404", "/410", "/500"):
            self.send(int(p[1:]))
        elif p == "/r1":
            self.send(302, headers=[("Location", "/r2")])
        elif p == "/r2":
            self.send(301, headers=[("Location", "/live/final")])
        elif p == "/changing":
            count[0] += 1
            self.send(200, b"<html>price %d</html>" % count[0])
        elif p == "/gone-page":
            self.send(200, b"<html><p>This item is no longer available.</p></html>")
        else:
            self.send(404)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
