#!/usr/bin/env bash
# Side-by-side webhook intake benchmark: Prometheus Alertmanager, then Meister, in one run.
#
#   bench/run.sh [DURATION_SECONDS=30] [CONNECTIONS=64] [THREADS=2]
#
# Needs bot/target/meister.jar (build it with `mvn -B -q -DskipTests package`); installs wrk,
# prometheus-alertmanager and sqlite3 with apt-get when missing. Everything listens on and is
# loaded through 127.0.0.1 only. The load generator (wrk) and the server share the same cores of
# this machine: nothing is pinned. Results: a Markdown table on stdout and in
# bench/results/latest.md. Environment knobs: WARMUP (seconds, default 30), WRK_TIMEOUT (default
# 10s), MEISTER_XMX, MEISTER_GC and MEISTER_JAVA_OPTS (see bench/meister_java.sh: by default Meister
# runs with the launcher's JVM options, C2 included), MEISTER_JAR (another jar, e.g. for A/B runs),
# SYSTEMS (default "alertmanager meister": whose intake to measure), PARTS (default "chat startup":
# which of bench/chat.sh and bench/startup.sh run after the intake, appending to latest.md),
# KEEP_WORK=1 keeps the temporary directory for inspection.
set -euo pipefail

DURATION=${1:-30}
CONNECTIONS=${2:-64}
THREADS=${3:-2}
WARMUP=${WARMUP:-30}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
SYSTEMS=${SYSTEMS:-alertmanager meister}
MEISTER_PORT=18080
TELEGRAM_PORT=18081
AM_PORT=19093

for v in DURATION CONNECTIONS THREADS WARMUP; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]] || (( ${!v} < 1 )); then
    echo "run.sh: $v must be a positive integer, got '${!v}'" >&2
    exit 2
  fi
done
if (( CONNECTIONS < THREADS )); then
  echo "run.sh: CONNECTIONS ($CONNECTIONS) must be at least THREADS ($THREADS)" >&2
  exit 2
fi
if (( DURATION > 3600 )); then
  echo "run.sh: DURATION is capped at 3600 s" >&2
  exit 2
