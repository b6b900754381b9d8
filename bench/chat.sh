#!/usr/bin/env bash
# Time to chat (issue #17): how long an alert takes from its 202 to the Telegram message naming it,
# at a fixed open-loop rate below the storm threshold and at 100 webhooks/s, and what a storm of
# 10,000 alerts into one chat becomes (pace, digests, each alert exactly once).
#
#   bench/chat.sh [RESULTS_FILE=bench/results/chat.md]
#
# Needs bot/target/meister.jar (mvn -B -q -DskipTests package), java 17+, python3, curl. Meister
# listens on 127.0.0.1:${CHAT_PORT:-18180}, the fake Telegram Bot API (bench/fake_telegram.py) on
# 127.0.0.1:${CHAT_TG_PORT:-18181}; the load generator is bench/openloop.py (its docstring has the
# phases and their knobs: RATE_A, CHATS_A, RATE_B, STORM, STORM_WAIT, ...). The figures are appended
# to RESULTS_FILE as a Markdown section. MEISTER_XMX, MEISTER_GC, MEISTER_JAVA_OPTS as in bench/run.sh
# (bench/meister_java.sh: the launcher's JVM options with C2); KEEP_WORK=1 keeps the temporary
# directory (database, logs, the fake Telegram's records). Exit status 1 when an alert was missing
# or appeared twice.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT=${1:-$BENCH_DIR/results/chat.md}
JAR=$ROOT/bot/target/meister.jar
PORT=${CHAT_PORT:-18180}
TG_PORT=${CHAT_TG_PORT:-18181}
# shellcheck source=bench/meister_java.sh
. "$BENCH_DIR/meister_java.sh"
meister_java_opts "$ROOT"
FIXTURE=$ROOT/../shared/fixtures/github/workflow_run.completed.json
[[ -f $FIXTURE ]] || FIXTURE=/work/shared/fixtures/github/workflow_run.completed.json

log() { printf '[chat %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[[ -f $JAR ]] || { echo "chat.sh: build the jar first: mvn -B -q -DskipTests package" >&2; exit 2; }
for p in "$PORT" "$TG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "chat.sh: port $p is taken" >&2
    exit 2
  fi
done

WORK=$(mktemp -d /tmp/meister-chat.XXXXXX)
SERVER_PID=""
FAKE_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -z $FAKE_PID ]] || kill -TERM "$FAKE_PID" 2>/dev/null || true
  if [[ ${KEEP_WORK:-0} == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

GITHUB_WEBHOOK_SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
TELEGRAM_BOT_TOKEN=bench:$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export GITHUB_WEBHOOK_SECRET TELEGRAM_BOT_TOKEN

python3 "$BENCH_DIR/openloop.py" config "$WORK/meister-chat.yml" "$TG_PORT" "$PORT"
chats=$(grep -c 'chat_id:' "$WORK/meister-chat.yml")
python3 "$BENCH_DIR/fake_telegram.py" "$TG_PORT" "$TELEGRAM_BOT_TOKEN" "$WORK/telegram.json" - \
  "$WORK/records.jsonl" >"$WORK/telegram.log" 2>&1 &
FAKE_PID=$!
log "starting Meister (MALLOC_ARENA_MAX=$MEISTER_ARENAS java ${MEISTER_JAVA[*]}) on 127.0.0.1:$PORT with $chats Telegram chats, one route each"
(cd "$WORK" && MALLOC_ARENA_MAX=$MEISTER_ARENAS exec java "${MEISTER_JAVA[@]}" -jar "$JAR" run --config "$WORK/meister-chat.yml") \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 450); do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; exit 1; }
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/health" || true) == 200 ]] && break
  sleep 0.2
done
# Telegram connects in the background; the warm-up (its first phase) gives it time to.

START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
KNOBS=$(env | grep -E '^(WARM=|WARM_|CHATS_|RATE_|SECS_|STORM|WAIT_|POOL=|MEISTER_XMX=|MEISTER_GC=|MEISTER_JAVA_OPTS=)' | sort | tr '\n' ' ' | sed 's/ $//' || true)
set +e
MEISTER_PID=$SERVER_PID python3 "$BENCH_DIR/openloop.py" bench "http://127.0.0.1:$PORT/hooks/github" "$WORK/meister-chat.db" \
  "$WORK/records.jsonl" "$FIXTURE" "$WORK/summary.json" >"$WORK/figures.md"
rc=$?
set -e
rss=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?")
warns=$(grep -c ' WARN ' "$WORK/server.log" || true)
errors=$(grep -c ' ERROR ' "$WORK/server.log" || true)

mkdir -p "$(dirname "$OUT")"
{
  echo
  echo "## Time to chat ($START)"
  echo
  echo "\`${KNOBS:+$KNOBS }bench/chat.sh${1:+ $1}\`$([[ -n $KNOBS ]] || echo ' (the defaults)'), $(( $(date +%s) - $(date -d "$START" +%s) )) s"
  echo "on $(nproc) cores ($(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)), shared with other work: load average $LOAD_BEFORE before the run (each phase below says how much CPU Meister got),"
  echo "\`MALLOC_ARENA_MAX=$MEISTER_ARENAS java ${MEISTER_JAVA[*]}\` (the launcher's options with C2, bench/meister_java.sh) ($(java -version 2>&1 | head -1)), code at \`$(git -C "$ROOT" rev-parse --short HEAD)\`$(git -C "$ROOT" diff --quiet HEAD -- core storage bot || echo ' with uncommitted changes')."
  echo "Meister with SQLite (WAL, synchronous=FULL), Telegram pointed at \`bench/fake_telegram.py\` on loopback (answers at once, no rate limit of its own),"
  echo "a generated config of $chats Telegram chats, each with one route \`match: { source: github, repo: octo-org/<chat> }\`,"
  echo "one rotation; the load generator \`bench/openloop.py\` (stdlib Python) sends the real 21 KB \`workflow_run\` failure, each with its own repository, run id, delivery id and HMAC-SHA256 signature."
  echo "A warm-up of ${WARM:-2000} alerts as fast as they are taken over ${WARM_CHATS:-200} other chats (none folded) goes first. Meister's pace per chat: a burst of 10, then 9 a minute (with a digest a minute, at most Telegram's 20 messages a minute in a group); above it alerts are folded into a digest, at most one a minute per chat."
  echo "Peak RSS $rss MiB; server log $warns WARN, $errors ERROR lines."
  echo
  cat "$WORK/figures.md"
} | tee -a "$OUT"
exit $rc
