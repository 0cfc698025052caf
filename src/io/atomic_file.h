// Output files that appear complete or not at all: data goes to a temporary file beside the
// target, which is fsync'ed and renamed over it on commit(). Without commit() (an exception,
// a crash) the temporary is removed and an existing target is left untouched.
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace tilmash::io {

class AtomicFile {
 public:
  // Opens "<path>.tmp-XXXXXX" in the target's folder; "-" writes to stdout directly (commit
  // only flushes). Throws IoError when the folder is not writable.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // The stream to write to; valid until commit() or destruction.
  std::ostream& out();

  // Flushes, fsyncs and renames the temporary over the target. Throws IoError on failure
  // (disk full, permissions), after removing the temporary.
  void commit();

  const std::string& path() const { return path_; }

 private:
  class FdBuf;
  std::string path_;
  std::string tmp_path_;
  int fd_ = -1;
  bool committed_ = false;
  std::unique_ptr<FdBuf> buf_;
  std::unique_ptr<std::ostream> stream_;
};

// Writes `content` to `path` atomically (see AtomicFile). Throws IoError.
void write_file_atomic(const std::string& path, std::string_view content);

}  // namespace tilmash::io
