# io_tmx_test: TMX reader, writer and validator (included from tests/io/CMakeLists.txt).
# Fixtures: tests/malformed/tmx/ (made by make_corpus.py there), tests/golden/tmx/.
tilmash_add_test(io_tmx_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tmx_reader_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/tmx_validate_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/tmx_writer_test.cc
  LIBS tilmash::io
  LABELS unit)

# Golden outputs of `tilmash tmx …` (byte-stable with SOURCE_DATE_EPOCH) and a DTD check of
# every TMX they produce. xmllint comes from Debian's libxml2-utils; without it the DTD check
# is skipped (reported as skipped, not passed).
find_program(TILMASH_XMLLINT xmllint)
add_test(NAME io.tmx_golden
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/tmx_golden.sh $<TARGET_FILE:tilmash>
          ${PROJECT_SOURCE_DIR}/tests/golden/tmx ${PROJECT_SOURCE_DIR}/../shared/formats/tmx14.dtd
          "${TILMASH_XMLLINT}")
set_tests_properties(io.tmx_golden PROPERTIES LABELS golden SKIP_RETURN_CODE 77)

# Benchmark harness for scripts/bench/tmx.sh (not a test).
add_executable(tmx_bench ${CMAKE_CURRENT_LIST_DIR}/tmx_bench.cc)
target_link_libraries(tmx_bench PRIVATE tilmash::io pugixml::pugixml tilmash_warnings)
