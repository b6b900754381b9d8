#!/usr/bin/env bash
# Start-up and idle memory of `meister run`, with the JVM options of the ./meister launcher.
#
#   bench/startup.sh [RESULTS_FILE=bench/results/startup.md]
#
# Builds nothing: needs bot/target/meister.jar (`mvn -B -q -DskipTests package`), java, curl and
# python3. Each start is cold: a fresh temporary directory, so an empty database that is migrated
# first, and Telegram connected to a fake Bot API on 127.0.0.1 (bench/fake_telegram.py), so
# /health/ready answers 200 only once the database is open and Telegram answered.
#   1. one start that writes the class-data sharing archive (as the launcher's first `run` does),
#   2. RUNS starts with that archive and RUNS without it, taken in turns, each timed from the
#      launch to the first 200 of /health/ready (polled every 10 ms),
#   3. one run left idle for IDLE_SECONDS with Telegram connected: resident memory at its end
#      and at its peak.
# A Markdown section is appended to RESULTS_FILE. The exit status is 1 when a target is missed
# (median start with the archive > 1,500 ms, idle RSS > 96 MiB) or a run failed.
# Environment: RUNS (5), IDLE_SECONDS (300), MEISTER_PORT (18280), TELEGRAM_PORT (18281),
# KEEP_WORK=1 keeps the temporary directory.
set -euo pipefail

RUNS=${RUNS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-300}
MEISTER_PORT=${MEISTER_PORT:-18280}
TELEGRAM_PORT=${TELEGRAM_PORT:-18281}
READY_TARGET_MS=1500
RSS_TARGET_MIB=96

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=$ROOT/bot/target/meister.jar
OUT=${1:-$BENCH_DIR/results/startup.md}

log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for v in RUNS IDLE_SECONDS MEISTER_PORT TELEGRAM_PORT; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]] || (( ${!v} < 1 )); then
    echo "startup.sh: $v must be a positive integer, got '${!v}'" >&2
    exit 2
  fi
done
[[ -f $JAR ]] || { echo "startup.sh: $JAR is missing (mvn -B -q -DskipTests package)" >&2; exit 2; }
for tool in java curl python3; do
  command -v "$tool" >/dev/null || { echo "startup.sh: $tool is needed" >&2; exit 2; }
done

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$MEISTER_PORT" "$TELEGRAM_PORT"; do
  port_free "$p" || { echo "startup.sh: port $p is taken" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/meister-startup.XXXXXX)
SERVER_PID=""
FAKE_TELEGRAM_PID=""

