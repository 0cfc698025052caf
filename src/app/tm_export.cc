#include "app/tm_read.h"
#include "io/atomic_file.h"
#include "io/tmx_writer.h"

namespace tilmash::app {

TmExportResult export_tm(const TmExportRequest& r) {
  io::TmxWriteOptions wopts;
  io::TmxHeader header;
  header.srclang = "en";
  if (r.pair) {
    // Exactly two <tuv>s per unit; units without both languages left out.
    wopts.langs = {r.pair->first, r.pair->second};
    wopts.require_all_langs = true;
    header.srclang = r.pair->first;
  }
  wopts.dedupe = false;
  const auto tm = store::open_tm(r.db, store::OpenMode::kReadOnly);
  io::AtomicFile out(r.output);
  io::TmxWriter writer(out.out(), header, wopts);
  const auto snapshot = tm->read_snapshot();
  tm->for_each_unit([&](const store::StoredUnit& u) {
    writer.write(u.unit);
    return true;
  });
  writer.finish();
  out.commit();
  return {writer.stats().units_written,
          writer.stats().units_skipped + writer.stats().units_no_source};
}

}  // namespace tilmash::app
