# io_html_review_test: the review page writer (escaping, weak rows, marks).
tilmash_add_test(io_html_review_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/html_review_test.cc
  LIBS tilmash::io
  LABELS unit)

# alignment_edit_test: what the review page's editor saves, read back (indices, edited,
# checked), align --from-json's checks, the TM props, the writer's round trip.
tilmash_add_test(alignment_edit_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/alignment_edit_test.cc
  LIBS tilmash::io
  LABELS unit)
