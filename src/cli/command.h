// The subcommand registry and the helpers every cmd_<verb>.cc shares. Boost.Program_options is
// used only in src/cli. A subcommand parses its options, calls the library, writes through io,
// and returns an exit code; errors travel as exceptions to the single try in main.cc.
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

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

// A command line that cannot be run as given ("--langs has 3 languages but 2 files").
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Command {
  const char* name;     // "segment", or "glossary lookup" for nested verbs
  const char* summary;  // one line for `tilmash --help`
  Exit (*run)(std::span<const std::string> args);  // args exclude the command name
};

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

// Shared by the glossary verbs (cmd_glossary.cc): the --glossary option; the files it names,
// else $TILMASH_GLOSSARY, else glossaries/*.tbx (UsageError when none); their entries merged
// (the first file's id wins; InputError on an invalid file); the canonical TBX rewrite; and a
// TBX/TSV/CSV file by --format ("auto" = by extension) for import.
namespace tilmash::term { class Glossary; }
namespace tilmash::core { struct TermEntry; }
namespace tilmash::cli {
void add_glossary_option(po::options_description& options);
std::vector<std::string> glossary_paths(const po::variables_map& vm);
term::Glossary load(const std::vector<std::string>& paths);
void save(const std::string& path, const term::Glossary& glossary);
std::vector<core::TermEntry> read_any(const std::string& path, const std::string& format,
                                      const std::string& src, const std::string& tgt);
}  // namespace tilmash::cli

// cmd_check.cc, shared with `align --format html`: the review page of `units` checked with
// `matcher` (glossary terms marked with their approved renderings, findings inline and marked),
// title and subtitle left empty. Columns: `langs`, else every variant language in order of
// appearance with the source first; variants in no column are left out. Appends the findings to
// `findings`. And the file names of `paths` ("a.tbx, b.tbx"), for page subtitles. And the
// translation units of aligned beads (tuid = bead number from 1, one variant per language of
// `langs` with text, the confidence as the x-tilmash-confidence prop), as align's TMX has them.
namespace tilmash::term { class Matcher; }
namespace tilmash::core { struct TranslationUnit; struct AlignedUnit; }
namespace tilmash::qa { struct Finding; struct CheckOptions; }
namespace tilmash::io { struct ReviewPage; }
namespace tilmash::spell { class SpellChecker; }
namespace tilmash::cli {
// `spelling` (may be null: no spelling check) adds check --spelling's findings.
io::ReviewPage review_page(const std::vector<core::TranslationUnit>& units,
                           std::vector<std::string> langs, const term::Matcher& matcher,
                           const qa::CheckOptions& options, std::vector<qa::Finding>& findings,
                           spell::SpellChecker* spelling = nullptr);
std::string file_names(const std::vector<std::string>& paths);
std::vector<core::TranslationUnit> bead_units(const std::vector<core::AlignedUnit>& beads,
                                              const std::vector<std::string>& langs);
}  // namespace tilmash::cli
