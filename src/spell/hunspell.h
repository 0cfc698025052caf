// The edge of the spelling check: finding and opening Hunspell dictionaries (Debian's
// hunspell-kk and hunspell-ru install kk_KZ.aff/.dic and ru_RU.aff/.dic in /usr/share/hunspell).
// The only place that includes <hunspell/hunspell.hxx> (scripts/check_layering.sh).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "spell/spelling.h"

namespace tilmash::spell {

// Where Debian installs Hunspell dictionaries; searched last.
inline constexpr std::string_view kSystemDictionaryDir = "/usr/share/hunspell";

struct DictionaryFiles {
  std::string aff;  // path of LANG.aff
  std::string dic;  // path of LANG.dic
};

// The first dictionary for primary language `lang` in `dirs`, searched in order: in each
// folder LANG.aff, else the first (by name) LANG_*.aff (kk_KZ.aff, ru_RU.aff), each with its
// .dic beside it. nullopt when no folder has one. Reads only folder listings.
std::optional<DictionaryFiles> find_dictionary(std::string_view lang,
                                               std::span<const std::string> dirs);

// A Speller over a Hunspell dictionary. Words are converted to the dictionary's encoding (its
// SET line) and back. Not thread-safe (one caller at a time).
class HunspellSpeller final : public Speller {
 public:
  // Opens `files`. Fails with kUnsupported when a file cannot be read, with kBadFormat when the
  // .aff names an encoding ICU does not know.
  static core::Result<std::unique_ptr<HunspellSpeller>> open(const DictionaryFiles& files);
  ~HunspellSpeller() override;

  bool correct(std::string_view word) override;
  std::vector<std::string> suggest(std::string_view word) override;

 private:
  struct Impl;
  explicit HunspellSpeller(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The dictionaries of a `check --spelling` run, one per language.
struct Spellers {
  std::map<std::string, std::unique_ptr<HunspellSpeller>> by_lang;  // primary subtag -> speller
  std::vector<std::string> off_by_default;  // target languages left out (on_by_default false)

  // Non-owning views for SpellChecker::create.
  std::map<std::string, Speller*> views() const;
};

// Everything a `check --spelling` run needs: the dictionaries and the checker over them.
struct Spelling {
  Spellers spellers;
  SpellChecker checker;
};

// Opens the dictionaries for the targets of `units` (the variants whose primary language is not
// `source_lang`) as open_spellers does, and a checker over `matcher` (which must outlive it) with
// `abbreviations(lang)` as each language's abbreviations (SpellingOptions::abbreviations).
// Fails as open_spellers does.
core::Result<std::unique_ptr<Spelling>> open_spelling(
    const term::Matcher& matcher, std::span<const std::string> requested,
    std::span<const core::TranslationUnit> units, std::string_view source_lang,
    std::span<const std::string> dirs,
    const std::function<std::vector<std::string>(std::string_view lang)>& abbreviations);

// Opens a dictionary for each language to check. `requested` empty: the languages of `targets`
// (primary subtags) that are on_by_default, the others listed in off_by_default; else exactly
// `requested`. Fails (kUnsupported) when a language has no dictionary in `dirs`, with a message
// that names the language and the folders searched, or when a file cannot be read.
core::Result<Spellers> open_spellers(std::span<const std::string> requested,
                                     std::span<const std::string> targets,
                                     std::span<const std::string> dirs);

}  // namespace tilmash::spell
