#!/usr/bin/env bash
# ThreadSanitizer over the one place tilmash runs two threads: the PostgreSQL import's batch
# writer (src/store/postgres_import.cc), which stores one batch while the import keys the next.
# Not part of CI (a third instrumented build would add ~12 minutes there); run it after changing
# the import. It builds the `tsan` preset (tilmash and the backend suite only), starts a
# throwaway server (scripts/pg-test-server.sh), and runs
#   1. the backend suite (both backends) under TSan;
#   2. `tm import` of 40,000 generated units into an empty TM (bulk path, three batches, so the
#      writer thread carries batches 2 and 3), then again (every unit a duplicate: the writer
#      fills the duplicates table), then 20,000 new units into the non-empty TM;
#   3. the same 40,000-unit import with its server connection terminated part-way: the writer's
#      failure must reach the import as exit 4, with no race on the way.
# Any ThreadSanitizer report fails the script (halt_on_error=1).
#   usage: scripts/tsan.sh          environment: PG_TEST_DIR, PG_TEST_PORT (default 55479)
set -euo pipefail
cd "$(dirname "$0")/.."
export PG_TEST_DIR=${PG_TEST_DIR:-/tmp/tilmash-tsan-pg}
export PG_TEST_PORT=${PG_TEST_PORT:-55479}
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"

cmake --preset tsan >/dev/null
cmake --build build/tsan --target tilmash backend_suite_test
tilmash=build/tsan/tilmash
work=$(mktemp -d)
cleanup() { scripts/pg-test-server.sh stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
uri=$(scripts/pg-test-server.sh start | tail -n 1)
admin=$(scripts/pg-test-server.sh admin-uri)

gen() { python3 tests/store/gen_tmx.py "$@"; }  # gen FILE FIRST COUNT: distinct units
gen "$work/a.tmx" 0 40000
gen "$work/b.tmx" 40000 20000

db_uri() { echo "${uri/\/tilmash_test?//$1?}"; }
fresh() {  # fresh NAME: an empty TM database, prints its URI
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER tilmash"
  "$tilmash" tm init --db "$(db_uri "$1")" >/dev/null
  db_uri "$1"
}

echo "== 1. backend suite under TSan"
TILMASH_TEST_PG=$uri TILMASH_REQUIRE_PG=1 build/tsan/tests/store/backend_suite_test --gtest_brief=1

echo "== 2. imports through the writer thread"
tm=$(fresh tsan_import)
"$tilmash" tm import --db "$tm" "$work/a.tmx"
"$tilmash" tm import --db "$tm" "$work/a.tmx"
"$tilmash" tm import --db "$tm" "$work/b.tmx"
count=$(psql -At "$tm" -c "SELECT count(*) FROM tm_units")
[ "$count" = 60000 ] || { echo "tsan.sh: expected 60000 units, the TM holds $count" >&2; exit 1; }

echo "== 3. the connection terminated during an import"
tm=$(fresh tsan_kill)
"$tilmash" tm import --db "$tm" "$work/a.tmx" >"$work/kill.log" 2>&1 &
pid=$!
for _ in $(seq 200); do  # until the import writes, then into its later batches
  n=$(psql -At "$admin" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'tsan_kill'
                            AND query ILIKE 'COPY%'")
  [ "$n" != 0 ] && { sleep 3; break; }
  sleep 0.1
done
psql -q "$admin" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE datname = 'tsan_kill' AND pid <> pg_backend_pid()" >/dev/null
rc=0; wait "$pid" || rc=$?
if grep -q ThreadSanitizer "$work/kill.log"; then cat "$work/kill.log" >&2; exit 1; fi
[ "$rc" = 4 ] || { cat "$work/kill.log" >&2; echo "tsan.sh: expected exit 4, got $rc" >&2; exit 1; }
echo "tsan.sh: no data race reported"
