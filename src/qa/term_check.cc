// Terminology QA in the manner of CAT-tool "term consistency" checks (e.g. Xbench, Verifika):
// source terms are found with the glossary matcher, and each target must hold an approved
// rendering of the same entry. What stands there instead is recovered from (1) terms of other
// entries nested in the source term ("Kazakh repatriates" holds "repatriate"), then (2) the
// target word sharing the longest stem with a word of the expected term, widened to the
// term's length over adjacent content words.
#include "qa/term_check.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "qa/number_check.h"
#include "term/glossary.h"
#include "term/normalize.h"
#include "term/stem_kk.h"

namespace tilmash::qa {
namespace {

using core::TermStatus;

bool approved(TermStatus s) { return s == TermStatus::kPreferred || s == TermStatus::kAdmitted; }

bool inside(core::Span inner, core::Span outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end && !(inner == outer);
}

std::string_view cut(std::string_view text, core::Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

const core::Term* preferred_term(const core::TermEntry& e, const std::string& lang) {
  auto it = e.terms.find(lang);
  if (it == e.terms.end() || it->second.empty()) return nullptr;
  for (const core::Term& t : it->second) {
    if (t.status == TermStatus::kPreferred) return &t;
  }
  for (const core::Term& t : it->second) {
    if (t.status == TermStatus::kAdmitted) return &t;
  }
  return nullptr;
}

// The phrase without hyphens and spaces: "Barkol-Kazakh" and "Barkol Kazakh", "re-education"
// and "reeducation" are one spelling written two ways (TERMS.md: hyphenation variants belong
// to normalisation, not to the reviewer).
std::string unhyphenated(std::string s) {
  std::erase_if(s, [](char c) { return c == '-' || c == ' '; });
  return s;
}

// True when `variant` spells the preferred term differently (Atajurt/Atazhurt, Uighur/Uyghur)
// rather than inflecting it (oralmans, oralmen), hyphenating it differently (Barkol-Kazakh) or
// being another designation (Kazakh settler, NGO).
bool spelling_variant(std::string_view variant, std::string_view preferred) {
  const std::string a = term::normalize_phrase(variant);
  const std::string b = term::normalize_phrase(preferred);
  if (a == b || a.empty() || b.empty() || unhyphenated(a) == unhyphenated(b)) return false;
  if (term::edit_distance(a, b, 2) > 2) return false;
  std::size_t first_diff = 0;
  while (first_diff < a.size() && first_diff < b.size() && a[first_diff] == b[first_diff]) {
    ++first_diff;
  }
  const std::size_t shorter = std::min(a.size(), b.size());
  return shorter > 3 && first_diff + 3 < shorter;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  // Back off to a code point boundary.
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// What stands in `target` where the expected term should be: the token sharing the longest
// prefix with a word of an approved term of the entry (compared after keyboard_fold, so that a
// Kazakh letter typed as its Russian look-alike, кұқықтары for құқықтары, still points at the
// word; this only chooses what to show), widened over adjacent content words up to the term's
// word count: first to the side where the term has its other words, then to the other side.
// Function words (және, и, of) stop the widening; tokens inside `taken` spans (other terms)
// are never used.
std::optional<core::Span> guess_rendering(std::string_view target, const std::string& lang,
                                          const core::TermEntry& entry,
                                          const std::vector<core::Span>& taken) {
  auto it = entry.terms.find(lang);
  if (it == entry.terms.end()) return std::nullopt;
  const std::vector<term::Token> tokens = term::tokenize(target);
  auto key_of = [&](std::string_view k) { return term::keyboard_fold(term::kazakh_key(k)); };
  auto is_taken = [&](core::Span s) {
    return std::any_of(taken.begin(), taken.end(), [&](core::Span t) {
      return t.begin <= s.begin && s.end <= t.end;
    });
  };
  std::size_t best_len = 0, best_tok = 0, best_words = 0, best_pos = 0;
  for (const core::Term& t : it->second) {
    if (!approved(t.status)) continue;
    const std::vector<term::Token> words = term::tokenize(t.text);
    for (std::size_t w = 0; w < words.size(); ++w) {
      const std::string wk = key_of(words[w].key);
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (is_taken(tokens[k].span)) continue;
        const std::string tk = key_of(tokens[k].key);
        const std::size_t p = code_points(cut(tk, {0, common_prefix(wk, tk)}));
        const std::size_t shorter = std::min(code_points(wk), code_points(tk));
        if (p >= 4 && p * 5 >= shorter * 3 && p > best_len) {
          best_len = p, best_tok = k, best_words = words.size(), best_pos = w;
        }
      }
    }
  }
  if (best_len == 0) return std::nullopt;
  auto content = [&](std::size_t k) {
    return k < tokens.size() && !is_taken(tokens[k].span) &&
           !term::is_function_word(tokens[k].key, lang) && code_points(tokens[k].key) >= 3;
  };
  // The translation may order its words otherwise (исправительный лагерь for лагерь
  // перевоспитания): what one side cannot take, the other side may.
  std::size_t lo = best_tok, hi = best_tok;
  std::size_t left = best_pos, right = best_words - 1 - best_pos;
  for (; left > 0 && lo > 0 && content(lo - 1); --left) --lo;
  for (; right > 0 && content(hi + 1); --right) ++hi;
  for (; right > 0 && lo > 0 && content(lo - 1); --right) --lo;
  for (; left > 0 && content(hi + 1); --left) ++hi;
  return core::Span{tokens[lo].span.begin, tokens[hi].span.end};
}

bool valid_on(const core::Term& t, const std::string& date) {
  if (date.empty()) return true;
  if (!t.valid_from.empty() && date < t.valid_from) return false;
  if (!t.valid_to.empty() && date > t.valid_to) return false;
  return true;
}

// The rendering a missing term is measured against: the preferred term of `lang` when it is
// verified and valid on `date`, else the first verified valid approved one, else the preferred
// (or first approved) term even if unverified. nullptr when `lang` has no approved term.
const core::Term* expected_term(const core::TermEntry& e, const std::string& lang,
                                const std::string& date) {
  const core::Term* pref = preferred_term(e, lang);
  if (pref == nullptr || (!pref->unverified && valid_on(*pref, date))) return pref;
  for (const core::Term& t : e.terms.at(lang)) {
    if (approved(t.status) && !t.unverified && valid_on(t, date)) return &t;
  }
  return pref;
}

std::string quote(std::string_view s) { return std::string("'").append(s).append("'"); }

}  // namespace

std::string_view kind_name(FindingKind kind) {
  switch (kind) {
    case FindingKind::kMissingTerm: return "missing-term";
    case FindingKind::kDeprecatedTerm: return "deprecated-term";
    case FindingKind::kDatedTerm: return "dated-term";
    case FindingKind::kNumberMismatch: return "number-mismatch";
    case FindingKind::kVariant: return "variant";
    case FindingKind::kOmittedSentence: return "omitted-sentence";
    case FindingKind::kAddedSentence: return "added-sentence";
    case FindingKind::kPossiblyOmitted: return "possibly-omitted-sentence";
    case FindingKind::kPossiblyAdded: return "possibly-added-sentence";
    case FindingKind::kTermForm: return "term-form";
    case FindingKind::kSpelling: return "spelling";
  }
  return "unknown";
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNotice: return "notice";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kNotice}) {
    if (severity_name(s) == name) return s;
  }
  return std::nullopt;
}

