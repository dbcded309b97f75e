# Frog, the Dutch tagger/lemmatiser the extractor needs (commitments/extraction/frog.py).
# Sourced by scripts/run.sh and scripts/test.sh:
#   frog_install                 # apt-get install frog frogdata uctodata when missing
#   frog_start PORT LOGFILE      # start `frog -S PORT` in the background, sets FROG_PID
#   frog_wait PORT               # wait until it listens (~9 s model load); fails loudly
FROG_ARGS=(--skip=mpacn)   # tokenizer, tagger, lemmatiser; see docs/extraction.md
# one OpenMP thread per connection, no busy-waiting: the spinning threads cost 4-6x the CPU (docs/extraction.md)
FROG_ENV=(OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE)

frog_install() {
  if command -v frog >/dev/null && [ -d /usr/share/ucto ] && [ -d /usr/share/frog/nld ]; then return 0; fi
  printf '\033[1m[frog]\033[0m installing Debian packages: frog frogdata uctodata\n' >&2
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends frog frogdata uctodata >/dev/null
}

frog_start() {
  local port=$1 logfile=$2
  (cd "${TMPDIR:-/tmp}" && exec env "${FROG_ENV[@]}" frog -S "$port" "${FROG_ARGS[@]}") > "$logfile" 2>&1 < /dev/null &
  FROG_PID=$!
}

frog_wait() {
  local port=$1 i
  for i in $(seq 400); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if [ -n "${FROG_PID:-}" ] && ! kill -0 "$FROG_PID" 2>/dev/null; then
      printf '\033[1m[frog]\033[0m Frog exited while starting; the extractor cannot run without it.\n' >&2
      return 1
    fi
    sleep 0.25
  done
  printf '\033[1m[frog]\033[0m Frog did not listen on port %s within 100 s; the extractor cannot run without it.\n' "$port" >&2
  return 1
}
