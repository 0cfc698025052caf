#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 18): initdb in a temporary folder, a
# server that listens on a Unix socket in that folder only (no TCP), trust authentication
# (nobody else can reach the socket's folder), a database `tilmash_test` and a role `tilmash`
# (LOGIN CREATEDB: the tests give each case a fresh database of its own and drop it).
#
#   scripts/pg-test-server.sh start      # init (if needed) and start; prints the URI
#   scripts/pg-test-server.sh uri        # the libpq URI of the tilmash role (TILMASH_TEST_PG)
#   scripts/pg-test-server.sh admin-uri  # the same as the superuser `postgres` (tests make roles)
#   scripts/pg-test-server.sh restart    # restart the running server (fast shutdown)
#   scripts/pg-test-server.sh status     # exit 0 when running
#   scripts/pg-test-server.sh stop       # stop it and remove the folder with everything in it
#
# Environment: PG_TEST_DIR (default /tmp/tilmash-pg-UID), PG_TEST_PORT (default 55433),
# PG_BIN (default /usr/lib/postgresql/15/bin: Debian's postgresql-15), PG_TEST_FSYNC (default
# off; `on` for benchmarks that should pay what a real server pays for durability).
# initdb refuses to run as root: as root the cluster belongs to the `postgres` user that
# Debian's package creates; as anyone else, to yourself. Every command is idempotent: start on a
# running cluster only prints its URI, stop on nothing does nothing. Exit 0 ok, 1 failure.
set -euo pipefail

dir=${PG_TEST_DIR:-/tmp/tilmash-pg-$(id -u)}
port=${PG_TEST_PORT:-55433}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
db=tilmash_test
role=tilmash
marker=.tilmash-pg-test  # only a folder holding this file is ever removed

die() { echo "pg-test-server: error: $*" >&2; exit 1; }

case "$dir" in
  /*) ;;
  *) die "PG_TEST_DIR must be an absolute path, not '$dir'" ;;
esac
dir=${dir%/}
# A Unix socket path is limited to 107 bytes: the folder plus "/.s.PGSQL.PORT".
[ ${#dir} -le 90 ] || die "PG_TEST_DIR '$dir' is too long for a Unix socket path (at most 90 characters)"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] ||
  die "PG_TEST_PORT must be a number from 1024 to 65535, not '$port'"

# Who owns and runs the cluster.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 ||
    die "running as root, but there is no 'postgres' user to own the cluster (install Debian's postgresql-15, or run as a normal user)"
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

uri() {  # uri ROLE
  printf 'postgresql:///%s?host=%s&port=%s&user=%s\n' "$db" "$dir" "$port" "$1"
}

running() {
  [ -f "$dir/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

psql_admin() {  # psql_admin SQL...: as the superuser, over the socket, stops at the first error
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}

remove_dir() {
  [ -e "$dir" ] || return 0
  [ -f "$dir/$marker" ] || die "'$dir' exists but was not made by this script (no $marker): not removing it; choose another PG_TEST_DIR"
  # Tests may mount a small filesystem under the folder (a tablespace for the full-disk test).
  local m
  while read -r m; do
    [ -n "$m" ] && { umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; }
  done < <(findmnt -rn -o TARGET 2>/dev/null | awk -v d="$dir/" 'index($0, d) == 1' | sort -r)
  rm -rf "$dir"
}

start() {
  [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] ||
    die "no PostgreSQL binaries in $bin (apt-get install postgresql-15, or set PG_BIN)"
  if running; then
    uri "$role"
    return 0
  fi
  # A folder left by a killed run (server gone): start afresh.
  [ -e "$dir" ] && remove_dir
  mkdir -p "$dir"
  touch "$dir/$marker"
  chmod 700 "$dir"
  [ "$owner" = "$(id -un)" ] || chown -R "$owner:" "$dir"
  # Trust for the local socket only: the socket sits in a folder only its owner (and root)
  # may enter. No TCP at all (listen_addresses='').
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=reject >"$dir/initdb.log" 2>&1 ||
    { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed (log above; folder $dir)"; }
  # fsync off by default: a throwaway cluster needs no durability across a machine crash, and
  # the tests should not wait on a shared disk (a server crash or client kill is still safe).
  local fsync=${PG_TEST_FSYNC:-off}
  [ "$fsync" = on ] || [ "$fsync" = off ] || die "PG_TEST_FSYNC must be on or off, not '$fsync'"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -p $port -c fsync=$fsync -c max_connections=100" \
    start >/dev/null 2>&1 ||
    { tail -n 20 "$dir/server.log" >&2; die "the server did not start on port $port (log above; is the port taken?)"; }
  psql_admin -c "CREATE ROLE $role LOGIN CREATEDB" -c "CREATE DATABASE $db OWNER $role" >/dev/null ||
    die "could not create the role '$role' and the database '$db'"
  uri "$role"
}

stop() {
  if running; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      die "pg_ctl stop failed (log: $dir/server.log)"
  fi
  remove_dir
}

cmd=${1:-}
case "$cmd" in
  start) start ;;
  stop) stop ;;
  restart)
    running || die "no server running in $dir (start it first)"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 restart >/dev/null 2>&1 ||
      die "pg_ctl restart failed (log: $dir/server.log)"
    ;;
  status) running ;;
  uri|admin-uri)
    running || die "no server running in $dir (scripts/pg-test-server.sh start)"
    if [ "$cmd" = uri ]; then uri "$role"; else uri postgres; fi
    ;;
  *)
    echo "usage: scripts/pg-test-server.sh start|stop|restart|status|uri|admin-uri" >&2
    echo "  (PG_TEST_DIR=$dir PG_TEST_PORT=$port PG_BIN=$bin)" >&2
    exit 2
    ;;
esac
