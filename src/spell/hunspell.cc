#include "spell/hunspell.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include <hunspell/hunspell.hxx>
#include <unicode/unistr.h>

namespace tilmash::spell {
namespace fs = std::filesystem;

namespace {

bool readable(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return static_cast<bool>(in);
}

}  // namespace

std::optional<DictionaryFiles> find_dictionary(std::string_view lang,
                                               std::span<const std::string> dirs) {
  if (lang.empty()) return std::nullopt;
  const std::string exact = std::string(lang) + ".aff";
  const std::string prefix = std::string(lang) + "_";
  for (const std::string& dir : dirs) {
    if (dir.empty()) continue;
    std::error_code ec;
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      if (name.ends_with(".aff") && (name == exact || name.starts_with(prefix))) {
        names.push_back(name);
      }
    }
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
      return (a == exact) != (b == exact) ? a == exact : a < b;
    });
    for (const std::string& name : names) {
      const fs::path aff = fs::path(dir) / name;
      fs::path dic = aff;
      dic.replace_extension(".dic");
      if (fs::is_regular_file(dic, ec)) return DictionaryFiles{aff.string(), dic.string()};
    }
  }
  return std::nullopt;
}

struct HunspellSpeller::Impl {
  explicit Impl(const DictionaryFiles& f) : hunspell(f.aff.c_str(), f.dic.c_str()) {}
  Hunspell hunspell;
  std::string encoding;  // "" when the dictionary is UTF-8

  std::string to_dict(std::string_view utf8) const {
    if (encoding.empty()) return std::string(utf8);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 1, '\0');
    const int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()),
                                encoding.c_str());
    out.resize(static_cast<std::size_t>(std::max<int32_t>(n, 0)));
    return out;
  }
  std::string from_dict(const std::string& bytes) const {
    if (encoding.empty()) return bytes;
    const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), encoding.c_str());
    std::string out;
    u.toUTF8String(out);
    return out;
  }
};

core::Result<std::unique_ptr<HunspellSpeller>> HunspellSpeller::open(const DictionaryFiles& files) {
  for (const std::string* p : {&files.aff, &files.dic}) {
    if (!readable(*p)) {
      return core::unexpected(core::Error{core::ErrorCode::kUnsupported,
                                          "cannot read the Hunspell dictionary file " + *p, 0});
    }
  }
  auto impl = std::make_unique<Impl>(files);
  std::string enc = impl->hunspell.get_dict_encoding();
  std::string upper = enc;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper != "UTF-8" && upper != "UTF8") {
    // Hunspell works in the dictionary's 8-bit encoding (ISO8859-1 when the .aff has no SET).
    const icu::UnicodeString probe("a", 1, enc.c_str());
    if (probe.isBogus()) {
      return core::unexpected(core::Error{core::ErrorCode::kBadFormat,
                                          files.aff + ": unknown encoding '" + enc + "'", 0});
    }
    impl->encoding = enc;
  }
  return std::unique_ptr<HunspellSpeller>(new HunspellSpeller(std::move(impl)));
}

HunspellSpeller::HunspellSpeller(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HunspellSpeller::~HunspellSpeller() = default;

bool HunspellSpeller::correct(std::string_view word) {
  return impl_->hunspell.spell(impl_->to_dict(word));
}

std::vector<std::string> HunspellSpeller::suggest(std::string_view word) {
  std::vector<std::string> out;
  for (const std::string& s : impl_->hunspell.suggest(impl_->to_dict(word))) {
    out.push_back(impl_->from_dict(s));
  }
  return out;
}

std::map<std::string, Speller*> Spellers::views() const {
  std::map<std::string, Speller*> out;
  for (const auto& [lang, speller] : by_lang) out.emplace(lang, speller.get());
  return out;
}

core::Result<Spellers> open_spellers(std::span<const std::string> requested,
                                     std::span<const std::string> targets,
                                     std::span<const std::string> dirs) {
  Spellers out;
  std::vector<std::string> langs;
  if (requested.empty()) {
    for (const std::string& t : targets) {
      if (std::find(langs.begin(), langs.end(), t) != langs.end() ||
          std::find(out.off_by_default.begin(), out.off_by_default.end(), t) !=
              out.off_by_default.end()) {
        continue;
      }
      (on_by_default(t) ? langs : out.off_by_default).push_back(t);
    }
  } else {
    langs.assign(requested.begin(), requested.end());
  }
  for (const std::string& lang : langs) {
    if (out.by_lang.contains(lang)) continue;
    std::optional<DictionaryFiles> files = find_dictionary(lang, dirs);
    if (!files) {
      std::string where;
      for (const std::string& d : dirs) {
        if (!d.empty()) where.append(where.empty() ? "" : ", ").append(d);
      }
      return core::unexpected(core::Error{
          core::ErrorCode::kUnsupported,
          "no Hunspell dictionary for '" + lang + "' (" + lang + ".aff or " + lang +
              "_*.aff) in " + where + "; install hunspell-" + lang +
              ", or name its folder with --spelling-dict or TILMASH_HUNSPELL_DIR",
          0});
    }
    auto speller = HunspellSpeller::open(*files);
    if (!speller) return core::unexpected(speller.error());
    out.by_lang.emplace(lang, std::move(*speller));
  }
  return out;
}

core::Result<std::unique_ptr<Spelling>> open_spelling(
    const term::Matcher& matcher, std::span<const std::string> requested,
    std::span<const core::TranslationUnit> units, std::string_view source_lang,
    std::span<const std::string> dirs,
    const std::function<std::vector<std::string>(std::string_view lang)>& abbreviations) {
  std::vector<std::string> targets;
  for (const core::TranslationUnit& u : units) {
    for (const core::Variant& v : u.variants) {
      std::string lang = qa::primary_lang(v.lang);
      if (lang != source_lang) targets.push_back(std::move(lang));
    }
  }
  auto spellers = open_spellers(requested, targets, dirs);
  if (!spellers) return core::unexpected(spellers.error());
  SpellingOptions options;
  for (const auto& [lang, speller] : spellers->by_lang) {
    if (abbreviations) options.abbreviations[lang] = abbreviations(lang);
  }
  const std::map<std::string, Speller*> views = spellers->views();
  auto checker = SpellChecker::create(matcher, views, std::move(options));
  if (!checker) return core::unexpected(checker.error());
  // The spellers live on the heap (unique_ptr), so the checker's pointers survive the move.
  return std::unique_ptr<Spelling>(new Spelling{std::move(*spellers), std::move(*checker)});
}

}  // namespace tilmash::spell
