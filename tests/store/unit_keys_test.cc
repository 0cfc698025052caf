// What every TM backend shares: core::fnv1a_128 against the FNV spec, the dedup key (which
// units are one), the date merge, and the stored encodings (postings_codec, extra_codec).
#include "store/unit_keys.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/hash.h"
#include "store/extra_codec.h"
#include "store/postings_codec.h"

namespace tilmash::store {
namespace {

// Expected values computed independently with Python's big integers
// (h = ((h ^ byte) * (2**88 + 0x13b)) % 2**128 from the offset basis), the spec's definition.
TEST(Fnv128Test, SpecValues) {
  EXPECT_EQ(core::to_hex(core::fnv1a_128("")), "6c62272e07bb014262b821756295c58d");  // the basis
  EXPECT_EQ(core::to_hex(core::fnv1a_128("a")), "d228cb696f1a8caf78912b704e4a8964");
  EXPECT_EQ(core::to_hex(core::fnv1a_128("foobar")), "343e1662793c64bf6f0d3597ba446f18");
  EXPECT_EQ(core::to_hex(core::fnv1a_128("Файлды ашу")), "21818270d8180167644d09fe6ce13758");
  // Chaining equals hashing the concatenation.
  EXPECT_EQ(core::fnv1a_128("bar", core::fnv1a_128("foo")), core::fnv1a_128("foobar"));
  // The 64-bit one is unchanged (stored in every SQLite TM).
  EXPECT_EQ(core::fnv1a("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(core::fnv1a("foobar"), 0x85944171f73967e8ULL);
}

core::TranslationUnit unit(std::vector<std::pair<std::string, std::string>> variants) {
  core::TranslationUnit u;
  for (auto& [lang, text] : variants) {
    core::Variant v;
    v.lang = lang;
    v.text = text;
    u.variants.push_back(std::move(v));
  }
  return u;
}

TEST(UnitKeyTest, SpaceAndNfcVariantsCollide) {
  const core::TranslationUnit base = unit({{"en", "Open the file"}, {"kk", "Файлды ашу"}});
  const UnitKey k(base);
  ASSERT_TRUE(k.storable());
  for (const auto& other :
       {unit({{"en", " Open\tthe  file\n"}, {"kk", "Файлды\u00a0ашу"}}),
        unit({{"kk", "Файлды ашу"}, {"en", "Open\u2009the\u3000file"}}),  // order of variants
        unit({{"en", "Open the file"}, {"kk", "Файлды ашу"}, {"ru", ""}})}) {  // empty: ignored
    const UnitKey o(other);
    EXPECT_EQ(o.fnv64(), k.fnv64());
    EXPECT_EQ(o.fnv128(), k.fnv128());
    EXPECT_EQ(o.pairs(), k.pairs());
  }
  // NFD й (и + combining breve) and NFC й.
  // A UnitKey views its unit's variants: the units must outlive the keys.
  const core::TranslationUnit nfd_unit = unit({{"en", "May"}, {"kk", "Ма\u0438\u0306"}});
  const core::TranslationUnit nfc_unit = unit({{"en", "May"}, {"kk", "Ма\u0439"}});
  const UnitKey nfd(nfd_unit);
  const UnitKey nfc(nfc_unit);
  EXPECT_EQ(nfd.fnv128(), nfc.fnv128());
  EXPECT_EQ(nfd.fnv64(), nfc.fnv64());
  EXPECT_TRUE(k.matches({{"kk", "Файлды  ашу"}, {"en", "Open the file"}}));
}

TEST(UnitKeyTest, DifferentTextsOrLanguagesDoNot) {
  const core::TranslationUnit base = unit({{"en", "Open the file"}, {"kk", "Файлды ашу"}});
  const UnitKey k(base);
  for (const auto& other : {unit({{"en", "Open the files"}, {"kk", "Файлды ашу"}}),
                            unit({{"en", "Open the file"}, {"ru", "Файлды ашу"}}),
                            unit({{"en", "open the file"}, {"kk", "Файлды ашу"}}),
                            unit({{"en", "Open the\u00adfile"}, {"kk", "Файлды ашу"}}),
                            // The separators keep language and text apart.
                            unit({{"enO", "pen the file"}, {"kk", "Файлды ашу"}}),
                            unit({{"en", "Open the file"}, {"kk", "Файлды ашу"},
                                  {"ru", "Открыть файл"}})}) {
    const UnitKey o(other);
    EXPECT_NE(o.fnv64(), k.fnv64());
    EXPECT_NE(o.fnv128(), k.fnv128());
    EXPECT_NE(o.pairs(), k.pairs());
  }
  EXPECT_FALSE(k.matches({{"en", "Open the file"}, {"ru", "Файлды ашу"}}));
  EXPECT_FALSE(k.matches({{"en", "Open the file"}}));
}

TEST(UnitKeyTest, FewerThanTwoVariantsAreNotStorable) {
  EXPECT_FALSE(UnitKey(unit({{"en", "Alone"}, {"kk", " \t"}})).storable());
  EXPECT_FALSE(UnitKey(unit({})).storable());
  const core::TranslationUnit u = unit({{"en", "a  b"}, {"kk", "c"}});
  UnitKey k(u);
  ASSERT_EQ(k.variants().size(), 2u);
  EXPECT_EQ(k.variants()[0].text(), "a b");
  k.release();
  EXPECT_EQ(k.variants()[0].variant, &u.variants[0]);
}

TEST(UnitDatesTest, ImportAndMerge) {
  core::TranslationUnit u;
  EXPECT_EQ(import_dates(u, "20250101T000000Z"),
            (UnitDates{"20250101T000000Z", "20250101T000000Z"}));
  u.creationdate = "20240101T000000Z";
  EXPECT_EQ(import_dates(u, "20250101T000000Z"),
            (UnitDates{"20240101T000000Z", "20240101T000000Z"}));
  u.changedate = "20240301T000000Z";
  EXPECT_EQ(import_dates(u, "20250101T000000Z"),
            (UnitDates{"20240101T000000Z", "20240301T000000Z"}));
  const UnitDates stored{"20240201T000000Z", "20240201T000000Z"};
  EXPECT_EQ(merge_dates(stored, {"20240101T000000Z", "20240101T000000Z"}),
            (UnitDates{"20240101T000000Z", "20240201T000000Z"}));
  EXPECT_EQ(merge_dates(stored, {"20240301T000000Z", "20240401T000000Z"}),
            (UnitDates{"20240201T000000Z", "20240401T000000Z"}));
  EXPECT_EQ(merge_dates({}, {"20240301T000000Z", "20240401T000000Z"}),
            (UnitDates{"20240301T000000Z", "20240401T000000Z"}));
}

TEST(PostingsCodecTest, RoundTrips) {
  std::string blob;
  for (const std::uint64_t v : {0ULL, 127ULL, 128ULL, 300ULL, ~0ULL}) {
    blob.clear();
    put_varint(blob, v);
    std::string_view in = blob;
    std::uint64_t back = 1;
    ASSERT_TRUE(get_varint(in, back));
    EXPECT_EQ(back, v);
    EXPECT_TRUE(in.empty());
  }
  std::string_view cut("\x80", 1);
  std::uint64_t v = 0;
  EXPECT_FALSE(get_varint(cut, v));

  const std::vector<std::uint32_t> toks{5, 0, 70000, 5};
  encode_tokens(toks, blob);
  EXPECT_EQ(decode_tokens(blob), toks);

  const std::vector<std::uint32_t> ids{3, 9, 12};
  const auto sig = [](std::uint32_t id) { return std::uint64_t{id} * 0x0101010101ULL; };
  encode_postings(ids, sig, {}, blob);
  EXPECT_EQ(blob.size(), 3u * 12);
  std::vector<core::Posting> out;
  decode_postings(blob, 7, 0, 100, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].id, 9u);
  EXPECT_EQ(out[1].signature, sig(9));
  EXPECT_EQ(out[1].length, 7u);
  // The long row keeps each segment's length and filters by it.
  const std::vector<std::uint32_t> lens{70000, 65535, 90000};
  encode_postings(ids, sig, lens, blob);
  out.clear();
  decode_postings(blob, static_cast<std::uint32_t>(kLongLen), 65535, 80000, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].length, 70000u);
  EXPECT_EQ(out[1].id, 9u);

  const std::int64_t key = postings_key(42, 17, 3);
  EXPECT_EQ(postings_row(key), 17u);
  EXPECT_EQ(postings_row(postings_key(42, 200000, 3)), kLongLen);
  EXPECT_LT(postings_key(42, 17, kMaxBatch), postings_key(42, 18, 0));
  EXPECT_LT(postings_key(42, kLongLen, kMaxBatch), postings_key(43, 0, 0));
  EXPECT_EQ(index_lang("en-US"), "en");
  EXPECT_EQ(index_lang("KK"), "kk");
}

TEST(ExtraCodecTest, RoundTrips) {
  const std::vector<core::Prop> props{{"x-context", "menu"}, {"", "é"}};
  const std::vector<std::string> notes{"checked", ""};
  const std::vector<core::Attr> attrs{{"usagecount", "3"}};
  std::vector<core::Prop> p;
  std::vector<std::string> n;
  std::vector<core::Attr> a;
  decode_extra(encode_extra(props, notes, attrs), p, n, a);
  EXPECT_EQ(p, props);
  EXPECT_EQ(n, notes);
  EXPECT_EQ(a, attrs);
}

}  // namespace
}  // namespace tilmash::store
