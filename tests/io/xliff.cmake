# io_xliff_test: XLIFF reader and writer (included from tests/io/CMakeLists.txt). Samples of each
# flavour, hand-written: tests/io/xliff/.
tilmash_add_test(io_xliff_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/xliff_reader_test.cc
  LIBS tilmash::io
  LABELS unit)
