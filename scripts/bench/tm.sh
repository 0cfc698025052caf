#!/usr/bin/env bash
# Translation memory at scale, both backends in one run (issues 7 and 18), on the real Debian
# gettext TM (../shared/bench/debian-po, 48k–62k units depending on the installed packages) and
# the synthetic 1M-unit set made from it:
#  - import with `tilmash tm import` into a SQLite file and into a PostgreSQL database:
#    seconds, the client's peak RSS (/usr/bin/time) and the TM's size on disk;
#  - fuzzy lookup (>= 70 %, 10 best, what `tm lookup` does per query) with tm_backend_bench:
#    latency p50/p95 with one client, and queries/s with 1 and with 8 concurrent clients (each
#    its own connection), after one untimed pass so both TMs are in memory; the CPU time per
#    lookup of the one-client run: the client's (the bench process, its setup included) and,
#    on the throwaway server, the server's (its postmaster and every process under it, exited
#    backends included; "-" on another server or SQLite);
#  - the same queries through `tilmash tm lookup --queries` on both backends: identical output
#    (scores, tuids, texts) or not; and the SQLite index against brute force (first BRUTE);
#  - what a user runs: a one-shot `tilmash tm lookup` (a new process and connection, caches
#    warm: median of 9 spawns, tests/bench/spawn_median), the same cold (the page cache
#    dropped when permitted), and a long-lived connection (warm_p50: one client runs the
#    queries 3 times on one connection, the last pass timed; a document pretranslated);
#  then the ratios PostgreSQL / SQLite.
# PostgreSQL: a throwaway server (scripts/pg-test-server.sh, fsync ON like a real server, default
# shared_buffers; PG_TEST_DIR and PG_TEST_PORT choose its folder and port), or TILMASH_BENCH_PG=URI of a server whose role may CREATE DATABASE; the new
# TM gets a VACUUM (ANALYZE) after its import (untimed), as after any bulk load.
# Queries: stored English segments with one word dropped or replaced (most have matches).
#   scripts/bench.sh tm        QUERIES=400 BRUTE=40 SKIP_1M=1 REUSE=1 BUILD=build scripts/bench/tm.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
nq=${QUERIES:-400}
nbrute=${BRUTE:-40}
cache=.cache/bench
po=../shared/bench/debian-po
mkdir -p "$cache"
cmake --build "$build" --target tilmash tm_backend_bench spawn_median >/dev/null
tilmash=$build/tilmash
bench=$build/tests/bench/tm_backend_bench
spawn=$build/tests/bench/spawn_median

if [ ! -s "$cache/debian-po.tmx" ]; then
  echo "tm.sh: building $cache/debian-po.tmx (needs the packages in $po/README.md)" >&2
  /usr/bin/python3 "$po/build_po_tmx.py" -o "$cache/debian-po.tmx" >&2
fi
sets="debian-po:$cache/debian-po.tmx"
if [ "${SKIP_1M:-0}" != 1 ]; then
  [ -s "$cache/synth-1m.tmx" ] ||
    /usr/bin/python3 "$po/gen_synth_tmx.py" 1000000 "$cache/synth-1m.tmx" --src "$cache/debian-po.tmx" --seed 1 >&2
  sets="$sets synth-1m:$cache/synth-1m.tmx"
fi

# The PostgreSQL server.
if [ -n "${TILMASH_BENCH_PG:-}" ]; then
  pg=$TILMASH_BENCH_PG
else
  export PG_TEST_DIR=${PG_TEST_DIR:-/tmp/tilmash-pg-bench} PG_TEST_PORT=${PG_TEST_PORT:-55435} PG_TEST_FSYNC=on
  [ "${REUSE:-0}" = 1 ] || trap 'scripts/pg-test-server.sh stop' EXIT
  pg=$(scripts/pg-test-server.sh start)
fi
# CPU ticks of the throwaway server so far: its postmaster, the children it reaped (a closed
# connection's backend) and the live ones.
server_ticks() {
  local pm
  pm=$(head -n 1 "${PG_TEST_DIR:-/nonexistent}/data/postmaster.pid" 2>/dev/null) || return 0
  # shellcheck disable=SC2046
  awk '{ t += $14 + $15 + $16 + $17 } END { print t }' /proc/"$pm"/stat \
    $(pgrep -P "$pm" | sed 's|.*|/proc/&/stat|') 2>/dev/null || true
}
tick=$(getconf CLK_TCK)
pgdb() { printf '%s\n' "$pg" | sed -E "s|^(postgresql://[^/]*/)[^?]*|\1$1|"; }
psql_pg() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 "$pg" "$@"; }

