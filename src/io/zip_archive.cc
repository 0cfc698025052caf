#include "io/zip_archive.h"

#include <zip.h>

#include <algorithm>

#include "io/errors.h"

namespace tilmash::io {
namespace {

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)
         || bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

class ZipArchive::Impl {
 public:
  zip_t* zip = nullptr;
  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }
};

ZipArchive::ZipArchive(std::string path, std::string_view bytes, const ZipLimits& limits)
    : path_(std::move(path)), limits_(limits), impl_(std::make_unique<Impl>()) {
  zip_error_t error;
  zip_error_init(&error);
  // freep = 0: libzip reads the caller's buffer and never frees it.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw InputError(path_, 0, 0, "cannot read the zip archive: " + what);
  }
  // ZIP_CHECKCONS: each local header must agree with the central directory (a hostile archive
  // may make them disagree, so that one tool sees other content than another).
  impl_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (impl_->zip == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_EOF) {
      what += " (a truncated or damaged file?)";
    }
    throw InputError(path_, 0, 0, "not a readable zip archive: " + what);
  }
  zip_error_fini(&error);
  const zip_int64_t n = zip_get_num_entries(impl_->zip, 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits_.max_entries) {
    throw InputError(path_, 0, 0, "the zip archive holds " + std::to_string(n) + " entries, more than "
                                      + std::to_string(limits_.max_entries) + " (a hostile archive?)");
  }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(impl_->zip, name.c_str(), ZIP_FL_ENC_RAW) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(impl_->zip, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(impl_->zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name != nullptr) out.emplace_back(name);
  }
  return out;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), ZIP_FL_ENC_RAW);
  if (index < 0) return std::nullopt;
  const auto fail = [&](const std::string& what) {
    return InputError(path_, 0, 0, "zip entry " + name + ": " + what);
  };
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    throw fail(std::string("cannot read its header: ") + zip_strerror(impl_->zip));
  }
  const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD
                            | ZIP_STAT_ENCRYPTION_METHOD;
  if ((st.valid & need) != need) throw fail("its header lacks sizes or methods");
  if (st.encryption_method != ZIP_EM_NONE) {
    throw fail("encrypted (a password-protected document: save a copy without the password)");
  }
  if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) {
    throw fail("compressed with method " + std::to_string(st.comp_method)
               + "; DOCX and ODT use only stored and deflate");
  }
  // What the archive declares is checked before inflating anything …
  const std::uint64_t budget = std::min(limits_.max_entry_size, limits_.max_total_size - total_);
  if (st.size > budget) {
    throw fail("declares " + mib(st.size) + " uncompressed, more than the limit of "
               + mib(budget) + " (a zip bomb?)");
  }
  // … and what inflating really yields is counted as it comes.
  zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) throw fail(std::string("cannot open it: ") + zip_strerror(impl_->zip));
  struct Closer {
    zip_file_t* f;
    ~Closer() { zip_fclose(f); }
  } closer{file};
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(st.size, 16u << 20)));
  constexpr std::size_t kChunk = 1 << 16;
  while (true) {
    const std::size_t used = out.size();
    out.resize(used + kChunk);
    const zip_int64_t got = zip_fread(file, out.data() + used, kChunk);
    if (got < 0) throw fail(std::string("damaged data: ") + zip_file_strerror(file));
    out.resize(used + static_cast<std::size_t>(got));
    if (got == 0) break;
    if (out.size() > budget) {
      throw fail("inflates past the limit of " + mib(budget) + " (a zip bomb?)");
    }
    if (out.size() > limits_.ratio_floor
        && out.size() / std::max<std::uint64_t>(st.comp_size, 1) > limits_.max_ratio) {
      throw fail("inflates more than " + std::to_string(limits_.max_ratio)
                 + " times its compressed size (a zip bomb?)");
    }
  }
  if (out.size() != st.size) {
    throw fail("inflates to " + std::to_string(out.size()) + " bytes, not the "
               + std::to_string(st.size) + " its header declares (a damaged archive?)");
  }
  total_ += out.size();
  return out;
}

}  // namespace tilmash::io
