"""Serve the Bolt app over HTTP with waitress, a production WSGI server (Bolt's documented WSGI adapter).

waitress reads requests on one event loop and hands only complete requests to a small pool of threads, so
a connection that sends half a request and stalls costs a file descriptor, not a thread, and is closed after
`channel_timeout` seconds; past `connection_limit` open connections it stops accepting until some close.
The same server runs `audit-bot serve`, the end-to-end tests and `make soak`.
"""

from __future__ import annotations

import io
import logging
import resource
import threading
from typing import Any

import waitress
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.request.internals import parse_body
from waitress.trigger import trigger as WakeUp
from waitress.wasyncore import close_all

from bot.settings.config import HttpLimits

log = logging.getLogger("audit_bot.http")
EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1_000_000  # Slack's largest payloads (view submissions) are far smaller
MAX_VALUE_CHARS = 2000  # Slack's limit for a button's value (menus and inputs allow less)
MAX_METADATA_CHARS = 3000  # Slack's limit for a view's private_metadata
MAX_INPUT_CHARS = 3000  # the longest text a plain_text_input in a modal can hold


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
        problem, status = header_problem(environ) or body_problem(environ)
        if problem:
            log.warning("refused a request: %s", problem)
            start_response(status, [("Content-Type", "text/plain")])
            return [f"bad request: {problem}".encode()]
        log.debug("request to %s, %s bytes", path, environ.get("CONTENT_LENGTH") or 0)  # never the body
        return handler(environ, start_response)

    return application


def header_problem(environ: dict[str, Any]) -> tuple[str, str] | None:
    """Slack's request timestamp is whole seconds; Bolt's signature check would crash on anything else."""
    stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
    if stamp is not None and not (stamp.isascii() and stamp.isdecimal() and len(stamp) <= 12):
        return "the X-Slack-Request-Timestamp header is not a time in seconds", "400 Bad Request"
    return None


def body_problem(environ: dict[str, Any]) -> tuple[str | None, str]:
    """Refuse bodies Slack never sends, before Bolt parses them (it does so before checking the signature,
    and a non-JSON `payload=`, a JSON array or bytes that are not UTF-8 would end in a 500 and a traceback).

    Reads the body and puts it back for Bolt, so nothing else changes.
    """
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return "the Content-Length is not a number", "400 Bad Request"
    if length > MAX_BODY_BYTES:
        _drain(environ["wsgi.input"], min(length, 16 * MAX_BODY_BYTES))  # so the sender reads our answer
        return "the body is larger than any request Slack sends", "413 Payload Too Large"
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(raw)
    try:
        parsed = parse_body(raw.decode("utf-8"), environ.get("CONTENT_TYPE"))
    except ValueError:  # includes UnicodeDecodeError and json.JSONDecodeError
        return "the body is not UTF-8 JSON or form fields as Slack sends them", "400 Bad Request"
    if not isinstance(parsed, dict):
        return "the body is JSON but not an object", "400 Bad Request"
    problem = shape_problem(parsed)
    return (problem, "400 Bad Request") if problem else (None, "200 OK")


def _drain(stream: Any, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 65536))
        if not chunk:
            return
        length -= len(chunk)


TEXT_FIELDS_OF_EVENT = ("type", "user", "text", "channel", "channel_type", "ts", "thread_ts", "event_ts", "tab",
                        "subtype", "bot_id")


INTERACTIVE_TYPES = ("block_actions", "view_submission", "view_closed", "shortcut", "message_action",
                     "block_suggestion")


def shape_problem(body: dict[str, Any]) -> str | None:
    """The few shapes the listeners rely on, as Slack always sends them: objects where objects belong, text
    where text belongs. Anything else is refused here rather than failing inside Bolt or a listener."""
    if "event" in body or body.get("type") == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            return "an event callback without an event object"
        if any(event.get(key) is not None and not isinstance(event[key], str) for key in TEXT_FIELDS_OF_EVENT):
            return "an event with a field that should be text"
    for key in ("user", "channel", "container", "team", "message"):
        if key in body and body[key] is not None and not isinstance(body[key], dict | str):
            return f"`{key}` is neither an object nor text"
    for key in ("user", "team", "channel"):
        if isinstance(body.get(key), dict) and not isinstance(body[key].get("id"), str):
            return f"{key}.id is missing or not text"
    if body.get("type") in INTERACTIVE_TYPES and not isinstance(body.get("user"), dict):
        return "an interaction without the user who made it"
    authorizations = body.get("authorizations")
    if authorizations is not None and not (isinstance(authorizations, list)
                                           and all(isinstance(a, dict) for a in authorizations)):
        return "`authorizations` is not a list of objects"
    actions = body.get("actions")
    if actions is not None and not (isinstance(actions, list) and all(_is_action(a) for a in actions)):
        return "`actions` is not a list of actions, each with an action_id"
    if body.get("type") == "block_actions" and not actions:
        return "a button press without the button"
    view = body.get("view")
    if body.get("type") in ("view_submission", "view_closed") and not isinstance(view, dict):
        return "a view submission without a view"
    if "view" in body and not _is_view(view):  # a null view too: Bolt's own logging reads any `view` given
        return "`view` is not a view"
    return None


