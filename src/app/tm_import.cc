#include "app/tm_import.h"

#include <cstdlib>
#include <utility>

#include "app/tm_keys.h"
#include "app/tm_pipeline.h"
#include "io/alignment_reader.h"
#include "io/tmx_reader.h"
#include "io/tmx_writer.h"
#include "io/xliff_reader.h"

namespace tilmash::app {

void tmx_provenance(const core::TranslationUnit& tu, store::Provenance& provenance,
                    std::optional<double>& confidence, bool origin_given) {
  for (const core::Prop& p : tu.props) {
    if (p.type == "x-document" && !p.value.empty()) {
      provenance.document = p.value;
    } else if (p.type == "x-origin" && !p.value.empty() && !origin_given) {
      provenance.origin = p.value;
    } else if (p.type == "x-tilmash-confidence") {
      char* end = nullptr;
      const double c = std::strtod(p.value.c_str(), &end);
      if (end != p.value.c_str() && c >= 0 && c <= 1) confidence = c;
    }
  }
}

namespace {

// The keyer of an import whose units all come keyed (the pipeline keys every unit on its
// thread): a tokenizer is built only if that ever changes.
store::Keyer lazy_keyer() {
  auto tokenizer = std::make_shared<std::optional<tm::Tokenizer>>();
  return [tokenizer](std::string_view, std::string_view text) {
    if (!*tokenizer) tokenizer->emplace(make_tokenizer());
    return fuzzy_keys(**tokenizer, text);
  };
}

// Adds what `produce` emits to `tm` in one transaction.
store::ImportStats run_import(store::TmBackend& tm, const std::string& now,
                              std::function<void(const UnitPipeline::Emit&)> produce,
                              const ImportProgress& progress) {
  const auto imp =
      tm.begin_import(lazy_keyer(), now.empty() ? io::tmx_now() : now, progress.waiting);
  UnitPipeline units(std::move(produce));
  while (PreparedUnit* u = units.next()) {
    imp->add(u->unit, u->provenance, u->confidence, &u->keys);
    if (progress.unit) progress.unit();
  }
  if (progress.writing_index) progress.writing_index();
  return imp->commit();
}

// Keys every variant of a unit on the pipeline's worker thread, with its own tokenizer (ICU
// break iterators are not shared between threads).
class Preparer {
 public:
  explicit Preparer(const UnitPipeline::Emit& emit) : emit_(emit), tokenizer_(make_tokenizer()) {}
  void operator()(core::TranslationUnit tu, store::Provenance prov,
                  std::optional<double> confidence) const {
    PreparedUnit p{std::move(tu), std::move(prov), confidence, {}};
    p.keys.reserve(p.unit.variants.size());
    for (const core::Variant& v : p.unit.variants) p.keys.push_back(fuzzy_keys(tokenizer_, v.text));
    emit_(std::move(p));
  }

 private:
  const UnitPipeline::Emit& emit_;
  tm::Tokenizer tokenizer_;
};

}  // namespace

TmImportResult import_tm(const TmImportRequest& r, const ImportProgress& progress) {
  TmImportResult result;
  const bool origin_given = r.origin.has_value();
  const std::string origin = origin_given         ? *r.origin
                             : r.format == "tmx"   ? "tmx import"
                             : r.format == "xliff" ? "xliff import"
                                                   : "tilmash align";
  // Runs on the pipeline's worker thread: reads every file and keys every variant.
  const auto produce = [&](const UnitPipeline::Emit& emit) {
    const Preparer prepare(emit);
    for (const std::string& path : r.files) {
      if (r.format == "xliff" || (r.format == "tmx" && io::is_xliff_file(path))) {
        io::XliffSelection sel =
            io::select_for_import(io::read_xliff(path, {r.target_lang}), r.states);
        for (const auto& [why, n] : sel.skipped) result.xliff_skipped[why] += n;
        for (core::TranslationUnit& tu : sel.units) {
          store::Provenance prov{path, origin_given || r.format == "xliff" ? origin
                                                                           : "xliff import"};
          std::optional<double> confidence;
          tmx_provenance(tu, prov, confidence, origin_given);
          prepare(std::move(tu), std::move(prov), confidence);
        }
        continue;
      }
      if (r.format == "tmx") {
        io::TmxReader reader(path);
        while (auto tu = reader.next()) {
          store::Provenance prov{path, origin};
          std::optional<double> confidence;
          tmx_provenance(*tu, prov, confidence, origin_given);
          prepare(std::move(*tu), std::move(prov), confidence);
        }
        continue;
      }
      const io::AlignmentFile file = r.format == "json" ? io::read_alignment_json(path)
                                                        : io::read_alignment_tsv(path, r.langs);
      for (std::size_t i = 0; i < file.units.size(); ++i) {
        // Bead number (json) or line (tsv): stable names within the document.
        core::TranslationUnit tu = io::alignment_unit(
            file, i,
            std::string("tu").append(
                std::to_string(r.format == "json" ? i + 1 : file.lines[i])));
        prepare(std::move(tu), store::Provenance{path, origin}, file.units[i].confidence);
      }
    }
  };
  const auto tm = store::open_tm(r.db, store::OpenMode::kReadWrite);
  result.stats = run_import(*tm, r.now, produce, progress);
  return result;
}

void init_tm(const std::string& db) { store::open_tm(db, store::OpenMode::kReadWrite); }

store::ImportStats copy_tm(const TmCopyRequest& r, const ImportProgress& progress) {
  const auto from = store::open_tm(r.from, store::OpenMode::kReadOnly);
  const auto to = store::open_tm(r.to, store::OpenMode::kReadWrite);
  // The source is read on the worker thread only, from one snapshot.
  const auto produce = [&](const UnitPipeline::Emit& emit) {
    const Preparer prepare(emit);
    const auto snapshot = from->read_snapshot();
    from->for_each_unit([&](const store::StoredUnit& u) {
      prepare(u.unit, u.provenance, u.confidence);
      return true;
    });
  };
  return run_import(*to, "", produce, progress);
}

}  // namespace tilmash::app
