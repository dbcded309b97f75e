#!/usr/bin/env bash
# The run command: installs into ./.venv, prepares the SQLite database, loads the
# corpus from fixtures/corpus and starts the web server, a Celery worker and
# Celery beat on the embedded defaults (SQLite, filesystem broker under data/).
#
#   ./scripts/run.sh            # then open the printed URL; Ctrl-C stops all of them (and Frog)
# A worker or beat that dies is restarted (noted in data/worker.log, data/beat.log); the script
# stops only when the web server exits.
#   PORT=8080 ./scripts/run.sh
#   HOST=0.0.0.0 PORT=8080 ./scripts/run.sh   # reachable from other machines (add the name to ALLOWED_HOSTS)
#
# It runs as in production (DEBUG=0: friendly 404/500 pages, static files through whitenoise),
# with a secret generated once into data/secret_key. DEBUG=1 ./scripts/run.sh for Django's debug pages.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[run]\033[0m %s\n' "$*" >&2; }

[ -x .venv/bin/python ] || python3 -m venv .venv
log "installing requirements into ./.venv"
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt

export DJANGO_SETTINGS_MODULE=tracker.settings
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
mkdir -p data

export DEBUG="${DEBUG:-0}"
if [ -z "${SECRET_KEY:-}" ]; then
  if [ ! -s data/secret_key ]; then
    log "generating a secret key into data/secret_key (once)"
    (umask 077; .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))" > data/secret_key)
  fi
  SECRET_KEY="$(cat data/secret_key)"
  export SECRET_KEY
fi
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-localhost,127.0.0.1,[::1],$HOST}"
# Plain http on this machine: cookies without the Secure flag, or the clerk could not log in.
export SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-0}" CSRF_COOKIE_SECURE="${CSRF_COOKIE_SECURE:-0}"
export GRIFFIE_PASSWORD="${GRIFFIE_PASSWORD:-griffie-demo}"

# Frog (Dutch linguistic analysis) runs as a long-lived server that ingest, the web process and the
# worker share: installed when missing, started now (its models take ~9 s to load).
. scripts/frog.sh
frog_install
FROG_PORT="${FROG_PORT:-$(.venv/bin/python scripts/free_port.py)}"
export FROG_ADDRESS="127.0.0.1:$FROG_PORT"
log "starting Frog on $FROG_ADDRESS (log: data/frog.log)"
frog_start "$FROG_PORT" data/frog.log
stop_frog() { kill "$FROG_PID" 2>/dev/null || true; }
trap stop_frog EXIT INT TERM

log "preparing the database (data/tracker.sqlite3)"
.venv/bin/python manage.py migrate --noinput -v0
log "collecting static files (served by whitenoise)"
.venv/bin/python manage.py collectstatic --noinput -v0
frog_wait "$FROG_PORT" || { log "cannot start Frog (see data/frog.log): stopping"; exit 1; }
log "loading the corpus from fixtures/corpus"
.venv/bin/python manage.py ingest fixtures/corpus || log "some corpus files were not ingested (see above)"
log "applying the demo griffie's review decisions (fixtures/review_decisions.json)"
.venv/bin/python manage.py apply_review_decisions fixtures/review_decisions.json || log "review decisions not applied (see above)"
.venv/bin/python manage.py refresh_suggestions || log "fulfilment suggestions not refreshed (see above)"
.venv/bin/python manage.py flag_overdue --format text | tail -n 1 || true
.venv/bin/python manage.py create_griffie_user

# The web server, the worker and beat each run in their own process group (setsid), so that
# stopping one also stops what it forked (the worker's pool processes).
start_bg() {  # start_bg LOGFILE COMMAND…: sets STARTED_PID
  local logfile=$1; shift
  setsid "$@" >> "$logfile" 2>&1 < /dev/null &
  STARTED_PID=$!
}
start_worker() { start_bg data/worker.log .venv/bin/celery -A tracker worker --loglevel=WARNING --concurrency=2; WORKER_PID=$STARTED_PID; }
start_beat() { start_bg data/beat.log .venv/bin/celery -A tracker beat --loglevel=INFO; BEAT_PID=$STARTED_PID; }
stop_group() { kill -TERM -- "-$1" 2>/dev/null || kill -TERM "$1" 2>/dev/null || true; }

WEB_PID="" WORKER_PID="" BEAT_PID=""
cleanup() {
  trap - EXIT INT TERM
  log "stopping web server, worker, beat and Frog"
  local pid
  for pid in $WEB_PID $WORKER_PID $BEAT_PID; do stop_group "$pid"; done
  stop_frog
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

: > data/worker.log; : > data/beat.log; : > data/web.log
log "starting Celery worker and Celery beat (broker: filesystem under data/broker)"
start_worker
start_beat

log "starting the web server"
start_bg data/web.log .venv/bin/python manage.py runserver "$HOST:$PORT" --noreload
WEB_PID=$STARTED_PID
for _ in $(seq 100); do
  .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://$HOST:$PORT/healthz')" 2>/dev/null && break
  sleep 0.2
done
echo
echo "  Commitment tracker running at http://$HOST:$PORT/"
echo "  Admin: http://$HOST:$PORT/admin/   (logs: data/web.log, data/worker.log, data/beat.log)"
echo "  Press Ctrl-C to stop web server, worker and beat."
echo

# Supervise: a worker or beat that dies is restarted after a short pause (noted in its log); the
# web server keeps answering meanwhile. Only when the web server itself exits does the script stop.
RESTART_PAUSE="${RESTART_PAUSE:-3}"
restart() {  # restart NAME LOGFILE OLD_PID START_FUNCTION [EXIT_STATUS]
  local name=$1 logfile=$2 old=$3 start=$4 status=${5:-}
  [ -n "$status" ] || { status=0; wait "$old" 2>/dev/null || status=$?; }
  stop_group "$old"   # pool processes the dead one left behind
  printf '[run] %s: %s (pid %s) exited with status %s; restarting in %s s\n' \
    "$(date '+%F %T')" "$name" "$old" "$status" "$RESTART_PAUSE" >> "$logfile"
  log "$name exited (status $status); restarting in $RESTART_PAUSE s (see $logfile)"
  sleep "$RESTART_PAUSE"
  "$start"
}
while :; do
  DEAD="" status=0
  wait -n -p DEAD "$WEB_PID" "$WORKER_PID" "$BEAT_PID" 2>/dev/null || status=$?
  if [ "$DEAD" = "$WEB_PID" ] || ! kill -0 "$WEB_PID" 2>/dev/null; then
    log "the web server exited; stopping everything (see data/web.log)"
    exit 1
  fi
  if [ "$DEAD" = "$WORKER_PID" ]; then restart worker data/worker.log "$WORKER_PID" start_worker "$status"
  elif ! kill -0 "$WORKER_PID" 2>/dev/null; then restart worker data/worker.log "$WORKER_PID" start_worker; fi
  if [ "$DEAD" = "$BEAT_PID" ]; then restart beat data/beat.log "$BEAT_PID" start_beat "$status"
  elif ! kill -0 "$BEAT_PID" 2>/dev/null; then restart beat data/beat.log "$BEAT_PID" start_beat; fi
done
