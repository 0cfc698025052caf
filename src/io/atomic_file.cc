#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <vector>

#include "io/errors.h"

namespace tilmash::io {

// A std::streambuf over a POSIX file descriptor, so that commit() can fsync what was written.
class AtomicFile::FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  // Errno of the first failed write, or 0.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return flush_buffer() ? 0 : -1; }

 private:
  bool flush_buffer() {
    const char* p = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_ == "-") return;
  std::string templ = path_ + ".tmp-XXXXXX";
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) {
    throw IoError(path_, std::string("cannot create a temporary file beside it: ") +
                             std::strerror(errno));
  }
  tmp_path_ = name.data();
  // mkstemp creates 0600; give the file the mode a plain open() would (or the target's own).
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0) {
    ::fchmod(fd_, st.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
  buf_ = std::make_unique<FdBuf>(fd_);
  stream_ = std::make_unique<std::ostream>(buf_.get());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !tmp_path_.empty()) ::unlink(tmp_path_.c_str());
}

std::ostream& AtomicFile::out() { return stream_ ? *stream_ : std::cout; }

void AtomicFile::commit() {
  if (path_ == "-") {
    std::cout.flush();
    if (!std::cout) throw IoError("<stdout>", "write failed");
    committed_ = true;
    return;
  }
  stream_->flush();
  int err = buf_->error();
  if (err == 0 && ::fsync(fd_) != 0) err = errno;
  if (::close(fd_) != 0 && err == 0) err = errno;
  fd_ = -1;
  if (err == 0 && ::rename(tmp_path_.c_str(), path_.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp_path_.c_str());
    throw IoError(path_, std::string("write failed: ") + std::strerror(err));
  }
  committed_ = true;
}

void write_file_atomic(const std::string& path, std::string_view content) {
  AtomicFile file(path);
  file.out().write(content.data(), static_cast<std::streamsize>(content.size()));
  file.commit();
}

}  // namespace tilmash::io
