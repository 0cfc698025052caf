// libFuzzer target for io::TmxReader (and the validator and writer behind it). Properties:
// no crash, no sanitizer report, failures only as InputError; whatever the reader accepts, the
// writer turns into a file the reader accepts again (write -> read never fails).
// Build: -DTILMASH_FUZZ=ON with clang++ (tests/fuzz/CMakeLists.txt); dictionary:
// fuzz_tmx_reader.dict; seeds: corpus/fuzz_tmx_reader/.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "io/errors.h"
#include "io/tmx_reader.h"
#include "io/tmx_validate.h"
#include "io/tmx_writer.h"

namespace {

// The reader works on files (it streams); one scratch file per process.
const std::string& scratch(const char* tag) {
  static std::string paths[2];
  std::string& p = paths[tag[0] == 'b' ? 1 : 0];
  if (p.empty()) {
    const char* dir = std::getenv("TMPDIR");
    p = std::string(dir != nullptr ? dir : "/tmp") + "/fuzz_tmx_" + tag + "_" +
        std::to_string(getpid()) + ".tmx";
  }
  return p;
}

void put(const std::string& path, const char* data, std::size_t size) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(data, static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tilmash::io;
  const std::string& a = scratch("a");
  put(a, reinterpret_cast<const char*>(data), size);
  (void)validate_tmx(a);  // findings, never an exception
  for (bool lenient : {false, true}) {
    std::ostringstream out;
    try {
      TmxReadOptions options;
      options.drop_invalid_chars = lenient;
      TmxReader reader(a, options);
      TmxWriteOptions wo;
      wo.require_source = false;
      TmxWriter writer(out, reader.header(), wo);
      while (auto tu = reader.next()) writer.write(*tu);
      writer.finish();
    } catch (const InputError&) {
      continue;
    }
    const std::string written = out.str();
    const std::string& b = scratch("b");
    put(b, written.data(), written.size());
    try {
      TmxReader again(b);
      while (again.next()) {
      }
    } catch (const InputError& e) {
      std::fprintf(stderr, "writer output does not read back: %s\n--- written:\n%s\n", e.what(),
                   written.c_str());
      std::abort();
    }
  }
  return 0;
}