stop_server() {
  local pid=$SERVER_PID
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do                      # up to 30 s; the archive is written at exit
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "process $pid did not stop in 30 s after SIGTERM: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  stop_server
  if [[ -n $FAKE_TELEGRAM_PID ]]; then
    kill -TERM "$FAKE_TELEGRAM_PID" 2>/dev/null || true
    wait "$FAKE_TELEGRAM_PID" 2>/dev/null || true  # it writes its stats file as it stops
  fi
  if [[ ${KEEP_WORK:-0} == 1 ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The bench configuration with this script's ports.
sed -e "s#http://127.0.0.1:18081#http://127.0.0.1:$TELEGRAM_PORT#" \
  -e "s/^  port: 18080\$/  port: $MEISTER_PORT/" \
  "$BENCH_DIR/meister-bench.yml" >"$WORK/meister.yml"
grep -q "127.0.0.1:$TELEGRAM_PORT" "$WORK/meister.yml" && grep -q "port: $MEISTER_PORT" "$WORK/meister.yml" \
  || { echo "startup.sh: could not set the ports in a copy of meister-bench.yml" >&2; exit 2; }

python3 "$BENCH_DIR/fake_telegram.py" "$TELEGRAM_PORT" x "$WORK/telegram-stats.json" \
  >"$WORK/fake-telegram.log" 2>&1 &
FAKE_TELEGRAM_PID=$!
for _ in $(seq 1 100); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$TELEGRAM_PORT/botx/getMe" || true) == 200 ]] && break
  sleep 0.05
done

# The launcher's JVM options (MEISTER_PRINT_JAVA_OPTS), with its archive in $WORK so a run of
# this script neither uses nor replaces bot/target/meister.jsa. $1: MEISTER_CDS (1 or 0).
ARCHIVE=$WORK/meister.jsa
launcher_opts() {
  MEISTER_CDS=$1 MEISTER_CDS_ARCHIVE=$ARCHIVE MEISTER_PRINT_JAVA_OPTS=1 "$ROOT/meister" run
}

# start NAME OPTS...: starts `meister run` in a fresh directory $WORK/NAME and waits for
# /health/ready; READY_MS is then the milliseconds from the launch to its first 200. (Not printed:
# a command substitution would run it in a subshell, which would keep SERVER_PID to itself.)
READY_MS=""
start() {
  local name=$1 dir=$WORK/$1 t0 t1 i code
  shift
  mkdir -p "$dir"
  t0=$(date +%s%N)
  (cd "$dir" && MALLOC_ARENA_MAX=2 GITHUB_WEBHOOK_SECRET=x TELEGRAM_BOT_TOKEN=x \
    exec java "$@" -Dmeister.home="$ROOT" -jar "$JAR" run --config "$WORK/meister.yml") \
    >"$dir/meister.log" 2>&1 &
  SERVER_PID=$!
  for (( i = 0; i < 6000; i++ )); do                # 60 s at most
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 \
      "http://127.0.0.1:$MEISTER_PORT/health/ready" || true)
    if [[ $code == 200 ]]; then
      t1=$(date +%s%N)
      READY_MS=$(( (t1 - t0) / 1000000 ))
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "$name: meister exited before it was ready; its log:"
      tail -20 "$dir/meister.log" >&2
      return 1
    fi
    sleep 0.01
  done
  log "$name: not ready after 60 s"
  return 1
}

# Whether the running server mapped the archive (the JVM drops it silently when it does not match).
mapped() { grep -q "$ARCHIVE" "/proc/$SERVER_PID/maps" 2>/dev/null && echo yes || echo no; }

# CPU milliseconds (user + system, every thread) a process has used so far: the start's cost
# that does not depend on what else the machine runs.
cpu_ms() {
  sed 's/.*) //' "/proc/$1/stat" | awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($12 + $13) * 1000 / t }'
}

stats() {  # min median max of the numbers given
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d %d %d\n", v[1], m, v[NR] }'
}

STATUS=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mapfile -t CREATE_OPTS < <(launcher_opts 1)
log "run 0: writes the archive ($(printf '%s ' "${CREATE_OPTS[@]}" | grep -o -- '-XX:ArchiveClassesAtExit[^ ]*' || echo 'no ArchiveClassesAtExit?'))"
start create "${CREATE_OPTS[@]}" || exit 1
CREATE_MS=$READY_MS
stop_server
[[ -s $ARCHIVE ]] || { log "no archive was written at $ARCHIVE"; exit 1; }
log "run 0: ready in $CREATE_MS ms; archive $(( $(stat -c %s "$ARCHIVE") / 1048576 )) MiB"

mapfile -t CDS_OPTS < <(launcher_opts 1)
mapfile -t PLAIN_OPTS < <(launcher_opts 0)
CDS_MS=()
PLAIN_MS=()
CDS_CPU=()
PLAIN_CPU=()
CDS_MAPPED=()
for (( r = 1; r <= RUNS; r++ )); do
  start "cds-$r" "${CDS_OPTS[@]}" || exit 1
  CDS_MAPPED+=("$(mapped)")
  CDS_CPU+=("$(cpu_ms "$SERVER_PID")")
  stop_server
  CDS_MS+=("$READY_MS")
  start "plain-$r" "${PLAIN_OPTS[@]}" || exit 1
  PLAIN_CPU+=("$(cpu_ms "$SERVER_PID")")
  stop_server
  PLAIN_MS+=("$READY_MS")
  log "run $r: ${CDS_MS[-1]} ms with the archive (mapped: ${CDS_MAPPED[-1]}, ${CDS_CPU[-1]} ms CPU), ${PLAIN_MS[-1]} ms without (${PLAIN_CPU[-1]} ms CPU)"
done
read -r CDS_MIN CDS_MED CDS_MAX < <(stats "${CDS_MS[@]}")
read -r PLAIN_MIN PLAIN_MED PLAIN_MAX < <(stats "${PLAIN_MS[@]}")
read -r CDS_CPU_MIN CDS_CPU_MED CDS_CPU_MAX < <(stats "${CDS_CPU[@]}")
read -r PLAIN_CPU_MIN PLAIN_CPU_MED PLAIN_CPU_MAX < <(stats "${PLAIN_CPU[@]}")

log "idle run: ${IDLE_SECONDS}s with the archive and Telegram connected"
start idle "${CDS_OPTS[@]}" || exit 1
IDLE_MS=$READY_MS
IDLE_PID=$SERVER_PID
IDLE_MAPPED=$(mapped)
rss_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
RSS_READY=$(( $(rss_kib "$IDLE_PID" VmRSS) / 1024 ))
end=$(( SECONDS + IDLE_SECONDS ))
while (( SECONDS < end )); do
  kill -0 "$IDLE_PID" 2>/dev/null || { log "meister exited while idle"; tail -20 "$WORK/idle/meister.log" >&2; exit 1; }
  sleep 5
done
READY_AT_END=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$MEISTER_PORT/health/ready" || true)
RSS_END=$(( $(rss_kib "$IDLE_PID" VmRSS) / 1024 ))
RSS_PEAK=$(( $(rss_kib "$IDLE_PID" VmHWM) / 1024 ))
RSS_ANON=$(( $(rss_kib "$IDLE_PID" RssAnon) / 1024 ))
RSS_FILE=$(( $(rss_kib "$IDLE_PID" RssFile) / 1024 ))
THREADS=$(rss_kib "$IDLE_PID" Threads)
stop_server
log "idle: ${RSS_END} MiB resident after ${IDLE_SECONDS}s (peak ${RSS_PEAK} MiB), /health/ready $READY_AT_END"

verdict() { (( $1 <= $2 )) && echo "met" || echo "**missed**"; }
READY_VERDICT=$(verdict "$CDS_MED" "$READY_TARGET_MS")
RSS_VERDICT=$(verdict "$RSS_END" "$RSS_TARGET_MIB")
[[ $READY_VERDICT == met && $RSS_VERDICT == met ]] || STATUS=1
[[ $READY_AT_END == 200 ]] || STATUS=1
[[ " ${CDS_MAPPED[*]} $IDLE_MAPPED " != *" no "* ]] || STATUS=1

mkdir -p "$(dirname "$OUT")"
[[ -s $OUT ]] || printf '# Start-up and idle memory of `meister run` (bench/startup.sh), newest last\n' >"$OUT"
{
  echo
  echo "## Start-up and idle memory, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/startup.sh\` (RUNS=$RUNS, IDLE_SECONDS=$IDLE_SECONDS) on $(nproc) cores ($(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)), load average $LOAD_BEFORE before the starts and $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(java -version 2>&1 | head -1); the code as of \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')\`$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' with uncommitted changes')."
  echo
  echo "Each start: \`MALLOC_ARENA_MAX=2 java OPTIONS -jar bot/target/meister.jar run --config bench/meister-bench.yml\` (ports $MEISTER_PORT and $TELEGRAM_PORT) in a fresh directory (an empty SQLite database, migrated first), Telegram on a fake Bot API; timed from the launch to the first 200 of \`/health/ready\`, polled every 10 ms. OPTIONS are the launcher's (\`MEISTER_PRINT_JAVA_OPTS=1 ./meister run\`):"
  echo
  echo "- with the archive: \`$(printf '%s ' "${CDS_OPTS[@]}" | sed "s#$WORK/##g; s/ \$//")\` (written by run 0 with \`-XX:ArchiveClassesAtExit\`, $(( $(stat -c %s "$ARCHIVE") / 1048576 )) MiB; mapped in every run: $([[ " ${CDS_MAPPED[*]} $IDLE_MAPPED " == *" no "* ]] && echo '**no**' || echo yes))"
  echo "- without: \`$(printf '%s ' "${PLAIN_OPTS[@]}" | sed 's/ $//')\` (the JDK's own archive of its classes only)"
  echo
  echo "| to /health/ready | runs | min | median | max | CPU used by then (median, all threads) | target |"
  echo "|---|---|---|---|---|---|---|"
  echo "| writing the archive (run 0) | 1 | $CREATE_MS ms | | | | |"
  echo "| with the archive | $RUNS | $CDS_MIN ms | **$CDS_MED ms** | $CDS_MAX ms | $CDS_CPU_MED ms | median ≤ $READY_TARGET_MS ms: $READY_VERDICT |"
  echo "| without | $RUNS | $PLAIN_MIN ms | $PLAIN_MED ms | $PLAIN_MAX ms | $PLAIN_CPU_MED ms | |"
  echo
  echo "Runs in order, with/without the archive: $(for i in "${!CDS_MS[@]}"; do printf '%s/%s ' "${CDS_MS[$i]}" "${PLAIN_MS[$i]}"; done | sed 's/ $//') ms."
  echo
  echo "Idle (with the archive, ready in $IDLE_MS ms, Telegram long-polling the fake): **${RSS_END} MiB resident after ${IDLE_SECONDS} s** (target ≤ $RSS_TARGET_MIB MiB: $RSS_VERDICT; $RSS_ANON MiB anonymous, $RSS_FILE MiB file-backed, $THREADS threads); ${RSS_READY} MiB when it became ready; peak ${RSS_PEAK} MiB (VmHWM); \`/health/ready\` at the end: $READY_AT_END."
} >>"$OUT"
log "appended to $OUT"
exit "$STATUS"