Enforcement enforcement_of(const core::TermEntry& entry, const core::Term* source_term) {
  const std::string& subset =
      source_term != nullptr && !source_term->subset.empty() ? source_term->subset : entry.subset;
  std::string s;
  for (char c : subset) {
    if (c != ' ' && c != '-' && c != '_') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (s == "reference" || s == "referenceonly") return Enforcement::kReference;
  if (s == "name") return Enforcement::kName;
  return Enforcement::kKeyTerm;
}

std::string primary_lang(std::string_view tag) {
  std::string out(tag.substr(0, tag.find_first_of("-_")));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Checker::Checker(const term::Matcher& matcher, CheckOptions options)
    : matcher_(&matcher), options_(std::move(options)) {}

std::vector<Finding> Checker::check(const core::TranslationUnit& unit) {
  std::vector<Finding> out;
  const auto src_it = std::find_if(unit.variants.begin(), unit.variants.end(), [&](const auto& v) {
    return primary_lang(v.lang) == options_.source_lang;
  });
  if (src_it == unit.variants.end()) return out;
  const std::string& src = src_it->text;
  const std::string& slang = options_.source_lang;
  const auto& entries = matcher_->glossary().entries();

  // Source terms: exact and inflected matches; a term inside a longer one is kept aside as a
  // hint for what the translator may have written instead.
  std::vector<term::Occurrence> all = matcher_->find_in_text(src, slang);
  std::erase_if(all, [](const term::Occurrence& o) {
    return o.kind == term::MatchKind::kTypo || o.kind == term::MatchKind::kStem;
  });
  std::vector<term::Occurrence> terms, nested;
  for (const term::Occurrence& o : all) {
    const bool in_longer = std::any_of(all.begin(), all.end(), [&](const term::Occurrence& p) {
      return inside(o.span, p.span);
    });
    (in_longer ? nested : terms).push_back(o);
  }

  if (options_.terms) {
    for (const term::Occurrence& o : terms) {
      const core::TermEntry& e = entries[o.entry];
      const core::Term& used = e.terms.at(o.lang)[o.term];
      const core::Term* pref = preferred_term(e, slang);
      if (pref == nullptr || used.status == TermStatus::kPreferred) continue;
      const bool bad = !approved(used.status);
      if (!bad && !spelling_variant(used.text, pref->text)) continue;
      const std::string key = e.id + "\t" + used.text;
      if (options_.variant_once) {
        if (std::find(variants_seen_.begin(), variants_seen_.end(), key) != variants_seen_.end()) {
          continue;
        }
        variants_seen_.push_back(key);
      }
      // The source is what the translator was given: its spelling is a note, not an error.
      Finding f{unit.id, slang, FindingKind::kVariant, Severity::kNotice, e.id,
                std::string(cut(src, o.span)), pref->text, std::string(cut(src, o.span)),
                o.span, o.span, ""};
      f.message = "the source writes " + quote(f.term) + ", a " +
                  std::string(bad ? term::status_name(used.status) : "variant") +
                  " spelling; the glossary prefers " + quote(pref->text);
      out.push_back(std::move(f));
    }
  }

  for (const core::Variant& v : unit.variants) {
    const std::string lang = primary_lang(v.lang);
    if (lang == slang || v.text.empty()) continue;
    const std::string& tgt = v.text;
    if (options_.terms) {
      // Typo tolerance stays off here (FindOptions{}): a near miss is not the approved term.
      const std::vector<term::Occurrence> found = matcher_->find_in_text(tgt, lang);
      std::vector<core::Span> taken;
      for (const term::Occurrence& t : found) taken.push_back(t.span);
      std::vector<std::size_t> done;
      for (const term::Occurrence& o : terms) {
        const core::TermEntry& e = entries[o.entry];
        if (std::find(done.begin(), done.end(), o.entry) != done.end()) continue;
        done.push_back(o.entry);
        const core::Term* expected = expected_term(e, lang, options_.date);
        if (expected == nullptr) continue;
        const Enforcement how = enforcement_of(e, &e.terms.at(o.lang)[o.term]);
        const term::Occurrence* deprecated = nullptr;
        const term::Occurrence* dated = nullptr;
        const term::Occurrence* derived = nullptr;
        bool ok = false;
        for (const term::Occurrence& t : found) {
          if (t.entry != o.entry || t.kind == term::MatchKind::kTypo) continue;
          const core::Term& used = e.terms.at(t.lang)[t.term];
          if (!approved(used.status)) {
            if (deprecated == nullptr) deprecated = &t;
          } else if (!valid_on(used, options_.date)) {
            if (dated == nullptr) dated = &t;
          } else if (t.kind == term::MatchKind::kStem && t.analysis == term::kDerivedAdjective) {
            if (derived == nullptr) derived = &t;
          } else {
            ok = true;
          }
        }
        if (ok) continue;
        Finding f{unit.id, lang, FindingKind::kMissingTerm, Severity::kError, e.id,
                  std::string(cut(src, o.span)), expected->text, "", o.span, {}, ""};
        const std::string head = quote(f.term) + " in " + lang + ": ";
        if (derived != nullptr && deprecated == nullptr && dated == nullptr) {
          // Every word of an approved rendering, one modifier with the other adjective suffix
          // of its stem (автономиялы/автономиялық): the term is there, written another way.
          const core::Term& used = e.terms.at(derived->lang)[derived->term];
          f.kind = FindingKind::kTermForm;
          f.severity = Severity::kNotice;
          f.span = derived->span;
          f.found = std::string(cut(tgt, f.span));
          f.expected = used.text;
          f.message = head + quote(f.found) + " is " + quote(used.text) +
                      " with another adjective suffix (-лы/-лық); both are in use";
        } else if (deprecated != nullptr) {
          const core::Term& used = e.terms.at(deprecated->lang)[deprecated->term];
          f.kind = FindingKind::kDeprecatedTerm;
          // A forbidden term is wrong everywhere; a superseded one in a reference entry, or
          // a deprecation nobody has verified, is a likely problem.
          f.severity = used.status == TermStatus::kForbidden ||
                               (how != Enforcement::kReference && !used.unverified)
                           ? Severity::kError
                           : Severity::kWarning;
          f.span = deprecated->span;
          f.found = std::string(cut(tgt, f.span));
          f.message = head + quote(f.found) + " is " + std::string(term::status_name(used.status)) +
                      "; use " + quote(expected->text);
        } else if (dated != nullptr) {
          const core::Term& used = e.terms.at(dated->lang)[dated->term];
          f.kind = FindingKind::kDatedTerm;
          f.severity = how == Enforcement::kKeyTerm && !used.unverified ? Severity::kError
                                                                        : Severity::kWarning;
          f.span = dated->span;
          f.found = std::string(cut(tgt, f.span));
          f.message = head + quote(f.found) + " (" + used.text + ") is valid " +
                      (used.valid_from.empty() ? "" : "from " + used.valid_from) +
                      (used.valid_to.empty() ? "" : " until " + used.valid_to) +
                      ", the text is dated " + options_.date + "; use " + quote(expected->text);
        } else {
          // (1) A rendering by the term's content words («Комитет по защите кыргызов в
          // Китае» for «Комитет поддержки китайских кыргызов»).
          bool descriptive = false;
          if (auto d = matcher_->find_descriptive(tgt, lang, o.entry)) {
            f.span = d->span;
            f.found = std::string(cut(tgt, d->span));
            descriptive = true;
          }
          // (2) A nested source term of another entry rendered in the target.
          for (const term::Occurrence& n : nested) {
            if (!inside(n.span, o.span) || !f.found.empty()) continue;
            for (const term::Occurrence& t : found) {
              if (t.entry == n.entry) {
                f.span = t.span;
                f.found = std::string(cut(tgt, t.span));
                break;
              }
            }
          }
          // (3) The target words closest to the expected term.
          if (f.found.empty()) {
            if (auto g = guess_rendering(tgt, lang, e, taken)) {
              f.span = *g;
              f.found = std::string(cut(tgt, *g));
            }
          }
          // An unverified rendering is the glossary's proposal, not a norm: its absence says
          // nothing about the translation, so it is a notice whatever the entry.
          const bool verified = !expected->unverified;
          switch (verified ? how : Enforcement::kReference) {
            case Enforcement::kKeyTerm:
              f.severity = Severity::kError;
              f.message = head + "expected " + quote(expected->text) +
                          (f.found.empty() ? ", not found" : ", found " + quote(f.found));
              break;
            case Enforcement::kName:
              // A name translated by what it says (or spelled another way): quote both so the
              // reviewer can tell a descriptive rendering from a wrong one.
              f.severity = Severity::kWarning;
              if (descriptive) {
                f.message = head + quote(f.found) + " renders the name " + quote(f.term) +
                            " descriptively; its usual " + lang + " name is " +
                            quote(expected->text);
              } else {
                f.message = head + "the name " + quote(f.term) + " is usually " +
                            quote(expected->text) +
                            (f.found.empty() ? "; not found (a descriptive rendering?)"
                                             : "; found " + quote(f.found));
              }
              break;
            case Enforcement::kReference:
              f.severity = Severity::kNotice;
              f.message = head + (verified ? "reference entry: the glossary has "
                                           : "the glossary proposes (unverified) ") +
                          quote(expected->text) +
                          (f.found.empty() ? "" : ", found " + quote(f.found));
              break;
          }
        }
        out.push_back(std::move(f));
      }
    }
    if (options_.numbers) {
      for (const NumberDifference& d : compare_numbers(src, slang, tgt, lang)) {
        const std::string shown = display_number(d.token.value);
        Finding f{unit.id, lang, FindingKind::kNumberMismatch, Severity::kError, "", "", "", "",
                  {}, {}, ""};
        if (d.in_source) {
          f.term = std::string(cut(src, d.token.span));
          f.expected = shown;
          f.source_span = d.token.span;
          f.message = quote(f.term) + " in the source is not in " + lang;
        } else {
          f.found = std::string(cut(tgt, d.token.span));
          f.span = d.token.span;
          f.message = quote(f.found) + " in " + lang + " is not in the source";
        }
        out.push_back(std::move(f));
      }
    }
  }
  std::erase_if(out, [&](const Finding& f) { return f.severity > options_.min_severity; });
  return out;
}

std::vector<TermMark> Checker::marks(const core::TranslationUnit& unit) const {
  std::vector<TermMark> out;
  const auto& entries = matcher_->glossary().entries();
  for (const core::Variant& v : unit.variants) {
    const std::string lang = primary_lang(v.lang);
    for (const term::Occurrence& o : matcher_->find_in_text(v.text, lang)) {
      if (o.kind == term::MatchKind::kTypo) continue;
      const core::TermEntry& e = entries[o.entry];
      const core::Term& used = e.terms.at(o.lang)[o.term];
      std::string title = e.id + (approved(used.status) ? "" : " (" +
                                  std::string(term::status_name(used.status)) + " here)");
      for (const auto& [l, ts] : e.terms) {
        std::string list;
        for (const core::Term& t : ts) {
          if (approved(t.status)) list += (list.empty() ? "" : ", ") + t.text;
        }
        if (!list.empty()) title += "\n" + l + ": " + list;
      }
      out.push_back({v.lang, o.span, o.entry, std::move(title)});
    }
  }
  return out;
}

}  // namespace tilmash::qa
