#include "core/translit.h"

#include <mutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace tilmash::core {
namespace detail {
std::string_view kk_cyrl_latn_2021_rules();  // translit_rules.cc, generated
}  // namespace detail

struct Transliterator::Impl {
  std::unique_ptr<icu::Transliterator> icu;
  // icu::Transliterator::transliterate is const but not documented as thread-safe for
  // rule-based transliterators (they keep a match cache), so calls are serialized.
  mutable std::mutex mutex;
};

std::string_view Transliterator::rules(std::string_view target) {
  if (target == "kk-Latn") return detail::kk_cyrl_latn_2021_rules();
  return {};
}

Result<Transliterator> Transliterator::create(std::string_view target) {
  const std::string_view text = rules(target);
  if (text.empty()) {
    return unexpected({ErrorCode::kUnsupported,
                       "no transliteration to '" + std::string(target) + "' (known: kk-Latn)", 0});
  }
  const icu::UnicodeString rules_u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      "kk-Cyrl-Latn-2021", rules_u, UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || t == nullptr) {
    return unexpected({ErrorCode::kIcu,
                       std::string("transliteration rules: ") + u_errorName(status) + " at line "
                           + std::to_string(parse_error.line) + " offset "
                           + std::to_string(parse_error.offset),
                       0});
  }
  auto impl = std::make_shared<Impl>();
  impl->icu = std::move(t);
  return Transliterator(std::move(impl));
}

std::string Transliterator::operator()(std::string_view text) const {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->icu->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace tilmash::core
