"""Build the Bolt app: the Slack side of the one engine, with no module-level globals."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltResponse
from slack_bolt.request import BoltRequest
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage.common import mark_event_processed, mark_request_processed
from handlers import register_listeners
from handlers.delivery import SlackDelivery

log = logging.getLogger("audit_bot.app")
# Bolt acknowledges a request from inside the listener, which runs on this pool; its default of 5 threads
# meant five listeners waiting on Slack retries (backoff of a second or more) held every new ack back.
LISTENER_THREADS = 48


def make_web_client(token: str | None, base_url: str | None) -> WebClient:
    """A WebClient that retries rate limits, 5xx and dropped connections with backoff (slack-sdk's own)."""
    kwargs: dict[str, Any] = {"token": token}
    if base_url:
        kwargs["base_url"] = base_url
    client = WebClient(**kwargs)
    client.retry_handlers = [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]
    return client


EVENT_TYPES = frozenset({"event_callback", "url_verification", "app_rate_limited"})


def replay_key(req: BoltRequest) -> str | None:
    """A key for a signed HTTP request other than an event: a hash of its signature and timestamp.

    Events are left to their event_id (Slack signs its retries afresh); Socket Mode has no signatures.
    """
    body = req.body if isinstance(req.body, dict) else {}
    if req.mode == "socket_mode" or "event" in body or body.get("type") in EVENT_TYPES:
        return None
    signature = (req.headers.get("x-slack-signature") or [""])[0]
    timestamp = (req.headers.get("x-slack-request-timestamp") or [""])[0]
    if not signature or not timestamp:
        return None
    return "request:" + hashlib.sha256(f"{timestamp}:{signature}".encode()).hexdigest()


def _bolt_app(**options: Any) -> App:
    """Bolt's App, whose start-up `auth.test` failing ends the bot with one line saying what to check."""
    from slack_bolt.error import BoltError

    try:
        return App(**options)
    except BoltError as exc:
        raise UserError(f"Slack refused the bot token ({exc}). Check SLACK_BOT_TOKEN: the Bot User OAuth Token "
                        "(xoxb-…) from Install App, for this workspace.") from None
    except OSError as exc:
        raise UserError(f"I could not reach Slack to check the bot token ({type(exc).__name__}). Check this "
                        "machine's connection to slack.com and try again.") from None


def create_app(
    services: Services,
    engine: Engine,
    client: WebClient | None = None,
    signing_secret: str | None = None,
    process_before_response: bool = False,
) -> App:
    """The Bolt app: verification, event de-duplication, then the thin listeners in handlers/."""
    slack = services.settings.slack
    client = client or make_web_client(slack.bot_token, slack.api_url)
    app = _bolt_app(
        client=client,
        signing_secret=signing_secret if signing_secret is not None else (slack.signing_secret or ""),
        process_before_response=process_before_response,
        ignoring_self_events_enabled=True,
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="listener"),
        # Bolt's per-class loggers copy this one's level (WARNING once logging is set up) instead of the root's,
        # so its INFO line quoting the body of a request with a bad signature is not even formatted.
        logger=logging.getLogger("slack_bolt"),
    )
    delivery = SlackDelivery(client, services)

    def home(user_id: str) -> list:
        return home_sections(engine, services, user_id)

    @app.middleware
    def provide_services(context: dict[str, Any], next: Callable[[], BoltResponse]) -> BoltResponse:
        context["engine"] = engine
        context["services"] = services
        context["delivery"] = delivery
        context["home"] = home
        return next()

    @app.middleware
    def once_per_event(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
        """Slack retries events and Bolt does not de-duplicate: act on each event_id once."""
        event_id = req.body.get("event_id") if isinstance(req.body, dict) else None
        if event_id and not mark_event_processed(services.storage, str(event_id), services.clock()):
            log.info("ignored a repeated delivery of an event")
            return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def once_per_signed_request(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
        """A signed slash command or button press sent again within the signature window is a replay: answer
        200 and do nothing. Runs after Bolt's signature check, so a forged copy cannot use up a real request."""
        key = replay_key(req)
        if key and not mark_request_processed(services.storage, key, services.clock()):
            log.info("ignored a replayed request")
            return BoltResponse(status=200, body="")
        return next()

    @app.error
    def on_error(error: Exception) -> None:
        log.error("listener failed: %s", type(error).__name__)

    register_listeners(app)
    return app


def stop_listeners(app: App) -> None:
    """Wait for listeners still at work after their ack (their posts to Slack, their writes) and end the pool's
    threads: called once no request can arrive, so nothing posts or writes after the bot says it has stopped."""
    app.listener_runner.listener_executor.shutdown(wait=True)


def run_socket_mode(app: App, app_token: str) -> None:
    """Serve the app over Socket Mode until the process is stopped: no public URL needed.

    A token Slack refuses, or a Slack that cannot be reached, ends the bot with one line saying what to check
    (a UserError the entry point prints), never a traceback.
    """
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk.errors import SlackApiError

    try:
        SocketModeHandler(app, app_token).start()
    except SlackApiError as exc:
        reason = exc.response.get("error") if exc.response is not None else None
        raise UserError(f"Slack refused to open a Socket Mode connection ({reason or 'no reason given'}). Check "
                        "SLACK_APP_TOKEN: an app-level token (xapp-…) with connections:write, from Basic "
                        "Information → App-Level Tokens, and SLACK_BOT_TOKEN from Install App.") from None
    except OSError as exc:
        raise UserError(f"I could not reach Slack to open a Socket Mode connection ({type(exc).__name__}). Check "
                        "this machine's connection to slack.com and try again.") from None
