#include "app/tm_read.h"

#include <algorithm>
#include <map>

#include "app/tm_index.h"
#include "app/tm_keys.h"
#include "core/text.h"
#include "io/tmx_writer.h"
#include "tm/fuzzy_match.h"

namespace tilmash::app {

struct TmLookup::State {
  TmLookupRequest r;
  std::unique_ptr<store::TmBackend> tm;
  tm::Tokenizer tokenizer = make_tokenizer();
  std::unique_ptr<store::FuzzyIndex> findex;
  std::unique_ptr<StoreIndex> index;
  // Brute force: every segment of the language in memory, ids mapped back.
  std::vector<std::vector<std::uint32_t>> segs;
  std::vector<std::uint64_t> seg_ids;
};

TmLookup::TmLookup(TmLookupRequest request) : s_(std::make_unique<State>()) {
  State& s = *s_;
  s.r = std::move(request);
  s.tm = store::open_tm(s.r.db, store::OpenMode::kReadOnly);
  s.findex = s.tm->fuzzy_index(s.r.src);
  s.index = std::make_unique<StoreIndex>(*s.tm, *s.findex);
  if (s.r.brute_force) {
    s.findex->for_each_segment([&](std::uint64_t id, std::vector<std::uint32_t> toks) {
      s.seg_ids.push_back(id);
      s.segs.push_back(std::move(toks));
    });
  }
}

TmLookup::~TmLookup() = default;

std::vector<TmMatch> TmLookup::lookup(std::string_view text) {
  State& s = *s_;
  const std::string& tgt = s.r.tgt;
  std::map<std::uint64_t, store::StoredUnit> units;
  // The candidates rank() scores, their units read together (one round trip on a server).
  std::vector<std::int64_t> vids;
  const tm::FetchSegments fetch = [&](std::span<const std::uint64_t> ids) {
    vids.assign(ids.begin(), ids.end());
    std::vector<std::optional<store::StoredUnit>> got = s.tm->units_of_variants(vids);
    std::vector<std::optional<tm::TokenizedText>> texts(ids.size());
    for (std::size_t i = 0; i < ids.size() && i < got.size(); ++i) {
      std::optional<store::StoredUnit>& u = got[i];
      if (!u) continue;
      const core::Variant* self = nullptr;
      bool has_tgt = tgt.empty();
      for (std::size_t k = 0; k < u->unit.variants.size(); ++k) {
        if (u->variant_ids[k] == vids[i]) self = &u->unit.variants[k];
        if (!tgt.empty() && io::lang_matches(tgt, u->unit.variants[k].lang)) has_tgt = true;
      }
      if (self == nullptr || !has_tgt) continue;
      texts[i] = s.tokenizer.analyze(self->text, self->inline_xml);
      units[ids[i]] = std::move(*u);
    }
    return texts;
  };
  const auto snapshot = s.tm->read_snapshot();
  s.index->sync();
  const tm::TokenizedText q = s.tokenizer.analyze(core::collapse_space(core::to_nfc(text)));
  const std::vector<std::uint32_t> ids =
      s.index->ids(q.word_keys(), s.r.brute_force ? 0 : s.r.min);
  std::vector<tm::Candidate> cands;
  if (!s.r.brute_force) {
    cands = tm::search(*s.index, ids, s.r.min);
  } else {
    cands = tm::brute_force(s.segs, ids, s.r.min);
    for (tm::Candidate& c : cands) c.id = s.seg_ids[c.id];
    std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) {
      return a.base != b.base ? a.base > b.base : a.id < b.id;
    });
  }
  const std::vector<tm::FuzzyMatch> matches = tm::rank(q, cands, fetch, s.r.min, s.r.max);
  std::vector<TmMatch> out;
  out.reserve(matches.size());
  for (const tm::FuzzyMatch& m : matches) {
    const store::StoredUnit& u = units.at(m.id);
    TmMatch r;
    r.score = m.score.score;
    r.tuid = u.unit.id;
    r.source = m.text.text;
    for (std::size_t k = 0; k < u.unit.variants.size(); ++k) {
      const core::Variant& v = u.unit.variants[k];
      if (u.variant_ids[k] == static_cast<std::int64_t>(m.id)) continue;
      if (!tgt.empty() && !io::lang_matches(tgt, v.lang)) continue;
      if (r.target.empty()) r.target = v.text;
      r.targets.emplace_back(v.lang, v.text);
    }
    for (const core::Span& sp : m.score.differing) {
      r.differs.push_back(m.text.text.substr(sp.begin, sp.size()));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tilmash::app
