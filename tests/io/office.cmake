# io_office_test: DOCX/ODT reading and the zip reader's limits (fixtures: office/, made by
# office/make_fixtures.py). io.office_twin: documents converted to DOCX and ODT segment and align
# exactly as their plain-text twins. io.office_hostile: zip bombs and other hostile archives.
tilmash_add_test(io_office_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/office_test.cc
  LIBS tilmash::io
  LABELS unit)
add_test(NAME io.office_twin
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/office_twin.sh $<TARGET_FILE:tilmash>
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(io.office_twin PROPERTIES LABELS e2e FIXTURES_REQUIRED udhr TIMEOUT 600)
add_test(NAME io.office_hostile
         COMMAND ${CMAKE_CURRENT_LIST_DIR}/office_hostile.sh $<TARGET_FILE:tilmash>)
set_tests_properties(io.office_hostile PROPERTIES LABELS e2e TIMEOUT 300)
