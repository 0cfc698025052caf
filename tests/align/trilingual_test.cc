#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "align/aligner.h"
#include "align/test_util.h"

namespace tilmash::align {
namespace {

using testing::bead_strings;
using testing::covers_exactly_once;
using Strings = std::vector<std::string>;

Alignment parse(const Strings& beads) {
  Alignment a;
  for (const auto& s : beads) {
    auto b = core::parse_bead(s, 2);
    EXPECT_TRUE(b.has_value()) << s;
    a.beads.push_back(*b);
  }
  return a;
}

TEST(TrilingualTest, SameGroupingJoinsBeadForBead) {
  Alignment kk = parse({"0:0", "1:1,2", "2:3"});
  Alignment ru = parse({"0:0", "1:1", "2:2"});
  Alignment j = join_on_source(kk, ru, 3);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1:1,2:1", "2:3:2"}));
}

TEST(TrilingualTest, DifferentGroupingsAreCoarsened) {
  // kk merges en 1+2; ru merges en 2+3: the common grouping is en 1..3 together.
  Alignment kk = parse({"0:0", "1,2:1", "3:2", "4:3"});
  Alignment ru = parse({"0:0", "1:1", "2,3:2", "4:3"});
  Alignment j = join_on_source(kk, ru, 5);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1,2,3:1,2:1,2", "4:3:3"}));
  EXPECT_TRUE(covers_exactly_once(j, {5, 4, 4}));
}

TEST(TrilingualTest, InsertionsAndOmissionsKept) {
  // kk inserts a sentence before en 1; ru omits en 2.
  Alignment kk = parse({"0:0", ":1", "1:2", "2:3"});
  Alignment ru = parse({"0:0", "1:1", "2:"});
  Alignment j = join_on_source(kk, ru, 3);
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", ":1:", "1:2:1", "2:3:"}));
  EXPECT_TRUE(covers_exactly_once(j, {3, 4, 2}));
}

TEST(TrilingualTest, EmptySource) {
  Alignment kk = parse({":0", ":1"});
  Alignment ru = parse({":0"});
  Alignment j = join_on_source(kk, ru, 0);
  EXPECT_EQ(bead_strings(j), (Strings{":0,1:0"}));
}

// One-sided sentences in a three-language run: the Kazakh translation leaves out en 2 (a date,
// an agency and a city it then never mentions), the Russian one adds an explanation of its own
// (numbers the English lacks). Each stands alone, and the other language keeps its 1-1 beads.
TEST(TrilingualTest, Align3KeepsOneSidedSentencesAlone) {
  auto en = testing::segs({
      "Sairagul Sauytbay fled Xinjiang in April 2018.",
      "She crossed into Kazakhstan with forged documents.",
      "On 21 May 2018 Kazakhstan's KNB detained her in Almaty.",
      "Her trial began on July 9 in the town of Zharkent.",
      "The court released her on August 1.",
      "\"I will not go back to the camps,\" she said.",
  });
  auto kk = testing::segs({
      "Сайрагүл Сауытбай 2018 жылдың сәуірінде Шыңжаңнан қашып кетті.",
      "Ол Қазақстанға жалған құжаттармен өтті.",
      "Оның соты 9 шілдеде Жаркент қаласында басталды.",
      "Сот оны 1 тамызда босатты.",
      "«Мен лагерьлерге қайтып бармаймын», — деді ол.",
  });
  auto ru = testing::segs({
      "Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.",
      "Она пересекла границу Казахстана с поддельными документами.",
      "21 мая 2018 года КНБ Казахстана задержал её в Алматы.",
      "Суд над ней начался 9 июля в городе Жаркент.",
      "Жаркент — город в 30 километрах от границы с Китаем, в 2019 году в нём жили 44 тысячи человек.",
      "Суд освободил её 1 августа.",
      "«Я не вернусь в лагеря», — сказала она.",
  });
  Alignment a = align3(en, kk, ru);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0:0", "1:1:1", "2::2", "3:2:3", "::4", "4:3:5", "5:4:6"}));
  EXPECT_TRUE(covers_exactly_once(a, {6, 5, 7}));
}

TEST(TrilingualTest, Align3CoversEverySentenceOnce) {
  auto en = testing::segs({"Almaty is the largest city of Kazakhstan.", "It had 2 million people in 2021.",
                           "Nur-Sultan is the capital.", "Is it cold there?"});
  auto kk = testing::segs({"Алматы — Қазақстанның ең үлкен қаласы.", "2021 жылы онда 2 миллион адам болды, ал астанасы — Нұр-Сұлтан.",
                           "Онда суық па?"});
  auto ru = testing::segs({"Алматы — крупнейший город Казахстана.", "В 2021 году там жили 2 миллиона человек.",
                           "Столица — Нур-Султан.", "Там холодно?"});
  Alignment j = align3(en, kk, ru);
  EXPECT_TRUE(covers_exactly_once(j, {4, 3, 4}));
  EXPECT_EQ(bead_strings(j), (Strings{"0:0:0", "1,2:1:1,2", "3:2:3"}));
}

TEST(TrilingualTest, Align3BatchCoversEveryTripleOnce) {
  auto en = testing::segs({"Almaty is the largest city of Kazakhstan.", "It had 2 million people in 2021.",
                           "Nur-Sultan is the capital.", "Is it cold there?"});
  auto kk = testing::segs({"Алматы — Қазақстанның ең үлкен қаласы.", "2021 жылы онда 2 миллион адам болды, ал астанасы — Нұр-Сұлтан.",
                           "Онда суық па?"});
  auto ru = testing::segs({"Алматы — крупнейший город Казахстана.", "В 2021 году там жили 2 миллиона человек.",
                           "Столица — Нур-Султан.", "Там холодно?"});
  const std::vector<std::array<Document, 3>> docs = {{Document{en}, Document{kk}, Document{ru}},
                                                     {Document{en}, Document{ru}, Document{kk}}};
  std::vector<Alignment> out = align3_batch(docs);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(covers_exactly_once(out[0], {4, 3, 4}));
  EXPECT_TRUE(covers_exactly_once(out[1], {4, 4, 3}));
  // The pairwise alignments stay available, each covering its pair exactly once.
  ASSERT_EQ(out[0].pairwise.size(), 2u);
  EXPECT_TRUE(covers_exactly_once(Alignment{out[0].pairwise[0], {}}, {4, 3}));
  EXPECT_TRUE(covers_exactly_once(Alignment{out[0].pairwise[1], {}}, {4, 4}));
  EXPECT_TRUE(align3_batch({}).empty());
}

}  // namespace
}  // namespace tilmash::align
