#!/usr/bin/env bash
# The test command: installs what the tests need, starts a throwaway PostgreSQL
# cluster and Redis server on free loopback ports, runs the whole pytest suite
# against them, stops them on every exit path and exits with pytest's status.
#
#   ./scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

log() { printf '\033[1m[test]\033[0m %s\n' "$*" >&2; }

# 1. Debian packages: PostgreSQL, Redis, Chromium (for the browser tests).
need=()
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# Frog (Dutch linguistic analysis) for the extractor.
. scripts/frog.sh
frog_install

# 2. Python packages into ./.venv.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# 3. Throwaway PostgreSQL and Redis in a temporary directory.
TMP=$(mktemp -d /tmp/tracker-test.XXXXXX)
chmod 755 "$TMP"
PG_PORT=$(.venv/bin/python scripts/free_port.py)
REDIS_PORT=$(.venv/bin/python scripts/free_port.py)
PG_USER=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  PG_USER=postgres
  chown postgres "$TMP"
fi
as_pg() { if [ -n "$PG_USER" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

cleanup() {
  status=$?
  set +e
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  [ -n "${FROG_PID:-}" ] && kill "$FROG_PID" 2>/dev/null && wait "$FROG_PID" 2>/dev/null
  [ -f "$TMP/pg/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$TMP"
  exit $status
}
trap cleanup EXIT INT TERM

FROG_PORT=$(.venv/bin/python scripts/free_port.py)
log "starting Frog on 127.0.0.1:$FROG_PORT"
frog_start "$FROG_PORT" "$TMP/frog.log"

log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$TMP/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg.log" -w -o "-p $PG_PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

log "starting Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$TMP" --logfile "$TMP/redis.log" &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/tracker"
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0"
export CELERY_RESULT_BACKEND="redis://127.0.0.1:$REDIS_PORT/1"
export CACHE_URL="redis://127.0.0.1:$REDIS_PORT/2"
export SECRET_KEY="test-only-secret"
export DEBUG=0
export STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage"
export CHROMIUM_PATH=/usr/bin/chromium
export TRACKER_TEST_TMP="$TMP"
export FROG_ADDRESS="127.0.0.1:$FROG_PORT"
export STATIC_ROOT="$TMP/static"
export MEDIA_ROOT="$TMP/media"
.venv/bin/python manage.py collectstatic --noinput -v0
export PG_BIN

log "ruff check"
.venv/bin/ruff check --quiet .

frog_wait "$FROG_PORT" || { cat "$TMP/frog.log" >&2; exit 1; }
log "running pytest"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
[ $status -eq 5 ] && log "pytest collected no tests"
exit $status
