#!/usr/bin/env bash
# Translation memory at scale, measured in one run (issue 7):
#  - import of the real Debian gettext TM (~62k units) and synthetic 200k / 1M units
#    (../shared/bench/debian-po/README.md): seconds and peak RSS (/usr/bin/time);
#  - fuzzy lookup through the persisted index vs brute force (every segment, word Levenshtein
#    with a length pre-filter) over the same queries in the same run, both with the TM in the
#    page cache: queries/s of each, the speed-up, and whether the result sets (all matches
#    >= 70 %) are identical;
#  - a cold `tilmash tm lookup` (new process; page cache dropped when permitted) on each TM.
# Queries: stored English segments with one word dropped or replaced (so most have matches).
#   scripts/bench.sh tm        BUILD=build QUERIES=200 BRUTE=40 SKIP_1M=1 REUSE=1 scripts/bench/tm.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
nq=${QUERIES:-200}
nbrute=${BRUTE:-40}
cache=.cache/bench
po=../shared/bench/debian-po
mkdir -p "$cache"
cmake --build "$build" --target tilmash >/dev/null
tilmash=$build/tilmash

if [ ! -s "$cache/debian-po.tmx" ]; then
  echo "tm.sh: building $cache/debian-po.tmx (needs the packages in $po/README.md)" >&2
  /usr/bin/python3 "$po/build_po_tmx.py" -o "$cache/debian-po.tmx" >&2
fi
sets="debian-po:$cache/debian-po.tmx synth-200k:$cache/synth-200k.tmx"
[ "${SKIP_1M:-0}" = 1 ] || sets="$sets synth-1m:$cache/synth-1m.tmx"
for n in 200000 1000000; do
  name=$cache/synth-$((n / 1000))k.tmx
  [ "$n" = 1000000 ] && name=$cache/synth-1m.tmx
  [ "$n" = 1000000 ] && [ "${SKIP_1M:-0}" = 1 ] && continue
  [ -s "$name" ] || /usr/bin/python3 "$po/gen_synth_tmx.py" "$n" "$name" --src "$cache/debian-po.tmx" --seed 1 >&2
done

queries() {  # queries DB N SEED -> N perturbed English segments, one per line
  /usr/bin/python3 - "$@" <<'PY'
import random, sqlite3, sys
db, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
top = c.execute("SELECT max(id) FROM variants").fetchone()[0]
out = []
while len(out) < n:
    row = c.execute("SELECT text FROM variants WHERE id >= ? AND ilang = 'en' LIMIT 1",
                    (rng.randint(1, top),)).fetchone()
    if not row: continue
    words = " ".join(row[0].split()).split(" ")
    if len(words) < 3: continue
    i = rng.randrange(len(words))
    if rng.random() < 0.5: del words[i]
    else: words[i] = rng.choice(["new", "old", "user", "file", "system", "window"])
    out.append(" ".join(words))
print("\n".join(out))
PY
}

printf '%-11s %9s %9s %10s %10s %9s %9s %8s %s\n' set units import_s rss_MB index_q/s brute_q/s speedup cold_ms 'same>=70%'
for entry in $sets; do
  name=${entry%%:*}
  tmx=${entry#*:}
  db=$cache/tm-$name.db
  if [ "${REUSE:-0}" != 1 ] || [ ! -s "$db" ]; then  # REUSE=1: keep a TM from an earlier run
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -f '%e %M' -o "$cache/tm-$name.time" "$tilmash" tm import --db "$db" "$tmx" \
      2>"$cache/tm-$name.import.log"
  fi
  read -r import_s rss_kb < "$cache/tm-$name.time"
  units=$(grep -oE '[0-9]+ added' "$cache/tm-$name.import.log" | cut -d' ' -f1)
  queries "$db" "$nq" 1 > "$cache/tm-$name.q"
  head -n "$nbrute" "$cache/tm-$name.q" > "$cache/tm-$name.qb"
  # Both sides run with the TM in the page cache: brute force reads every segment before its
  # clock starts, so the index gets one untimed pass first (the previous set's cold-lookup step
  # dropped the caches). The cold case is the cold_ms column.
  "$tilmash" tm lookup --db "$db" --src en --min 70 --max 0 --queries "$cache/tm-$name.q" \
    > /dev/null 2>&1
  "$tilmash" tm lookup --db "$db" --src en --min 70 --max 0 --queries "$cache/tm-$name.q" \
    > "$cache/tm-$name.index.out" 2> "$cache/tm-$name.index.log"
  "$tilmash" tm lookup --db "$db" --src en --min 70 --max 0 --queries "$cache/tm-$name.qb" \
    --brute-force > "$cache/tm-$name.brute.out" 2> "$cache/tm-$name.brute.log"
  qps() { sed -nE 's/.*\(([0-9.e+-]+) queries\/s\).*/\1/p' "$1"; }
  iq=$(qps "$cache/tm-$name.index.log")
  bq=$(qps "$cache/tm-$name.brute.log")
  same=no
  if cmp -s <(head -n "$nbrute" "$cache/tm-$name.index.out") "$cache/tm-$name.brute.out"; then
    same=yes
  fi
  # Cold lookup: a new process, and the page cache dropped when we may.
  sync
  echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  q1=$(sed -n 7p "$cache/tm-$name.q")
  start=$(date +%s%N)
  "$tilmash" tm lookup --db "$db" --src en "$q1" > /dev/null
  cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  speedup=$(awk -v a="$iq" -v b="$bq" 'BEGIN { printf "%.0f", a / b }')
  printf '%-11s %9s %9s %10d %10.1f %9.2f %8sx %8s %s\n' "$name" "$units" "$import_s" \
    $((rss_kb / 1024)) "$iq" "$bq" "$speedup" "$cold_ms" "$same"
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); times are wall-clock on a shared machine)"
