# io_html_review_test: the review page writer (escaping, weak rows, marks).
tilmash_add_test(io_html_review_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/html_review_test.cc
  LIBS tilmash::io
  LABELS unit)
