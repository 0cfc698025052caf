// The one try/catch of the CLI (called by main.cc): exceptions -> exit statuses and one-line
// messages (docs/CLI.md). Every failure of io, store and app is a core::Failure; its kind
// decides between exit 3 (bad input) and 4 (I/O).
#include <iostream>
#include <new>

#include "cli/command.h"
#include "core/failure.h"

namespace tilmash::cli {

int run_command(const Command& cmd, std::span<const std::string> args, std::ostream& err) {
  try {
    return static_cast<int>(cmd.run(args));
  } catch (const po::error& e) {
    err << "tilmash " << cmd.name << ": error: " << e.what() << "; see 'tilmash " << cmd.name
        << " --help'\n";
    return static_cast<int>(Exit::kUsage);
  } catch (const UsageError& e) {
    err << "tilmash " << cmd.name << ": error: " << e.what() << "; see 'tilmash " << cmd.name
        << " --help'\n";
    return static_cast<int>(Exit::kUsage);
  } catch (const core::Failure& e) {  // io::InputError, io::IoError, store::StoreError, app
    err << e.what() << '\n';
    return static_cast<int>(exit_status(e.kind()));
  } catch (const std::bad_alloc&) {
    err << "tilmash " << cmd.name << ": error: out of memory\n";
    return static_cast<int>(Exit::kIo);
  } catch (const std::exception& e) {
    err << "tilmash " << cmd.name << ": internal error: " << e.what() << ", please report\n";
    return static_cast<int>(Exit::kInternal);
  }
}

}  // namespace tilmash::cli
