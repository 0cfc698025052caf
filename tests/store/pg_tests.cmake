# The TM backends' shared suite and the PostgreSQL tests (issue 18), included from
# tests/store/CMakeLists.txt.
# backend_suite_test: one suite parameterised over the backend (sqlite, postgres) through
# store::open_tm; PostgreSQL cases need TILMASH_TEST_PG (scripts/pg-test-server.sh), skip
# without it, fail without it under TILMASH_REQUIRE_PG=1. libpq makes each case's database.
tilmash_add_test(backend_suite_test
  SOURCES
    backend_suite_test.cc
  LIBS tilmash::store tilmash::tm tilmash::io SQLite::SQLite3 PkgConfig::LIBPQ
  LABELS unit)
# store.pg_concurrency: clients importing and looking up at once, the same file by two clients,
# kill -9 during imports, a server restart, a refused connection, a read-only role and a full
# disk (a tablespace on a small tmpfs) against a throwaway server of its own.
add_test(NAME store.pg_concurrency
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/pg_concurrency.sh $<TARGET_FILE:tilmash> 20)
set_tests_properties(store.pg_concurrency PROPERTIES LABELS e2e TIMEOUT 900 SKIP_RETURN_CODE 77
                     RUN_SERIAL TRUE)
