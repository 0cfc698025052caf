#!/usr/bin/env bash
# The team TM under concurrency and failure, against a real PostgreSQL server (issue 18), through
# the built `tilmash` binary:
#   0. `tm copy` from a SQLite TM into PostgreSQL and back loses nothing (identical exports);
#   1. several clients import and look up at once: all succeed, every distinct unit stored once;
#   2. the same file imported by two clients at the same moment ends up stored once (5 rounds);
#   3. kill -9 of a client during an import, N times (default 20): the unit count is before or
#      after, never in between, and the next import works (no lock or half-written row left);
#      and 5 times during a bulk import into an empty TM (indexes rebuilt after the load);
#   4. a server restart during a lookup, 5. a refused connection (wrong port), 6. a read-only
#      role (GRANT SELECT only) and 7. a full disk each give a clear error and exit 4.
# The full disk is honest, not simulated: the TM's database lives in a tablespace on a 24 MB
# tmpfs (root only: mount), so PostgreSQL itself gets ENOSPC extending a table. PostgreSQL has
# no per-role disk quota, and a file size limit on the server would hit its WAL first.
# The script starts a throwaway cluster of its own (scripts/pg-test-server.sh: it restarts the
# server and makes roles, which a shared server must not suffer) and stops it on exit.
# Exit 0 all held, 1 a failure, 77 skipped (no PostgreSQL here; a failure under
# TILMASH_REQUIRE_PG=1).
# usage: pg_concurrency.sh TILMASH [KILLS]
set -uo pipefail
tilmash=$(realpath "$1")
kills=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
server=$here/../../scripts/pg-test-server.sh
export PG_TEST_DIR=/tmp/tilmash-pgc.$$
export PG_TEST_PORT=${PG_CONCURRENCY_PORT:-55434}
work=$(mktemp -d)
chmod 755 "$work"
cleanup() { "$server" stop >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
skip() {
  if [ "${TILMASH_REQUIRE_PG:-0}" = 1 ]; then echo "pg_concurrency: FAIL (required): $*"; exit 1; fi
  echo "pg_concurrency: skipped: $*"; exit 77
}
command -v python3 >/dev/null || skip "python3 missing"
uri=$("$server" start 2>"$work/start.err") || skip "no PostgreSQL test server: $(tail -n 1 "$work/start.err")"
admin=$("$server" admin-uri)
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
psql_admin() { PGOPTIONS='-c client_min_messages=warning' "$bin/psql" -X -q -At -v ON_ERROR_STOP=1 "$admin" "$@"; }
dburi() { printf '%s\n' "$uri" | sed -E "s|^postgresql:///[^?]*|postgresql:///$1|"; }
newdb() { psql_admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER tilmash ${2:-}"; }

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

gen() { python3 "$here/gen_tmx.py" "$@"; }  # gen FILE FIRST COUNT [EXTRA_WORDS]
count() {  # count URI: units in the TM, through tilmash itself (tm export), or -1 on failure
  if ! "$tilmash" tm export --db "$1" -o "$work/count.tmx" 2>"$work/count.err"; then
    echo "count: $(cat "$work/count.err")" >&2
    echo -1
    return
  fi
  grep -c '<tu ' "$work/count.tmx" || true
}
exit4() {  # exit4 NAME RC ERRFILE: exit 4 with a one-line "…: error: …" message, no password
  local name=$1 rc=$2 err=$3
  if [ "$rc" -ne 4 ]; then fail "$name: exit $rc, want 4 ($(head -c 300 "$err"))"; return; fi
  if ! grep -q 'error: ' "$err"; then fail "$name: no 'error:' message: $(head -c 300 "$err")"; return; fi
  if grep -qi 'terminate called\|internal error\|s3cr3t' "$err"; then fail "$name: $(head -c 300 "$err")"; return; fi
  ok "$name: exit 4: $(head -n 1 "$err" | cut -c1-160)"
}

# ---- 0. tm copy: a personal SQLite TM into the team TM and back, without loss ----
python3 - "$work/rich.tmx" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
            'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" '
            'datatype="plaintext"/><body>\n')
    for i in range(1, 400):
        dates = f' creationdate="2024{(i % 12) + 1:02d}01T000000Z" changedate="20250{(i % 9) + 1}01T101010Z"' if i % 3 else ''
        props = f'<prop type="x-domain">d{i % 7}</prop><prop type="x-context">ctx &amp; {i}</prop>' if i % 2 else ''
        note = f'<note>note «{i}» — ескерту</note>' if i % 5 == 0 else ''
        ru = f'<tuv xml:lang="ru"><seg>открыть файл <ph x="1">&lt;b&gt;</ph>{i}</seg></tuv>' if i % 4 else ''
        f.write(f'<tu tuid="r{i}" creationid="user{i % 3}" usagecount="{i % 5}"{dates}>{props}{note}'
                f'<tuv xml:lang="en-US"><seg>Open the file number {i} now</seg></tuv>'
                f'<tuv xml:lang="kk"><prop type="x-reviewed">yes</prop><seg>Файл {i} ашу, «тырнақша»</seg></tuv>'
                f'{ru}</tu>\n')
    f.write('</body></tmx>\n')
PY
newdb copytm
cu=$(dburi copytm)
if "$tilmash" tm import --db "$work/a.db" "$work/rich.tmx" 2>"$work/copy.err" &&
   "$tilmash" tm copy --from "$work/a.db" --to "$cu" 2>>"$work/copy.err" &&
   "$tilmash" tm copy --from "$cu" --to "$work/b.db" 2>>"$work/copy.err" &&
   "$tilmash" tm copy --from "$work/a.db" --to "$cu" 2>>"$work/copy.err"; then
  "$tilmash" tm export --db "$work/a.db" -o "$work/a.tmx" 2>/dev/null
  "$tilmash" tm export --db "$cu" -o "$work/p.tmx" 2>/dev/null
  "$tilmash" tm export --db "$work/b.db" -o "$work/b.tmx" 2>/dev/null
  strip() { grep -v '<header' "$1"; }  # the header names the export's own time
  if cmp -s <(strip "$work/a.tmx") <(strip "$work/p.tmx") && cmp -s <(strip "$work/a.tmx") <(strip "$work/b.tmx"); then
    ok "tm copy sqlite -> postgres -> sqlite: the exports are identical ($(grep -c '<tu ' "$work/a.tmx") units; a second copy added nothing)"
  else
    fail "tm copy round trip differs: $(diff <(strip "$work/a.tmx") <(strip "$work/p.tmx") | head -5) $(diff <(strip "$work/a.tmx") <(strip "$work/b.tmx") | head -5)"
  fi
else
  fail "tm copy: $(tail -n 3 "$work/copy.err")"
fi

# ---- 1. several clients import and look up at once ----
newdb conc
u=$(dburi conc)
gen "$work/seed.tmx" 1 300
"$tilmash" tm import --db "$u" "$work/seed.tmx" 2>/dev/null || fail "seed import"
for c in 1 2 3 4; do gen "$work/c$c.tmx" $((c * 400)) 800; done  # overlapping ranges
expected=$(python3 -c "print(len(set(range(1,301)) | set().union(*[set(range(c*400, c*400+800)) for c in (1,2,3,4)])))")
printf 'open file close save window page user 7\nsave window print system 12\nfile open close\n' > "$work/q.txt"
for i in $(seq 1 5); do cat "$work/q.txt"; done > "$work/q15.txt"
pids=()
for c in 1 2 3 4; do "$tilmash" tm import --db "$u" "$work/c$c.tmx" 2>"$work/imp$c.err" & pids+=($!); done
for c in 1 2 3 4; do
  (for r in 1 2 3; do "$tilmash" tm lookup --db "$u" --queries "$work/q15.txt" >/dev/null || exit 1; done) \
    2>"$work/look$c.err" & pids+=($!)
done
rcs=""
for p in "${pids[@]}"; do wait "$p"; rcs="$rcs $?"; done
n=$(count "$u")
if [ "$rcs" = " 0 0 0 0 0 0 0 0" ] && [ "$n" -eq "$expected" ]; then
  ok "4 importers + 4 lookup clients at once: all exit 0, $n units (expected $expected)"
else
  fail "concurrent clients: exits$rcs, $n units (expected $expected): $(cat "$work"/imp*.err "$work"/look*.err | grep -i error | head -3)"
fi

# ---- 2. the same file by two clients at once, stored once ----
gen "$work/same.tmx" 50000 1500
same_ok=0
for round in 1 2 3 4 5; do
  newdb same
  s=$(dburi same)
  "$tilmash" tm import --db "$s" "$work/seed.tmx" 2>/dev/null  # the schema exists: a real race on units
  "$tilmash" tm import --db "$s" "$work/same.tmx" 2>"$work/sa.err" & a=$!
  "$tilmash" tm import --db "$s" "$work/same.tmx" 2>"$work/sb.err" & b=$!
  wait $a; ra=$?
  wait $b; rb=$?
  n=$(count "$s")
  if [ $ra -eq 0 ] && [ $rb -eq 0 ] && [ "$n" -eq 1800 ]; then
    same_ok=$((same_ok + 1))
  else
    fail "same file twice at once, round $round: exits $ra $rb, $n units (expected 1800): $(cat "$work/sa.err" "$work/sb.err" | tail -n 4)"
  fi
done
[ $same_ok -eq 5 ] && ok "same file by two clients at once, 5 rounds: stored once each time (1800 units); $(grep -h 'added' "$work/sa.err" "$work/sb.err" | tr '\n' ' ' | cut -c1-200)"

# ---- 3. kill -9 during an import ----
newdb killbase
kb=$(dburi killbase)
gen "$work/base.tmx" 1 200
gen "$work/add.tmx" 100000 20000  # two batches of units, then the index and the commit
"$tilmash" tm import --db "$kb" "$work/base.tmx" 2>/dev/null || fail "kill base import"
psql_admin -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'killbase' AND pid <> pg_backend_pid()" >/dev/null
newdb killw "TEMPLATE killbase"
kw=$(dburi killw)
start=$(date +%s%N)
"$tilmash" tm import --db "$kw" "$work/add.tmx" 2>/dev/null || fail "uninterrupted import"
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
n=$(count "$kw")
[ "$n" -eq 20200 ] || fail "uninterrupted import: $n units, want 20200"
kill_fail=0
killed_mid=0
before=0
after=0
for i in $(seq 1 "$kills"); do
  newdb killw "TEMPLATE killbase"
  # Kills spread over the import, which writes as it reads (batches of units, then the index
  # and the commit), and a little past its end: from 10 % to 105 % of its time.
  delay_ms=$(( full_ms / 10 + RANDOM % (full_ms * 19 / 20 + 1) ))
  "$tilmash" tm import --db "$kw" "$work/add.tmx" 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed_mid=$((killed_mid + 1)); fi
  wait "$pid" 2>/dev/null
  n=$(count "$kw")
  if [ "$n" -eq 200 ]; then before=$((before + 1));
  elif [ "$n" -eq 20200 ]; then after=$((after + 1));
  else echo "kill $i after $delay_ms ms: $n units (expected 200 or 20200)"; kill_fail=$((kill_fail + 1)); fi
  # The next import must not wait on a lock or trip on anything the killed one left.
  if ! timeout 120 "$tilmash" tm import --db "$kw" "$work/add.tmx" 2>"$work/next.err" || [ "$(count "$kw")" -ne 20200 ]; then
    echo "kill $i: the import after the kill failed: $(tail -n 2 "$work/next.err")"; kill_fail=$((kill_fail + 1))
  fi
done
if [ $kill_fail -eq 0 ]; then
  ok "kill -9 during an import, $kills times (import takes $full_ms ms; $killed_mid killed while running): count before $before times, after $after times, never between; the next import completed each time"
else
  fail "kill -9: $kill_fail failures in $kills kills"
fi

# ---- 3b. kill -9 during a bulk import into an empty TM (PostgresTm drops and rebuilds its
# indexes and UNIQUE constraint once an import into an empty TM outgrows one batch, 16,384
# units): nothing or everything, and the constraint is back (the same file again merges every
# unit) ----
gen "$work/bulk.tmx" 300000 25000
newdb bulk
bk=$(dburi bulk)
"$tilmash" tm init --db "$bk" 2>/dev/null || fail "tm init (bulk)"
psql_admin -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'bulk' AND pid <> pg_backend_pid()" >/dev/null
start=$(date +%s%N)
newdb bulkw "TEMPLATE bulk"
"$tilmash" tm import --db "$(dburi bulkw)" "$work/bulk.tmx" 2>/dev/null || fail "uninterrupted bulk import"
bulk_ms=$(( ($(date +%s%N) - start) / 1000000 ))
bulk_fail=0
bulk_seen=""
for i in 1 2 3 4 5; do
  newdb bulkw "TEMPLATE bulk"
  bw=$(dburi bulkw)
  delay_ms=$(( bulk_ms / 10 + RANDOM % (bulk_ms * 19 / 20 + 1) ))
  "$tilmash" tm import --db "$bw" "$work/bulk.tmx" 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  n=$(count "$bw")
  bulk_seen="$bulk_seen $n"
  [ "$n" -eq 0 ] || [ "$n" -eq 25000 ] || { echo "bulk kill $i after $delay_ms ms: $n units"; bulk_fail=$((bulk_fail + 1)); }
  timeout 300 "$tilmash" tm import --db "$bw" "$work/bulk.tmx" 2>"$work/bulk.err" || { echo "bulk kill $i: next import: $(tail -n 1 "$work/bulk.err")"; bulk_fail=$((bulk_fail + 1)); }
  timeout 300 "$tilmash" tm import --db "$bw" "$work/bulk.tmx" 2>"$work/bulk2.err"
  grep -q ' 0 added, 25000 merged' "$work/bulk2.err" && [ "$(count "$bw")" -eq 25000 ] ||
    { echo "bulk kill $i: the same file again: $(tail -n 1 "$work/bulk2.err")"; bulk_fail=$((bulk_fail + 1)); }
done
if [ $bulk_fail -eq 0 ]; then
  ok "kill -9 during a 25,000-unit import into an empty TM, 5 times (import ${bulk_ms} ms): units after each kill:$bulk_seen; then imported, and the same file again merged all"
else
  fail "bulk kill: $bulk_fail failures"
fi

# ---- 4. a server restart during a lookup ----
newdb big
bu=$(dburi big)
gen "$work/big.tmx" 1 4000
"$tilmash" tm import --db "$bu" "$work/big.tmx" 2>/dev/null || fail "big import"
for i in $(seq 1 4000); do echo "open file close save window page user $i"; done > "$work/many.txt"
"$tilmash" tm lookup --db "$bu" --queries "$work/many.txt" >/dev/null 2>"$work/restart.err" &
pid=$!
sleep 1.5
if kill -0 "$pid" 2>/dev/null; then
  "$server" restart || fail "restart"
  wait "$pid"; rc=$?
  exit4 "server restart during a lookup" $rc "$work/restart.err"
else
  wait "$pid"
  fail "server restart: the lookup finished in under 1.5 s, nothing was tested (make many.txt longer)"
fi
"$tilmash" tm lookup --db "$bu" "open file close" >/dev/null 2>&1 || fail "a lookup after the restart"

# ---- 5. a refused connection ----
bad=$(printf '%s\n' "$uri" | sed -E 's/port=[0-9]+/port=1/; s|postgresql://|postgresql://tilmash:s3cr3t@|')
"$tilmash" tm lookup --db "$bad" "open file" >/dev/null 2>"$work/refused.err"; rc=$?
exit4 "refused connection (wrong port, password in the URI)" $rc "$work/refused.err"
TILMASH_DB=$bad "$tilmash" tm import "$work/seed.tmx" >/dev/null 2>"$work/refused2.err"; rc=$?
exit4 "refused connection through TILMASH_DB" $rc "$work/refused2.err"

# ---- 6. a read-only role ----
psql_admin -c "DROP ROLE IF EXISTS reader" -c "CREATE ROLE reader LOGIN" >/dev/null
"$bin/psql" -X -q -v ON_ERROR_STOP=1 "$(dburi big | sed 's/user=tilmash/user=postgres/')" \
  -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" >/dev/null || fail "GRANT SELECT"
ru=$(dburi big | sed 's/user=tilmash/user=reader/')
before_n=$(count "$bu")
"$tilmash" tm import --db "$ru" "$work/c1.tmx" >/dev/null 2>"$work/ro.err"; rc=$?
exit4 "import as a read-only role (GRANT SELECT only)" $rc "$work/ro.err"
[ "$(count "$bu")" -eq "$before_n" ] || fail "read-only role: the count changed"
"$tilmash" tm lookup --db "$ru" "open file close save" >/dev/null 2>"$work/ro2.err" ||
  fail "read-only role: a lookup failed: $(cat "$work/ro2.err")"

# ---- 7. a full disk ----
if [ "$(id -u)" -eq 0 ] && mkdir -p "$PG_TEST_DIR/small" && mount -t tmpfs -o size=24m tmpfs "$PG_TEST_DIR/small" 2>"$work/mount.err"; then
  owner=$(stat -c %U "$PG_TEST_DIR/data")
  chown "$owner:" "$PG_TEST_DIR/small"
  chmod 700 "$PG_TEST_DIR/small"
  psql_admin -c "CREATE TABLESPACE small LOCATION '$PG_TEST_DIR/small'" -c "GRANT CREATE ON TABLESPACE small TO tilmash" >/dev/null
  newdb fulltm "TABLESPACE small"
  fu=$(dburi fulltm)
  "$tilmash" tm import --db "$fu" "$work/seed.tmx" 2>/dev/null || fail "full disk: the seed import"
  gen "$work/huge.tmx" 200000 60000 30
  "$tilmash" tm import --db "$fu" "$work/huge.tmx" >/dev/null 2>"$work/full.err"; rc=$?
  exit4 "import onto a full disk (tablespace on a 24 MB tmpfs)" $rc "$work/full.err"
  n=$(count "$fu")
  [ "$n" -eq 300 ] || fail "full disk: $n units after the failed import, want 300"
  "$tilmash" tm lookup --db "$fu" "open file close" >/dev/null 2>&1 || fail "full disk: a lookup afterwards"
  psql_admin -c "DROP DATABASE fulltm WITH (FORCE)" -c "DROP TABLESPACE small" >/dev/null
  umount "$PG_TEST_DIR/small"
else
  msg="full disk: not tested (needs root to mount a small tmpfs: $(cat "$work/mount.err" 2>/dev/null))"
  if [ "${TILMASH_REQUIRE_PG:-0}" = 1 ]; then fail "$msg"; else echo "$msg"; fi
fi

echo "pg_concurrency: $fails failures"
[ $fails -eq 0 ]
