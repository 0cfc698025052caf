// io::parse_dictd / gunzip / read_dictd: FreeDict's dictd layout (one sense, numbered senses,
// senses without translations, remarks in brackets, the database's own entries) and every way
// an index or a dictzip file can be wrong.
#include "io/dictd.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <zlib.h>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace tilmash::io {
namespace {

constexpr std::string_view kB64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string b64(std::size_t n) {
  std::string out;
  do {
    out.insert(out.begin(), kB64[n % 64]);
    n /= 64;
  } while (n != 0);
  return out;
}

// A dictionary of these entries: {index, data}.
std::pair<std::string, std::string> dictionary(
    const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string index, data;
  for (const auto& [word, text] : entries) {
    index += word + "\t" + b64(data.size()) + "\t" + b64(text.size()) + "\n";
    data += text;
  }
  return {index, data};
}

std::string gzip(std::string_view bytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string error_of(std::string_view index, std::string_view data) {
  try {
    parse_dictd(index, data, "d.index");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(DictdTest, OneSenseTakesTheLineAfterTheHeadword) {
  auto [index, data] = dictionary({
      {"00databaseinfo", "00-database-info\nA test dictionary.\n"},
      {"kanton",
       "Kanton /kanˈtoːn/ <n, masc>\ncanton, district\neine politische Verwaltungseinheit\n"},
      {"zoo", "zoo /zˈuː/\nзоопарк\n"},
  });
  const auto entries = parse_dictd(index, data, "d.index");
  ASSERT_EQ(entries.size(), 2u);  // the database's description is not an entry
  EXPECT_EQ(entries[0].headword, "Kanton");
  EXPECT_EQ(entries[0].translations, (std::vector<std::string>{"canton", "district"}));
  EXPECT_EQ(entries[1].headword, "zoo");
  EXPECT_EQ(entries[1].translations, (std::vector<std::string>{"зоопарк"}));
}

TEST(DictdTest, NumberedSensesGiveOnlyTheirTranslations) {
  // FreeDict's rendering: "1. maison 2." holds sense 1's translation and sense 2's number;
  // sense 2 and 3 have definitions only; sense 4 has translations again.
  auto [index, data] = dictionary({{"haus",
                                    "Haus /haʊ̯s/ <n, neut>\n1. maison 2.\nein Gebäude\n 3.\n"
                                    "zum Wohnen dienendes Gebäude\n 4. foyer (fig.); maison\n"
                                    "Gesamtheit der Bewohner\n"}});
  const auto entries = parse_dictd(index, data, "d.index");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].headword, "Haus");
  EXPECT_EQ(entries[0].translations, (std::vector<std::string>{"maison", "foyer"}));
}

TEST(DictdTest, RemarksInBracketsAreLeftOutOfAnItem) {
  auto [index, data] =
      dictionary({{"a", "abandon /əbændən/\nоставлять (кого-л., что-л.), покидать [разг.]\n"}});
  const auto entries = parse_dictd(index, data, "d.index");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].translations, (std::vector<std::string>{"оставлять", "покидать"}));
}

TEST(DictdTest, EntryWithoutTranslationIsKeptEmpty) {
  auto [index, data] = dictionary({{"x", "x /eks/\n"}, {"empty", "\n\n"}});
  const auto entries = parse_dictd(index, data, "d.index");
  ASSERT_EQ(entries.size(), 1u);  // an entry without a headword line is dropped
  EXPECT_EQ(entries[0].headword, "x");
  EXPECT_TRUE(entries[0].translations.empty());
}

TEST(DictdTest, BadIndexLinesNameTheLine) {
  const std::string data = "word\nmot\n";
  EXPECT_NE(error_of("word\tA\n", data).find("d.index:1"), std::string::npos);
  EXPECT_NE(error_of("word\tA\tJ\nnext\tA\t!\n", data).find("d.index:2"), std::string::npos);
  EXPECT_NE(error_of("word\tA\t!\n", data).find("base-64"), std::string::npos);
  // An entry past the end of the data (offset 1 + length 63 > 9 bytes).
  const std::string past = error_of("word\tB\t/\n", data);
  EXPECT_NE(past.find("d.index:1"), std::string::npos) << past;
  EXPECT_NE(past.find("outside the data"), std::string::npos) << past;
  // Eleven base-64 digits would overflow a 64-bit offset: refused, not wrapped.
  EXPECT_NE(error_of("word\t///////////\tA\n", data).find("base-64"), std::string::npos);
  EXPECT_NE(error_of("w\xff\tA\tB\n", data).find("UTF-8"), std::string::npos);
  EXPECT_NE(error_of("word\tA\tJ\n", "word\n\xc3(\nxxxxx").find("not valid UTF-8"),
            std::string::npos);
}

TEST(DictdTest, GunzipRoundTripsAndRefusesWhatIsNotAWholeStream) {
  const std::string text = "Haus /haʊ̯s/\nmaison\n";
  const std::string gz = gzip(text);
  EXPECT_EQ(gunzip(gz, "d.dict.dz", 1 << 20), text);
  // gzip(1) may concatenate members; each is inflated in turn.
  EXPECT_EQ(gunzip(gz + gzip("more\n"), "d.dict.dz", 1 << 20), text + "more\n");
  auto message = [](std::string_view bytes, std::size_t limit) {
    try {
      gunzip(bytes, "d.dict.dz", limit);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("plain text", 1 << 20).find("not a gzip"), std::string::npos);
  EXPECT_NE(message(gz.substr(0, gz.size() / 2), 1 << 20).find("cut short"), std::string::npos);
  std::string flipped = gz;
  flipped[12] = static_cast<char>(flipped[12] ^ 0x55);
  EXPECT_NE(message(flipped, 1 << 20).find("d.dict.dz"), std::string::npos);
  EXPECT_NE(message(gz + "junk", 1 << 20).find("after the end"), std::string::npos);
  // A bomb: 4 MB of zeros refused at a 1 MB limit, without inflating all of it.
  EXPECT_NE(message(gzip(std::string(4 << 20, '\0')), 1 << 20).find("inflates beyond"),
            std::string::npos);
}

class DictdFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path()
           / ("tilmash-dictd-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed())
              + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, std::string_view bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(DictdFileTest, ReadsCompressedOrPlainDataByAnyOfItsNames) {
  auto [index, data] = dictionary({{"zoo", "zoo\nзоопарк\n"}});
  write("a.index", index);
  write("a.dict.dz", gzip(data));
  write("b.index", index);
  write("b.dict", data);
  for (const std::string name : {"a.index", "a.dict.dz", "b.index", "b.dict"}) {
    const auto entries = read_dictd(path(name));
    ASSERT_EQ(entries.size(), 1u) << name;
    EXPECT_EQ(entries[0].translations, std::vector<std::string>{"зоопарк"}) << name;
  }
  EXPECT_TRUE(is_dictd_path("x/freedict-eng-rus.index"));
  EXPECT_FALSE(is_dictd_path("pairs.tsv"));
}

TEST_F(DictdFileTest, MissingDataIsAnIoErrorNamingTheCompressedFile) {
  write("c.index", "zoo\tA\tB\n");
  try {
    read_dictd(path("c.index"));
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("c.dict.dz"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_dictd(path("none.index")), IoError);
}

}  // namespace
}  // namespace tilmash::io
