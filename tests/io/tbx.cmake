# io_tbx_test: TBX 2019/martif reader and writer, OmegaT TSV and CSV glossary formats, the
# malformed corpus tests/malformed/tbx/, and the shipped glossaries/*.tbx checked for release.
tilmash_add_test(io_tbx_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/tbx_reader_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/tbx_writer_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/glossary_cache_test.cc
  LIBS tilmash::io tilmash::term
  LABELS unit)
# io.tbx_client: Translate Toolkit reads the martif export; the OmegaT TSV exports follow
# shared/formats/GLOSSARY-NOTES.md §3. Skipped (77) where translate-toolkit is not installed.
add_test(NAME io.tbx_client
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/tbx_client_check.sh $<TARGET_FILE:tilmash>
                 ${PROJECT_SOURCE_DIR}/glossaries/xinjiang.tbx)
set_tests_properties(io.tbx_client PROPERTIES LABELS "e2e;client" SKIP_RETURN_CODE 77)
