// tilmash tm init | tm copy: options in, app::init_tm / app::copy_tm, a summary on stderr.
#include <chrono>
#include <iostream>

#include "app/tm_import.h"
#include "cli/cmd_tm.h"

namespace tilmash::cli {

Exit run_tm_init(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()("db", tm_db_value(), kTmDbHelp);
  po::positional_options_description positional;
  auto vm = parse_options(
      args, options, positional, "tilmash tm init --db DB",
      "Creates an empty TM with its schema: a SQLite file, or the tables in an existing\n"
      "PostgreSQL database. Nothing changes when DB already is a tilmash TM.\n\n"
      "examples:\n  tilmash tm init --db tm.db\n"
      "  tilmash tm init --db postgresql://tm_owner@tm.example.org/team_tm");
  if (!vm) return Exit::kOk;
  tm_guarded([&] { app::init_tm((*vm)["db"].as<std::string>()); });
  return Exit::kOk;
}

Exit run_tm_copy(std::span<const std::string> args) {
  po::options_description options;
  options.add_options()
      ("from", po::value<std::string>()->required(), "the TM read (file or postgresql:// URI)")
      ("to", po::value<std::string>()->required(),
       "the TM written, created when missing (file or postgresql:// URI)")
      ("progress", po::bool_switch(), "report units copied every few seconds on stderr (on by "
                                      "default when stderr is a terminal)");
  po::positional_options_description positional;
  auto vm = parse_options(
      args, options, positional, "tilmash tm copy --from A --to B",
      "Copies every unit of TM A (variants, props, notes, dates, provenance, confidence) into\n"
      "TM B in one transaction: a personal SQLite TM into the team's PostgreSQL TM and back.\n"
      "Units B already holds are merged as by 'tm import', so copying twice adds nothing.\n\n"
      "examples:\n  tilmash tm copy --from my.db --to postgresql://me@tm.example.org/team_tm\n"
      "  tilmash tm copy --from \"$TILMASH_DB\" --to backup.db");
  if (!vm) return Exit::kOk;
  const app::TmCopyRequest r{(*vm)["from"].as<std::string>(), (*vm)["to"].as<std::string>()};
  if (r.from == r.to) throw UsageError("--from and --to are the same TM");
  const auto started = std::chrono::steady_clock::now();
  TmProgress progress("tm copy", (*vm)["progress"].as<bool>());
  const store::ImportStats stats = tm_guarded([&] { return app::copy_tm(r, progress.hooks()); });
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "tm copy: " << stats.units_read << " units read, " << stats.units_added
            << " added, " << stats.units_merged << " merged as duplicates in " << secs << " s\n";
  return Exit::kOk;
}

}  // namespace tilmash::cli