def _texts(mapping: dict[str, Any], *keys: str) -> bool:
    return all(mapping.get(key) is None or isinstance(mapping[key], str) for key in keys)


def _short_texts(mapping: dict[str, Any], limit: int, *keys: str) -> bool:
    return _texts(mapping, *keys) and all(len(mapping.get(key) or "") <= limit for key in keys)


def _is_action(action: object) -> bool:
    """A pressed action names itself, and its value is no longer than Slack allows (2,000 for a button)."""
    return isinstance(action, dict) and isinstance(action.get("action_id"), str) and _is_element(
        action, MAX_VALUE_CHARS)


def _is_element(element: object, limit: int = MAX_INPUT_CHARS) -> bool:
    """What a button or form field carries: text where text belongs, no longer than Slack allows."""
    if not isinstance(element, dict):
        return False
    if not _short_texts(element, limit, "action_id", "value", "selected_user", "selected_date"):
        return False
    option = element.get("selected_option")
    return option is None or (isinstance(option, dict) and _short_texts(option, MAX_VALUE_CHARS, "value"))


def _is_view(view: object) -> bool:
    """A view says what kind it is (modal, home); Bolt's matchers read it."""
    if not isinstance(view, dict) or not isinstance(view.get("type"), str):
        return False
    if not _texts(view, "callback_id", "type", "id") or not _short_texts(view, MAX_METADATA_CHARS, "private_metadata"):
        return False
    state = view.get("state")
    if state is None:
        return True
    values = state.get("values") if isinstance(state, dict) else None
    return isinstance(state, dict) and (values is None or (isinstance(values, dict) and all(
        isinstance(block, dict) and all(_is_element(element) for element in block.values())
        for block in values.values())))


class HttpServer:
    """waitress serving the bot, with a `shutdown()` that returns at once instead of after a poll interval."""

    def __init__(self, app: App, host: str, port: int, limits: HttpLimits) -> None:
        _allow_open_files(limits.connection_limit)
        # waitress/__init__ imports create_server but types-waitress does not re-export it (a test replaces it here).
        self._server = waitress.create_server(  # type: ignore[attr-defined]
            wsgi_application(app), host=host, port=port,
            threads=limits.threads,
            channel_timeout=limits.channel_timeout,
            # how often idle connections are looked for: often enough that one waits at most ~1.5 timeouts
            cleanup_interval=max(1, min(30, limits.channel_timeout // 2)),
            connection_limit=limits.connection_limit,
            asyncore_use_poll=True,  # select() cannot watch more than 1024 sockets
            max_request_body_size=16 * MAX_BODY_BYTES,  # larger is cut off; up to this, answered with 413 below
            expose_tracebacks=False,
            ident="audit-bot",
        )
        self._map: dict[int, Any] = getattr(self._server, "map", None) or self._server._map
        self._stopped = threading.Event()

    @property
    def address(self) -> tuple[str, int]:
        """The host and port actually bound (port 0 asks for a free one)."""
        server = self._server
        if hasattr(server, "effective_port"):
            return str(server.effective_host), int(server.effective_port)
        host, port = server.effective_listen[0]
        return str(host), int(port)

    def serve_forever(self) -> None:
        """Serve until `shutdown()` (from any thread or a signal handler) or Ctrl-C."""
        try:
            self._server.run()
        finally:
            self._server.task_dispatcher.shutdown(timeout=5)

    def shutdown(self) -> None:
        """Close the listening socket and every connection from inside the event loop, which then ends.

        Waking the loop through its own trigger means stopping takes no poll interval; a second call does nothing.
        """
        if self._stopped.is_set():
            return
        self._stopped.set()
        wake = next((d for d in list(self._map.values()) if isinstance(d, WakeUp)), None)
        if wake is None:  # the loop has already ended
            return
        try:
            # types-waitress says a thunk takes one argument; waitress calls it with none (trigger.handle_read).
            wake.pull_trigger(lambda: close_all(self._map))  # type: ignore[arg-type, misc]
        except OSError:
            # The wake-up pipe's descriptor is gone (seen under load as EBADF): close everything from this thread
            # instead; the loop notices its empty map within its poll timeout (asyncore_loop_timeout, 1 s) and ends.
            close_all(self._map)


def _allow_open_files(connections: int) -> None:
    """Raise this process's soft limit on open files so `connection_limit` connections fit (up to the hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + 256  # the database, logs, outgoing calls to Slack
    if soft != resource.RLIM_INFINITY and soft < wanted:
        allowed = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (allowed, hard))


def make_http_server(app: App, host: str = "127.0.0.1", port: int = 3000,
                     limits: HttpLimits | None = None) -> HttpServer:
    """Bind the server (port 0 picks a free one); call serve_forever() on it to start, shutdown() to stop."""
    return HttpServer(app, host, port, limits or HttpLimits())
