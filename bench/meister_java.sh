# shellcheck shell=bash
# Sourced by bench/run.sh and bench/chat.sh: the JVM options Meister is measured with.
#
# They are the launcher's own (`MEISTER_PRINT_JAVA_OPTS=1 ./meister run`: heap, collector, caps,
# native-heap trimming), so the bench measures the process a team runs, with two differences:
#   - C2 is on (-XX:TieredStopAtLevel=4). The launcher leaves it out for a quick start; at full
#     load C2 takes about 60% more webhooks a second (2,452 and 2,586/s against 1,598 and 1,522/s
#     with C1 alone, interleaved runs on 2 cores) and about 50 MiB more resident memory.
#   - No class-data archive: an archive belongs to one jar, and MEISTER_JAR may name another.
# Knobs: MEISTER_XMX (a heap ceiling instead of the launcher's), MEISTER_GC (a collector instead of
# its Serial GC; empty: the JVM's default), MEISTER_JAVA_OPTS (appended last; HotSpot takes the
# last of a repeated flag). MALLOC_ARENA_MAX is 2 as in the launcher unless set.

# meister_java_opts ROOT: sets MEISTER_ARENAS (MALLOC_ARENA_MAX for the JVM alone, not for wrk or
# Alertmanager) and fills the array MEISTER_JAVA with the options.
meister_java_opts() {
  local root=$1 o
  MEISTER_JAVA=()
  while IFS= read -r o; do
    case $o in
      -XX:TieredStopAtLevel=1) continue ;;
      -XX:+UseSerialGC) [[ -n ${MEISTER_GC+set} ]] && continue ;;
      -Xmx*) [[ -n ${MEISTER_XMX:-} ]] && o=-Xmx$MEISTER_XMX ;;
    esac
    MEISTER_JAVA+=("$o")
  done < <(MEISTER_CDS=0 MEISTER_JAVA_OPTS=-XX:TieredStopAtLevel=4 MEISTER_PRINT_JAVA_OPTS=1 \
    "$root/meister" run)
  # shellcheck disable=SC2206 # both are lists of options, split on spaces
  MEISTER_JAVA+=(${MEISTER_GC:-} ${MEISTER_JAVA_OPTS:-})
  MEISTER_ARENAS=${MALLOC_ARENA_MAX:-2}
}
