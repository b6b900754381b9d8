#!/usr/bin/env bash
# Two `meister run` instances on one PostgreSQL, the leader killed with SIGKILL in the middle of a
# storm of signed webhooks spread over both (issue #16). Prints its counts and writes them to
# bench/results/failover.md; exits 1 when a check fails (see bench/failover.py for each check).
#
#   bench/failover.sh [WEBHOOKS=600] [KILL_AFTER=0.4]
#
# Needs bot/target/meister.jar (mvn -B -q -DskipTests package), python3 and psql. Starts a
# throw-away PostgreSQL cluster from Debian's postgresql package (installed when missing) on a free
# loopback port, unless MEISTER_BENCH_PG_URL (a JDBC URL of a server's maintenance database, e.g.
# jdbc:postgresql://127.0.0.1:5432/postgres) and MEISTER_BENCH_PG_USER name one.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR=$ROOT/bot/target/meister.jar
[[ -f $JAR ]] || { echo "failover.sh: build the jar first: mvn -B -q -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d /tmp/meister-failover.XXXXXX)
as=()
pg_bin=""
cleanup() {
  if [[ -n $pg_bin ]]; then
    "${as[@]}" "$pg_bin/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [[ ${KEEP_WORK:-0} == 1 ]] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z ${MEISTER_BENCH_PG_URL:-} ]]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    sudo=""; (( EUID == 0 )) || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")
  mkdir -p "$WORK/pg"
  chmod 711 "$WORK" # the server runs as postgres when we are root: it must reach its folder
  if (( EUID == 0 )); then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$WORK/pg"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$pg_bin/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 >/dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$pg_bin/pg_ctl" -D "$WORK/pg/data" -w -l "$WORK/pg/server.log" \
    -o "-p $port -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
  MEISTER_BENCH_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  MEISTER_BENCH_PG_USER=postgres
fi
user=${MEISTER_BENCH_PG_USER:-postgres}
admin=${MEISTER_BENCH_PG_URL#jdbc:}
admin=${admin/postgresql:\/\//postgresql://$user@}
db=meister_failover_$$
psql -Atq "$admin" -c "CREATE DATABASE $db" >/dev/null
url="${MEISTER_BENCH_PG_URL%/*}/$db"

started=$(date -u +%Y-%m-%dT%H:%MZ)
set +e
out=$(python3 "$BENCH_DIR/failover.py" "$JAR" "$url" "$user" "$WORK" "${1:-600}" "${2:-0.4}")
rc=$?
set -e
echo "$out"
mkdir -p "$BENCH_DIR/results"
{
  echo "# Fail-over run, $started"
  echo
  echo "Command: \`bench/failover.sh ${1:-600} ${2:-0.4}\` ($(nproc) cores, $(java -version 2>&1 | head -n 1))"
  echo
  echo '```'
  echo "$out"
  echo '```'
} >"$BENCH_DIR/results/failover.md"
psql -Atq "$admin" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1 || true
exit $rc
