#include "store/unit_keys.h"

#include <algorithm>

#include "core/text.h"

namespace tilmash::store {

namespace {

// True when core::collapse_space would leave `text` as it is: no space but single U+0020
// between other characters, so none of the white space it collapses (\t \n U+00A0 U+1680
// U+2000–U+200A U+202F U+205F U+3000). Most segments are; the check is one pass over bytes.
bool collapsed(std::string_view t) {
  if (t.empty()) return true;
  if (t.front() == ' ' || t.back() == ' ') return false;
  const auto at = [&](std::size_t i) {
    return i < t.size() ? static_cast<unsigned char>(t[i]) : 0;
  };
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      if (c == '\t' || c == '\n' || (c == ' ' && t[i + 1] == ' ')) return false;
      ++i;
    } else if (c < 0xE0) {  // two bytes (Cyrillic, Latin-1 …): only U+00A0
      if (c == 0xC2 && at(i + 1) == 0xA0) return false;
      i += 2;
    } else if (c < 0xF0) {  // three bytes
      const auto c1 = at(i + 1);
      const auto c2 = at(i + 2);
      if ((c == 0xE1 && c1 == 0x9A && c2 == 0x80)                      // U+1680
          || (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF))   // U+2000…, U+202F
          || (c == 0xE2 && c1 == 0x81 && c2 == 0x9F)                   // U+205F
          || (c == 0xE3 && c1 == 0x80 && c2 == 0x80)) {                // U+3000
        return false;
      }
      i += 3;
    } else {
      i += 4;
    }
  }
  return true;
}

// True when every code point of valid UTF-8 `t` is in ranges where no character decomposes
// or combines under NFC: U+0000–U+02FF (Latin up to the spacing modifiers, before the
// combining diacritics), Cyrillic U+0400–U+0482 and U+048A–U+04FF (without the combining
// titlo marks), punctuation U+2010–U+2027 and U+2030–U+205E, currency U+20A0–U+20BF. Such
// a text is already NFC (Unicode Standard Annex #15: only characters with a canonical
// decomposition or a non-zero combining class can change), so most English, Kazakh and
// Russian segments skip ICU's normaliser. The store test checks the ranges against it.
bool nfc_by_ranges(std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    if (c < 0xE0) {
      if (i + 1 >= t.size()) return false;
      cp = (char32_t{c} & 0x1F) << 6 | (static_cast<unsigned char>(t[i + 1]) & 0x3F);
      i += 2;
    } else if (c < 0xF0) {
      if (i + 2 >= t.size()) return false;
      cp = (char32_t{c} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(t[i + 1])} & 0x3F) << 6
           | (static_cast<unsigned char>(t[i + 2]) & 0x3F);
      i += 3;
    } else {
      return false;
    }
    const bool ok = cp < 0x300 || (cp >= 0x400 && cp <= 0x482) || (cp >= 0x48A && cp <= 0x4FF)
                    || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E)
                    || (cp >= 0x20A0 && cp <= 0x20BF);
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> normalized_if_changed(std::string_view text) {
  if (nfc_by_ranges(text)) {
    if (collapsed(text)) return std::nullopt;
    return core::collapse_space(text);
  }
  std::string nfc = core::to_nfc(text);
  return collapsed(nfc) ? nfc : core::collapse_space(nfc);
}

std::string normalized(std::string_view text) {
  std::optional<std::string> n = normalized_if_changed(text);
  return n ? std::move(*n) : std::string(text);
}

UnitKey::UnitKey(const core::TranslationUnit& unit) {
  variants_.reserve(unit.variants.size());
  for (const core::Variant& v : unit.variants) {
    Counted c{&v, normalized_if_changed(v.text)};
    if (!c.text().empty()) variants_.push_back(std::move(c));
  }
  // After variants_ is complete: the views point into its elements.
  pairs_.reserve(variants_.size());
  for (const Counted& c : variants_) pairs_.emplace_back(c.variant->lang, c.text());
  std::sort(pairs_.begin(), pairs_.end());
}

std::uint64_t UnitKey::fnv64() const {
  std::uint64_t h = core::kFnv1aOffset;
  for (const auto& [lang, text] : pairs_) {
    h = core::fnv1a(lang, h);
    h = core::fnv1a(std::string_view("\x1f", 1), h);
    h = core::fnv1a(text, h);
    h = core::fnv1a(std::string_view("\x1e", 1), h);
  }
  return h;
}

core::Fnv128 UnitKey::fnv128() const {
  core::Fnv128 h = core::kFnv1a128Offset;
  for (const auto& [lang, text] : pairs_) {
    h = core::fnv1a_128(lang, h);
    h = core::fnv1a_128(std::string_view("\x1f", 1), h);
    h = core::fnv1a_128(text, h);
    h = core::fnv1a_128(std::string_view("\x1e", 1), h);
  }
  return h;
}

bool UnitKey::matches(std::vector<std::pair<std::string, std::string>> stored) const {
  if (stored.size() != pairs_.size()) return false;
  for (auto& [lang, text] : stored) {
    if (std::optional<std::string> n = normalized_if_changed(text)) text = std::move(*n);
  }
  std::sort(stored.begin(), stored.end());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (stored[i].first != pairs_[i].first || stored[i].second != pairs_[i].second) return false;
  }
  return true;
}

void UnitKey::release() {
  pairs_.clear();
  pairs_.shrink_to_fit();
  for (Counted& c : variants_) c.changed.reset();
}

UnitDates import_dates(const core::TranslationUnit& unit, std::string_view now) {
  UnitDates d;
  d.created = unit.creationdate.empty() ? std::string(now) : unit.creationdate;
  d.changed = unit.changedate.empty() ? d.created : unit.changedate;
  return d;
}

UnitDates merge_dates(const UnitDates& stored, const UnitDates& incoming) {
  UnitDates d;
  d.created = stored.created.empty() ? incoming.created
                                     : std::min(stored.created, incoming.created);
  d.changed = stored.changed.empty() ? incoming.changed
                                     : std::max(stored.changed, incoming.changed);
  return d;
}

}  // namespace tilmash::store
