# io_tbx_test: TBX 2019/martif reader and writer, OmegaT TSV and CSV glossary formats, the
# malformed corpus tests/malformed/tbx/, and the shipped glossaries/*.tbx checked for release.
tilmash_add_test(io_tbx_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tbx_reader_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/tbx_writer_test.cc
  LIBS tilmash::io tilmash::term
  LABELS unit)
