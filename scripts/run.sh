#!/usr/bin/env bash
# The run command: installs into ./.venv, prepares the SQLite database, loads the
# corpus from fixtures/corpus and starts the web server, a Celery worker and
# Celery beat on the embedded defaults (SQLite, filesystem broker under data/).
#
#   ./scripts/run.sh            # then open the printed URL; Ctrl-C stops all three
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
.venv/bin/python manage.py flag_overdue --format text | tail -n 1 || true
.venv/bin/python manage.py create_griffie_user

pids=("$FROG_PID")
cleanup() {
  trap - EXIT INT TERM
  log "stopping"
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

log "starting Celery worker and Celery beat (broker: filesystem under data/broker)"
.venv/bin/celery -A tracker worker --loglevel=WARNING --concurrency=2 > data/worker.log 2>&1 &
pids+=($!)
.venv/bin/celery -A tracker beat --loglevel=INFO > data/beat.log 2>&1 &
pids+=($!)

log "starting the web server"
.venv/bin/python manage.py runserver "$HOST:$PORT" --noreload > data/web.log 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://$HOST:$PORT/healthz')" 2>/dev/null && break
  sleep 0.2
done
echo
echo "  Commitment tracker running at http://$HOST:$PORT/"
echo "  Admin: http://$HOST:$PORT/admin/   (logs: data/web.log, data/worker.log, data/beat.log)"
echo "  Press Ctrl-C to stop web server, worker and beat."
echo
wait -n "${pids[@]}"
log "a process exited; see data/*.log"
