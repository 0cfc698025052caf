// The subcommand registry and the helpers every cmd_<verb>.cc shares. Boost.Program_options is
// used only in src/cli. A subcommand parses its options, calls the library, writes through io,
// and returns an exit code; errors travel as exceptions to the single try in main.cc.
#pragma once

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "app/option_error.h"
#include "core/failure.h"

namespace tilmash::cli {

namespace po = boost::program_options;

// Exit statuses, as docs/CLI.md lists them.
enum class Exit : int {
  kOk = 0,
  kFindings = 1,   // check commands only
  kUsage = 2,
  kBadInput = 3,
  kIo = 4,
  kInternal = 70,
};

// A command line that cannot be run as given ("--langs has 3 languages but 2 files"): the
// application layer's OptionError, so that app and cli report it alike (exit 2).
using UsageError = app::OptionError;

// The exit status of a failure of the family core::Failure: bad input 3, I/O 4.
inline Exit exit_status(core::FailureKind kind) {
  return kind == core::FailureKind::kBadInput ? Exit::kBadInput : Exit::kIo;
}

struct Command {
  const char* name;     // "segment", or "glossary lookup" for nested verbs
  const char* summary;  // one line for `tilmash --help`
  Exit (*run)(std::span<const std::string> args);  // args exclude the command name
};

// Runs `cmd` with `args` (the command name excluded) inside the CLI's one try/catch: usage
// errors -> 2, core::Failure -> 3 or 4 (exit_status), out of memory -> 4, anything else -> 70
// "internal error …, please report"; the one-line message goes to `err`. Returns the status.
int run_command(const Command& cmd, std::span<const std::string> args, std::ostream& err);

// Every subcommand, in the order `tilmash --help` lists them.
std::span<const Command> commands();

// Parses `args` against `options` (+ positional), adds --help. Returns nullopt after printing
// "usage + description + options + examples" when --help was given. Throws po::error or
// UsageError on bad options.
std::optional<po::variables_map> parse_options(std::span<const std::string> args,
                                               const po::options_description& options,
                                               const po::positional_options_description& positional,
                                               const std::string& usage,
                                               const std::string& help_text);

// The language tag of option `name`, normalized (core::normalize_lang_tag); UsageError if bad.
std::string lang_option(const po::variables_map& vm, const char* name);

// The comma-separated language tags of option `name`, each normalized; UsageError if one is bad.
std::vector<std::string> lang_list_option(const po::variables_map& vm, const char* name);

// The values of a repeatable option `name` (empty when it was not given).
std::vector<std::string> strings_option(const po::variables_map& vm, const char* name);

// True when file descriptor `fd` (1 stdout, 2 stderr) is a terminal (read from /proc: cli
// includes no POSIX headers).
bool is_terminal(int fd);

// Declarations of the subcommand entry points (one cmd_<verb>.cc each).
Exit run_segment(std::span<const std::string> args);
Exit run_align(std::span<const std::string> args);         // cmd_align.cc
Exit run_tmx_validate(std::span<const std::string> args);  // cmd_tmx.cc
Exit run_tmx_stats(std::span<const std::string> args);
Exit run_tmx_split(std::span<const std::string> args);
Exit run_tmx_merge(std::span<const std::string> args);
Exit run_tm_import(std::span<const std::string> args);       // cmd_tm_import.cc
Exit run_tm_lookup(std::span<const std::string> args);       // cmd_tm_lookup.cc
Exit run_tm_concordance(std::span<const std::string> args);  // cmd_tm_concordance.cc
Exit run_tm_export(std::span<const std::string> args);       // cmd_tm_export.cc
Exit run_tm_init(std::span<const std::string> args);         // cmd_tm_copy.cc
Exit run_tm_copy(std::span<const std::string> args);
Exit run_translit(std::span<const std::string> args);      // cmd_translit.cc
Exit run_glossary_lookup(std::span<const std::string> args);  // cmd_glossary.cc
Exit run_glossary_list(std::span<const std::string> args);
Exit run_glossary_export(std::span<const std::string> args);
Exit run_check(std::span<const std::string> args);         // cmd_check.cc
Exit run_glossary_add(std::span<const std::string> args);     // cmd_glossary_edit.cc
Exit run_glossary_edit(std::span<const std::string> args);
Exit run_glossary_remove(std::span<const std::string> args);
Exit run_glossary_import(std::span<const std::string> args);

}  // namespace tilmash::cli

// Shared by the commands that read the glossary (cmd_glossary.cc): the --glossary option, and
// the files it names, else $TILMASH_GLOSSARY, else glossaries/*.tbx (app::glossary_paths;
// UsageError when none).
namespace tilmash::cli {
void add_glossary_option(po::options_description& options);
std::vector<std::string> glossary_paths(const po::variables_map& vm);
}  // namespace tilmash::cli
