#include "app/shipped.h"

#include <algorithm>
#include <system_error>

namespace tilmash::app {

namespace fs = std::filesystem;

fs::path shipped_dir(std::string_view name) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / name, ec)) return dir / name;
      if (dir == dir.parent_path()) break;
    }
  }
#ifdef TILMASH_SOURCE_DIR
  return fs::path(TILMASH_SOURCE_DIR) / name;
#else
  return fs::path(name);
#endif
}

std::vector<std::string> shipped_files(std::string_view name, std::string_view extension) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(shipped_dir(name), ec)) {
    if (f.path().extension() == extension && f.is_regular_file(ec)) out.push_back(f.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tilmash::app
