// Where the data shipped with tilmash (glossaries/, lexicon/) is found at run time.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tilmash::app {

// The shipped folder `name`: the first directory of that name beside the executable or in a
// folder above it (an installed tree, or the build folder inside the source tree), else the
// source tree this binary was built from.
std::filesystem::path shipped_dir(std::string_view name);

// The regular files of shipped_dir(name) whose extension is `extension` (".tbx"), sorted by
// path; empty when there is no such folder or file.
std::vector<std::string> shipped_files(std::string_view name, std::string_view extension);

}  // namespace tilmash::app