queries() {  # queries TMX N SEED -> N perturbed English segments of the TMX, one per line
  /usr/bin/python3 - "$@" <<'PY'
import html, os, random, re, sys
path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
size = os.path.getsize(path)
seg = re.compile(r'<tuv xml:lang="en(?:-[A-Za-z]+)?"[^>]*>\s*<seg>([^<]*)</seg>')
out = []
with open(path, "rb") as f:
    while len(out) < n:
        f.seek(rng.randrange(size))
        m = seg.search(f.read(20000).decode("utf-8", "ignore"))
        if not m: continue
        words = " ".join(html.unescape(m.group(1)).split()).split(" ")
        if len(words) < 3: continue
        i = rng.randrange(len(words))
        if rng.random() < 0.5: del words[i]
        else: words[i] = rng.choice(["new", "old", "user", "file", "system", "window"])
        out.append(" ".join(words))
print("\n".join(out))
PY
}
field() { sed -nE "s/.* $1 ([0-9.]+).*/\1/p" <<<"$2"; }

results=()
for entry in $sets; do
  name=${entry%%:*}
  tmx=${entry#*:}
  queries "$tmx" "$nq" 1 > "$cache/tm-$name.q"
  head -n "$nbrute" "$cache/tm-$name.q" > "$cache/tm-$name.qb"
  for backend in sqlite postgres; do
    tag=$name-$backend
    if [ "$backend" = sqlite ]; then
      db=$cache/tm-$name.db
      fresh() { rm -f "$db" "$db-wal" "$db-shm"; }
      size_mb() { du -m "$db" | cut -f1; }
    else
      dbname=bench_${name//-/_}
      db=$(pgdb "$dbname")
      fresh() { psql_pg -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname"; }
      size_mb() { psql_pg -c "SELECT pg_database_size('$dbname') / 1048576"; }
    fi
    if [ "${REUSE:-0}" != 1 ] || [ ! -s "$cache/tm-$tag.time" ]; then  # REUSE=1: keep earlier TMs
      fresh
      /usr/bin/time -f '%e %M' -o "$cache/tm-$tag.time" "$tilmash" tm import --db "$db" "$tmx" \
        2>"$cache/tm-$tag.import.log"
    fi
    # After a bulk load a PostgreSQL server sets hint bits and autovacuum analyses the new
    # tables on the first reads: done here, untimed, so the lookups measure the steady state.
    [ "$backend" = postgres ] && PGOPTIONS="-c client_min_messages=error" psql -X -q "$db" -c "VACUUM (ANALYZE)"
    read -r import_s rss_kb < "$cache/tm-$tag.time"
    units=$(grep -oE '[0-9]+ added' "$cache/tm-$tag.import.log" | cut -d' ' -f1)
    "$bench" --db "$db" --queries "$cache/tm-$name.q" --clients 1 >/dev/null  # warm
    s0=
    if [ "$backend" = postgres ] && [ -z "${TILMASH_BENCH_PG:-}" ]; then s0=$(server_ticks); fi
    one=$(/usr/bin/time -f '%U %S' -o "$cache/tm-$tag.cpu" \
      "$bench" --db "$db" --queries "$cache/tm-$name.q" --clients 1)
    srv_ms=-
    if [ -n "$s0" ]; then
      srv_ms=$(awk -v a="$s0" -v b="$(server_ticks)" -v t="$tick" -v n="$nq" \
        'BEGIN { printf "%.3f", (b - a) * 1000 / t / n }')
    fi
    cli_ms=$(awk -v n="$nq" '{ printf "%.3f", ($1 + $2) * 1000 / n }' "$cache/tm-$tag.cpu")
    eight=$("$bench" --db "$db" --queries "$cache/tm-$name.q" --clients 8)
    warm=$("$bench" --db "$db" --queries "$cache/tm-$name.q" --clients 1 --passes 3)
    read -r cli1_ms _ < <("$spawn" 9 "$tilmash" tm lookup --db "$db" --src en \
      "$(sed -n 7p "$cache/tm-$name.q")")
    "$tilmash" tm lookup --db "$db" --src en --min 70 --max 0 --queries "$cache/tm-$name.q" \
      > "$cache/tm-$tag.index.out" 2>/dev/null
    brute=-
    if [ "$backend" = sqlite ]; then
      "$tilmash" tm lookup --db "$db" --src en --min 70 --max 0 --queries "$cache/tm-$name.qb" \
        --brute-force > "$cache/tm-$tag.brute.out" 2>/dev/null
      brute=no
      cmp -s <(head -n "$nbrute" "$cache/tm-$tag.index.out") "$cache/tm-$tag.brute.out" && brute=yes
      same=-
    else
      same=no
      cmp -s "$cache/tm-$name-sqlite.index.out" "$cache/tm-$tag.index.out" && same=yes
    fi
    sync
    echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
    start=$(date +%s%N)
    "$tilmash" tm lookup --db "$db" --src en "$(sed -n 7p "$cache/tm-$name.q")" > /dev/null
    cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    results+=("$name $backend $units $import_s $((rss_kb / 1024)) $(size_mb) $(field p50_ms "$one") \
$(field p95_ms "$one") $(field qps "$one") $(field qps "$eight") $(field p95_ms "$eight") $cold_ms $brute $same \
$cli_ms $srv_ms $(field p50_ms "$warm") $cli1_ms")
  done
done

fmt='%-10s %-8s %8s %8s %6s %7s %7s %7s %8s %8s %9s %7s %6s %7s %8s %8s %8s %7s\n'
# shellcheck disable=SC2059
printf "$fmt" set backend units import_s rss_MB size_MB p50_ms p95_ms q/s_1 q/s_8 p95_8_ms \
  cold_ms =brute =sqlite cli_cpu srv_cpu warm_p50 cli_ms
for r in "${results[@]}"; do
  # shellcheck disable=SC2086,SC2059
  printf "$fmt" $r
done
echo "(p50_ms, p95_ms: the one-client run, 400 lookups on a new connection; warm_p50: the third"
echo " pass over them on one connection; cli_ms: a one-shot \`tm lookup\` with warm caches, median of 9;"
echo " cold_ms: the same after dropping the page cache; cli_cpu, srv_cpu: CPU ms per lookup of the"
echo " one-client run, the client's and the server's)"
# Whether the throwaway server's shared memory is in huge pages (huge_pages=try, the default,
# takes them when the host has reserved some: vm.nr_hugepages). Each new backend maps the
# shared buffers it touches; with 4 KiB pages that is a page fault per 64 KiB or so, which on
# the test machine made a 400-lookup connection's server CPU 2.7x larger (docs/ARCHITECTURE.md,
# "Fuzzy index").
if [ -z "${TILMASH_BENCH_PG:-}" ] && pm=$(head -n 1 "$PG_TEST_DIR/data/postmaster.pid" 2>/dev/null); then
  if grep -q 'KernelPageSize: *2048 kB' "/proc/$pm/smaps" 2>/dev/null; then
    echo "(server shared memory: huge pages; host HugePages_Total $(awk '/HugePages_Total/ {print $2}' /proc/meminfo))"
  else
    echo "(server shared memory: 4 KiB pages; host HugePages_Total $(awk '/HugePages_Total/ {print $2}' /proc/meminfo))"
  fi
fi
echo "ratios postgres/sqlite (import time, p50, p95, q/s with 1 and 8 clients, cold):"
for entry in $sets; do
  name=${entry%%:*}
  s=$(printf '%s\n' "${results[@]}" | awk -v n="$name" '$1 == n && $2 == "sqlite"')
  p=$(printf '%s\n' "${results[@]}" | awk -v n="$name" '$1 == n && $2 == "postgres"')
  awk -v s="$s" -v p="$p" -v n="$name" 'BEGIN {
    split(s, a, " "); split(p, b, " ");
    printf "%-10s import %.2fx  p50 %.2fx  p95 %.2fx  q/s_1 %.2fx  q/s_8 %.2fx  cold %.2fx  warm_p50 %.2fx  cli %.2fx\n",
      n, b[4] / a[4], b[7] / a[7], b[8] / a[8], b[9] / a[9], b[10] / a[10], b[12] / a[12],
      b[17] / a[17], b[18] / a[18] }'
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; times are wall-clock on a shared machine)"
