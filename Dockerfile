# audit-bot as a container: Socket Mode by default (no inbound port needed), HTTP mode with `audit-bot serve`.
# Build:  docker build -t audit-bot .
# Run:    see "Deployment" in README.md (config mounted read-only at /config, data volume at /data).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    AUDITBOT_CONFIG=/config \
    AUDITBOT_DB=/data/audit-bot.db \
    MPLCONFIGDIR=/tmp/matplotlib

RUN groupadd --system auditbot \
    && useradd --system --gid auditbot --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin auditbot

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY schedules ./schedules
COPY knowledge ./knowledge
RUN pip install --no-cache-dir . \
    && rm -rf /app/bot /app/handlers /app/schedules /app/knowledge \
    && mkdir -p /data /config \
    && chown auditbot:auditbot /data \
    && chmod 0700 /data

# The shipped sample config, used only when nothing is mounted at /config.
COPY config /config

USER auditbot
VOLUME ["/data"]
EXPOSE 3000

# Works in both modes: configuration and database; in HTTP mode also set AUDITBOT_HEALTH_URL to check /healthz.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["audit-bot", "health"]

ENTRYPOINT ["audit-bot"]
CMD ["run"]
