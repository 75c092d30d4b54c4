"""Serve the Bolt app over HTTP with a small threaded WSGI server (Bolt's documented WSGI adapter).

Fine for a council's internal deployment behind a proxy and for end-to-end tests; swap in any WSGI
server (gunicorn, waitress) with `wsgi_application(app)` for more load.
"""

from __future__ import annotations

import logging
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger("audit_bot.http")
EVENTS_PATH = "/slack/events"


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """Log status lines without query strings or bodies (they may carry people's words)."""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("http %s", args[1] if len(args) > 1 else "")


def wsgi_application(app: App) -> Any:
    """A WSGI callable answering Slack at /slack/events and a health check at /healthz."""
    handler = SlackRequestHandler(app)

    def application(environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        if path != EVENTS_PATH:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found: Slack requests go to /slack/events"]
        return handler(environ, start_response)

    return application


def make_http_server(app: App, host: str = "127.0.0.1", port: int = 3000) -> ThreadingWSGIServer:
    """Bind the server (port 0 picks a free one); call serve_forever() on it to start."""
    return make_server(host, port, wsgi_application(app), server_class=ThreadingWSGIServer,
                       handler_class=QuietHandler)