fi

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=${MEISTER_JAR:-$ROOT/bot/target/meister.jar}
# shellcheck source=bench/meister_java.sh
. "$BENCH_DIR/meister_java.sh"
meister_java_opts "$ROOT"
FIXTURE=${FIXTURE:-$ROOT/../shared/fixtures/github/workflow_run.completed.json}
[[ -f $FIXTURE ]] || FIXTURE=/work/shared/fixtures/github/workflow_run.completed.json
RESULTS=$BENCH_DIR/results
export BENCH_LUA_DIR=$BENCH_DIR/lua

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- tools
install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  (( ${#missing[@]} == 0 )) && return 0
  log "installing ${missing[*]} with apt-get"
  local sudo=""
  (( EUID == 0 )) || sudo=sudo
  timeout 300 $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_missing
command -v java >/dev/null || { echo "run.sh: java (17+) is needed" >&2; exit 2; }

# ---------------------------------------------------------------- processes and clean-up
WORK=$(mktemp -d /tmp/meister-bench.XXXXXX)
SERVER_PID=""
KILLED=()

stop_server() {
  local pid=${SERVER_PID}
  [[ -n $pid ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do                    # up to 30 s for a clean shut-down
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "process $pid did not stop in 30 s after SIGTERM: SIGKILL"
      KILLED+=("$pid")
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  SERVER_PID=""
}

FAKE_TELEGRAM_PID=""
cleanup() {
  stop_server
  [[ -z $FAKE_TELEGRAM_PID ]] || kill -TERM "$FAKE_TELEGRAM_PID" 2>/dev/null || true
  if [[ ${KEEP_WORK:-0} == 1 ]]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_ready URL SECONDS: polls until URL answers 200, or the server died, or time ran out.
wait_ready() {
  local url=$1 limit=$2 i
  for (( i = 0; i < limit * 5; i++ )); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      return 1
    fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# Peak resident set (VmHWM) of a process, in MiB.
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  local tck
  tck=$(getconf CLK_TCK)
  # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that closes the command name.
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk -v t="$tck" '{ printf "%.1f", ($12 + $13) / t }'
}

# run_wrk OUT_FILE DURATION SCRIPT URL [SCRIPT_ARGS...]
run_wrk() {
  local out=$1 secs=$2 script=$3 url=$4
  shift 4
  timeout $(( secs + 60 )) wrk --latency -t "$THREADS" -c "$CONNECTIONS" -d "${secs}s" \
    --timeout "$WRK_TIMEOUT" -s "$script" "$url" -- "$@" >"$out" 2>&1 || {
    log "wrk failed (exit $?); its output:"
    cat "$out" >&2
    return 1
  }
}

# field FILE KEY: a key=value from the BENCH line that the wrk scripts print in done().
field() {
  grep '^BENCH ' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'
}

ms() { awk -v us="$1" 'BEGIN { printf (us < 10000 ? "%.2f ms" : "%.0f ms"), us / 1000 }'; }

ROWS=()
DETAILS=()
STATUS=0

# row SYSTEM WRK_OUT RSS EXACTLY_ONCE: one table row from a measured wrk run.
row() {
  local system=$1 out=$2 rss=$3 once=$4
  local dur req acc non2xx errs body rate
  dur=$(field "$out" duration_us)
  req=$(field "$out" requests)
  acc=$(field "$out" accepted)
  non2xx=$(field "$out" non2xx)
  body=$(field "$out" body_bytes)
  errs=$(( $(field "$out" err_connect) + $(field "$out" err_read) + $(field "$out" err_write) \
    + $(field "$out" err_timeout) ))
  rate=$(awk -v a="$acc" -v d="$dur" 'BEGIN { printf "%.0f", a / (d / 1e6) }')
  ROWS+=("| $system | $(awk -v b="$body" 'BEGIN { printf (b >= 1024 ? "%.1f KB" : "%d B"), (b >= 1024 ? b / 1024 : b) }') | $rate | $(ms "$(field "$out" p50_us)") | $(ms "$(field "$out" p99_us)") | $errs / $non2xx | ${rss} MiB | $once |")
  DETAILS+=("- **$system**: $req requests in $(awk -v d="$dur" 'BEGIN { printf "%.1f", d / 1e6 }') s, status codes \`$(grep '^CODES ' "$out" | cut -d' ' -f2-)\`, p90 $(ms "$(field "$out" p90_us)"), max $(ms "$(field "$out" max_us)"); socket errors connect/read/write/timeout $(field "$out" err_connect)/$(field "$out" err_read)/$(field "$out" err_write)/$(field "$out" err_timeout)")
  while IFS= read -r s; do
    DETAILS+=("  - non-2xx sample: \`${s#SAMPLE }\`")
  done < <(grep '^SAMPLE ' "$out" || true)
}

# ---------------------------------------------------------------- Alertmanager
bench_alertmanager() {
  local dir=$WORK/alertmanager url=http://127.0.0.1:$AM_PORT
  mkdir -p "$dir/data"
  if ! port_free "$AM_PORT"; then
    log "port $AM_PORT is taken: Alertmanager not measured"
    ROWS+=("| Alertmanager | – | – | – | – | – | – | not run: port $AM_PORT taken |")
    STATUS=1
    return
  fi
  log "starting Alertmanager $(prometheus-alertmanager --version 2>&1 | head -1 | awk '{ print $3 }') on 127.0.0.1:$AM_PORT"
  prometheus-alertmanager --config.file="$BENCH_DIR/alertmanager-bench.yml" \
    --storage.path="$dir/data" --web.listen-address="127.0.0.1:$AM_PORT" \
    --cluster.listen-address= --log.level=warn >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  if ! wait_ready "$url/-/ready" 30; then
    log "Alertmanager did not become ready; its log:"
    tail -20 "$dir/server.log" >&2
    stop_server
    ROWS+=("| Alertmanager | – | – | – | – | – | – | not run: did not start |")
    STATUS=1
    return
  fi
  log "Alertmanager ready (pid $SERVER_PID); warm-up ${WARMUP}s"
  export BENCH_ACCEPTED_CODE=200
  run_wrk "$dir/warmup.out" "$WARMUP" "$BENCH_LUA_DIR/alertmanager.lua" "$url" "warm-$$"
  log "measuring ${DURATION}s"
  local cpu0 cpu1 rss
  cpu0=$(cpu_seconds "$SERVER_PID")
  run_wrk "$dir/run.out" "$DURATION" "$BENCH_LUA_DIR/alertmanager.lua" "$url" "run-$$"
  cpu1=$(cpu_seconds "$SERVER_PID")
  rss=$(peak_rss_mib "$SERVER_PID")
  local alerts
  alerts=$(curl -s --max-time 20 "$url/metrics" \
    | awk '/^alertmanager_alerts_received_total/ { n += $2 } END { printf "%d", n }' || true)
  stop_server
  row "Alertmanager" "$dir/run.out" "$rss" "n/a (in memory; ${alerts:-?} alerts received)"
  DETAILS+=("  - server CPU during the run: $(awk -v a="$cpu0" -v b="$cpu1" -v d="$DURATION" 'BEGIN { printf "%.1f s (%.2f cores)", b - a, (b - a) / d }'); log lines: $(wc -l <"$dir/server.log")")
  cp "$dir/run.out" "$RESULTS/latest-alertmanager-wrk.txt"
}

# ---------------------------------------------------------------- Meister
bench_meister() {
  local dir=$WORK/meister url=http://127.0.0.1:$MEISTER_PORT
  mkdir -p "$dir"
  if [[ ! -f $JAR ]]; then
    log "$JAR is missing: build it with \`mvn -B -q -DskipTests package\` in $ROOT"
    ROWS+=("| Meister | – | – | – | – | – | – | not run: bot/target/meister.jar missing |")
    STATUS=1
    return
  fi
  if ! port_free "$MEISTER_PORT"; then
    log "port $MEISTER_PORT is taken: Meister not measured"
    ROWS+=("| Meister | – | – | – | – | – | – | not run: port $MEISTER_PORT taken |")
    STATUS=1
    return
  fi
  GITHUB_WEBHOOK_SECRET=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  export GITHUB_WEBHOOK_SECRET
  local signature
  signature=$(python3 "$BENCH_DIR/make_body.py" "$FIXTURE" "$dir/body.json")
  log "body: $(wc -c <"$dir/body.json") bytes, conclusion $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["workflow_run"]["conclusion"])' "$dir/body.json")"
  # Telegram is enabled and pointed at a local fake Bot API, so alert posts and storm digests are
  # delivered while the webhooks pour in: the whole relay is measured, nothing leaves the machine.
  TELEGRAM_BOT_TOKEN=bench:$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  export TELEGRAM_BOT_TOKEN
  python3 "$BENCH_DIR/fake_telegram.py" "$TELEGRAM_PORT" "$TELEGRAM_BOT_TOKEN" "$dir/telegram.json" \
    >"$dir/telegram.log" 2>&1 &
  FAKE_TELEGRAM_PID=$!
  log "starting Meister (MALLOC_ARENA_MAX=$MEISTER_ARENAS java ${MEISTER_JAVA[*]}) on 127.0.0.1:$MEISTER_PORT, database in $dir"
  (cd "$dir" && MALLOC_ARENA_MAX=$MEISTER_ARENAS exec java "${MEISTER_JAVA[@]}" -jar "$JAR" run --config "$BENCH_DIR/meister-bench.yml") \
    >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  if ! wait_ready "$url/health" 90; then
    log "Meister did not become healthy; its log:"
    tail -30 "$dir/server.log" >&2
    stop_server
    ROWS+=("| Meister | – | – | – | – | – | – | not run: did not start (see log) |")
    STATUS=1
    return
  fi
  log "Meister healthy (pid $SERVER_PID); warm-up ${WARMUP}s"
  export BENCH_ACCEPTED_CODE=202
  local tag=bench-$$-$(date +%s)
  BENCH_IDS_FILE=$dir/warmup.ids run_wrk "$dir/warmup.out" "$WARMUP" "$BENCH_LUA_DIR/meister.lua" \
    "$url/hooks/github" "$tag-warm" "$dir/body.json" "$signature"
  log "measuring ${DURATION}s"
  local cpu0 cpu1 rss heap
  cpu0=$(cpu_seconds "$SERVER_PID")
  BENCH_IDS_FILE=$dir/run.ids run_wrk "$dir/run.out" "$DURATION" "$BENCH_LUA_DIR/meister.lua" \
    "$url/hooks/github" "$tag-run" "$dir/body.json" "$signature"
  cpu1=$(cpu_seconds "$SERVER_PID")
  rss=$(peak_rss_mib "$SERVER_PID")
  heap=$(timeout 20 jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | grep -m1 -iE 'heap|total' | sed 's/^ *//' || true)
  # A repeated delivery must answer 200 and store nothing new. The id is taken from the database:
  # wrk calls request() once before the run to check it, so "<tag>-t1-1" is never sent.
  local rows_before dup_code rows_after dup_id
  rows_before=$(sqlite3 "$dir/meister-bench.db" "SELECT COUNT(*) FROM alerts" 2>/dev/null || echo "?")
  dup_id=$(sqlite3 "$dir/meister-bench.db" \
    "SELECT substr(dedup_key, 8) FROM alerts WHERE dedup_key LIKE 'github:$tag-run-%' ORDER BY id LIMIT 1" 2>/dev/null || true)
  dup_code=$(curl -s -o "$dir/dup.json" -w '%{http_code}' --max-time 10 -X POST "$url/hooks/github" \
    -H 'Content-Type: application/json' -H 'X-GitHub-Event: workflow_run' \
    -H "X-GitHub-Delivery: ${dup_id:-none}" -H "X-Hub-Signature-256: $signature" \
    --data-binary "@$dir/body.json" || true)
  rows_after=$(sqlite3 "$dir/meister-bench.db" "SELECT COUNT(*) FROM alerts" 2>/dev/null || echo "?")
  stop_server
  kill -TERM "$FAKE_TELEGRAM_PID" 2>/dev/null || true
  wait "$FAKE_TELEGRAM_PID" 2>/dev/null || true

  local accepted warm_accepted db_rows db_keys once check
  accepted=$(field "$dir/run.out" accepted)
  warm_accepted=$(field "$dir/warmup.out" accepted)
  local expected=$(( accepted + warm_accepted ))
  # The standard count, with the sqlite3 command-line tool ...
  read -r db_rows db_keys < <(sqlite3 -separator ' ' "$dir/meister-bench.db" \
    "SELECT COUNT(*), COUNT(DISTINCT dedup_key) FROM alerts" 2>/dev/null || echo "? ?")
  # ... and the cross-check of every id a 202 named against the stored alerts and outbox rows.
  check=$(python3 "$BENCH_DIR/check_db.py" "$dir/meister-bench.db" "$dir/warmup.ids" "$dir/run.ids" \
    2>&1 || true)
  kv() { printf '%s\n' "$check" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
  local uncounted
  uncounted=$(kv uncounted)
  # wrk stops with up to CONNECTIONS requests in flight, at the end of the warm-up and of the run:
  # Meister may commit those after wrk stopped listening, so up to 2 x CONNECTIONS stored alerts
  # can have no counted 202. Anything else is a failure of exactly-once.
  if [[ $db_rows == "$db_keys" && $(kv accepted) == "$expected" \
        && $(kv accepted_distinct) == "$expected" && $(kv missing) == 0 && $(kv unnamed) == 0 \
        && $(kv outbox_not_one) == 0 && $uncounted =~ ^[0-9]+$ \
        && $uncounted -le $(( 2 * CONNECTIONS )) && $(( db_rows - uncounted )) == "$expected" \
        && $dup_code == 200 && $rows_before == "$rows_after" ]]; then
    if (( uncounted == 0 )); then
      once="yes: $db_rows rows = $db_keys keys = 202s"
    else
      once="yes: all $expected 202s stored once (+$uncounted in flight at wrk stop)"
    fi
  else
    once="**NO**: rows $db_rows, keys $db_keys, 202s $expected; $check; dup → $dup_code"
    STATUS=1
  fi
  row "Meister" "$dir/run.out" "$rss" "$once"
  (( ${#KILLED[@]} == 0 )) || DETAILS+=("  - did not stop within 30 s of SIGTERM: killed")
  DETAILS+=("  - repeated delivery: \`${dup_id:-none}\`")
  local sends digests states
  sends=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sendmessage"])' "$dir/telegram.json" 2>/dev/null || echo "?")
  digests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["digests"])' "$dir/telegram.json" 2>/dev/null || echo "?")
  states=$(sqlite3 -separator ' ' "$dir/meister-bench.db" \
    "SELECT group_concat(state || ' ' || n, ', ') FROM (SELECT state, COUNT(*) AS n FROM outbox GROUP BY state)" 2>/dev/null || echo "?")
  DETAILS+=("  - relay to the fake Telegram Bot API during the test: $sends messages sent, of which $digests storm digests (Telegram allows about 20 a minute in a group; the rest of the storm is folded into digests and stays ackable); outbox rows by state: $states")
  DETAILS+=("  - exactly-once: \`SELECT COUNT(*), COUNT(DISTINCT dedup_key) FROM alerts\` = $db_rows, $db_keys; 202s warm-up $warm_accepted + run $accepted = $expected; cross-check \`$check\`; a repeated delivery id answered $dup_code ($(head -c 120 "$dir/dup.json" 2>/dev/null)), alerts $rows_before → $rows_after")
  DETAILS+=("  - server CPU during the run: $(awk -v a="$cpu0" -v b="$cpu1" -v d="$DURATION" 'BEGIN { printf "%.1f s (%.2f cores)", b - a, (b - a) / d }'); heap after the run: ${heap:-?}")
  local warns errors
  warns=$(grep -c ' WARN ' "$dir/server.log" || true)
  errors=$(grep -c ' ERROR ' "$dir/server.log" || true)
  DETAILS+=("  - server log: $(wc -l <"$dir/server.log") lines, $warns WARN, $errors ERROR; database $(du -sh "$dir" | cut -f1) (with body and log)")
  while IFS= read -r line; do
    DETAILS+=("    - \`$(printf '%s' "$line" | cut -c1-220)\`")
  done < <({ grep -E ' (WARN|ERROR) ' "$dir/server.log" \
      | sed -E 's/^[0-9:.]+ +//; s/\[[^]]*\] //; s/[0-9]+/N/g'
    grep -E '^(Caused by: )?[a-zA-Z0-9_.$]+(Exception|Error)\b' "$dir/server.log" | cut -c1-160; } \
    | sort | uniq -c | sort -rn | head -6 || true)
  cp "$dir/run.out" "$RESULTS/latest-meister-wrk.txt"
}

# ---------------------------------------------------------------- run and report
mkdir -p "$RESULTS"
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
log "duration ${DURATION}s, $CONNECTIONS connections, $THREADS wrk threads, warm-up ${WARMUP}s; $(nproc) cores shared by wrk and the server"
[[ " $SYSTEMS " == *" alertmanager "* ]] && bench_alertmanager
[[ " $SYSTEMS " == *" meister "* ]] && bench_meister

{
  echo "## Webhook intake, side by side ($START)"
  echo
  echo "\`bench/run.sh $DURATION $CONNECTIONS $THREADS\` on $(nproc) cores ($(uname -m), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)); wrk $THREADS threads, $CONNECTIONS connections, ${DURATION}s after a ${WARMUP}s warm-up, timeout $WRK_TIMEOUT; wrk and each server share the same cores (nothing pinned). Meister: \`MALLOC_ARENA_MAX=$MEISTER_ARENAS java ${MEISTER_JAVA[*]}\` ($(java -version 2>&1 | head -1); the launcher's options with C2, bench/meister_java.sh), signed \`workflow_run\` failures, each committed to SQLite (WAL, synchronous=FULL) with its outbox row before the 202. Alertmanager: $(prometheus-alertmanager --version 2>&1 | head -1 | awk '{ print $3 }'), one-alert arrays to \`/api/v2/alerts\`, null receiver, kept in memory."
  echo
  echo "| system | payload | accepted req/s | p50 | p99 | socket errors / non-2xx | peak RSS | exactly once |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  printf '%s\n' "${DETAILS[@]}"
} | tee "$RESULTS/latest.md"

# The rest of issue #17's figures, appended below the intake table: time to chat and the storm
# (bench/chat.sh), then start-up and idle footprint (bench/startup.sh). PARTS picks them.
PARTS=${PARTS:-chat startup}
if [[ " $PARTS " == *" chat "* ]]; then
  log "time to chat and the storm: bench/chat.sh"
  echo >>"$RESULTS/latest.md"
  "$BENCH_DIR/chat.sh" "$RESULTS/latest.md" || STATUS=1
fi
if [[ " $PARTS " == *" startup "* ]]; then
  log "start-up and idle footprint: bench/startup.sh"
  echo >>"$RESULTS/latest.md"
  "$BENCH_DIR/startup.sh" "$RESULTS/latest.md" || STATUS=1
fi
exit "$STATUS"
