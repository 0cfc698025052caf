#!/usr/bin/env bash
# SIGKILLs `tilmash tm import` at random moments (N times, default 20), each time on a fresh
# copy of a TM holding BASE units, then checks that SQLite's integrity_check is "ok" and the
# unit count is BASE or BASE+ADDED (the import is one transaction), never in between.
# usage: kill_import.sh TILMASH [N]
set -euo pipefail
tilmash=$1
n=${2:-20}
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 0; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

here=$(cd "$(dirname "$0")" && pwd)
gen() { python3 "$here/gen_tmx.py" "$@"; }  # gen FILE FIRST COUNT: distinct trilingual units
check() {  # check DB: prints "integrity count"
  python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA integrity_check").fetchone()[0], c.execute("SELECT count(*) FROM units").fetchone()[0])
PY
}

gen "$dir/base.tmx" 1 200
gen "$dir/add.tmx" 100000 2500
"$tilmash" tm import --db "$dir/base.db" "$dir/base.tmx" 2>/dev/null
base=200
added=2500
# How long a whole import takes here, so kills land before, during and after the commit.
cp "$dir/base.db" "$dir/t.db"
start=$(date +%s%N)
"$tilmash" tm import --db "$dir/t.db" "$dir/add.tmx" 2>/dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
read -r ok count < <(check "$dir/t.db")
[ "$ok" = ok ] && [ "$count" -eq $((base + added)) ] || { echo "uninterrupted import: $ok $count"; exit 1; }

fails=0
killed_mid=0
for i in $(seq 1 "$n"); do
  rm -f "$dir"/w.db*
  cp "$dir/base.db" "$dir/w.db"
  delay_ms=$(( RANDOM % (full_ms + full_ms / 5 + 1) ))
  "$tilmash" tm import --db "$dir/w.db" "$dir/add.tmx" 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep 0
  if kill -9 "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
  wait "$pid" 2>/dev/null || true
  read -r ok count < <(check "$dir/w.db")
  if [ "$ok" != ok ] || { [ "$count" -ne $base ] && [ "$count" -ne $((base + added)) ]; }; then
    echo "kill $i after ${delay_ms} ms: integrity=$ok units=$count (expected $base or $((base + added)))"
    fails=$((fails + 1))
  fi
done
# A full disk, simulated with a file size limit (writes fail with EFBIG): exit 4, TM intact.
rm -f "$dir"/w.db*
cp "$dir/base.db" "$dir/w.db"
set +e
(trap '' XFSZ; ulimit -f $(( $(stat -c %s "$dir/base.db") / 1024 + 64 )); \
  "$tilmash" tm import --db "$dir/w.db" "$dir/add.tmx" 2>"$dir/full.err")
rc=$?
set -e
read -r ok count < <(check "$dir/w.db")
if [ $rc -ne 4 ] || [ "$ok" != ok ] || [ "$count" -ne $base ]; then
  echo "full disk: exit $rc ($(cat "$dir/full.err")), integrity=$ok units=$count"
  fails=$((fails + 1))
fi
echo "kill_import: $n kills (import takes ${full_ms} ms; $killed_mid killed while running), $fails failures"
[ "$fails" -eq 0 ]
