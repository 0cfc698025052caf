#include "align/aligner.h"

#include <array>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "align/length_model.h"
#include "align/test_util.h"

namespace tilmash::align {
namespace {

using testing::bead_strings;
using testing::covers_exactly_once;
using testing::segs;
using Strings = std::vector<std::string>;

const Strings kEn = {
    "Sairagul Sauytbay fled Xinjiang in April 2018.",
    "She crossed into Kazakhstan with forged documents.",
    "In Almaty, the police detained her three months later.",
    "Her trial began on July 9 in the town of Zharkent.",
    "The court released her on August 1.",
    "\"I will not go back to the camps,\" she said.",
};

// kEn in Kazakh, with sentences 1 and 2 merged.
const Strings kKkMerged = {
    "Сайрагүл Сауытбай 2018 жылдың сәуірінде Шыңжаңнан қашып кетті.",
    "Ол Қазақстанға жалған құжаттармен өтті, ал Алматыда полиция оны үш айдан кейін ұстады.",
    "Оның соты 9 шілдеде Жаркент қаласында басталды.",
    "Сот оны 1 тамызда босатты.",
    "«Мен лагерьлерге қайтып бармаймын», — деді ол.",
};

TEST(AlignerTest, OneToOneOnly) {
  const Strings ru = {
      "Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.",
      "Она пересекла границу Казахстана с поддельными документами.",
      "В Алматы полиция задержала её через три месяца.",
      "Суд над ней начался 9 июля в городе Жаркент.",
      "Суд освободил её 1 августа.",
      "«Я не вернусь в лагеря», — сказала она.",
  };
  auto en = segs(kEn), tgt = segs(ru);
  Alignment a = align(en, tgt);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2", "3:3", "4:4", "5:5"}));
}

TEST(AlignerTest, TwoToOneMerge) {
  auto en = segs(kEn), tgt = segs(kKkMerged);
  Alignment a = align(en, tgt);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1,2:1", "3:2", "4:3", "5:4"}));
}

TEST(AlignerTest, OneToTwoSplit) {
  const Strings ru = {
      "Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.",
      "Она пересекла границу Казахстана с поддельными документами.",
      "В Алматы полиция задержала её через три месяца.",
      "Суд над ней начался 9 июля.",
      "Он проходил в городе Жаркент.",
      "Суд освободил её 1 августа.",
      "«Я не вернусь в лагеря», — сказала она.",
  };
  auto en = segs(kEn), tgt = segs(ru);
  Alignment a = align(en, tgt);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2", "3:3,4", "4:5", "5:6"}));
}

// Known failure (measured): en 2 carries no evidence the aligner can read yet. Its name (Almaty)
// appears in no Russian sentence, so it is no expected anchor or cognate; Model 1 learns almost
// nothing from five pairs; and its number is a word ("three"), which the anchors do not read.
// With "3 months" the missed anchor makes the 1-0 bead win (checked by hand); enable this test
// once the anchors read small numbers written as words (issue 16, core number reader).
TEST(AlignerTest, OmittedSentence) {
  // The left-out sentence's only evidence is "three" written as a word: the core number reader
  // (AlignOptions::langs) makes it an anchor the Russian side lacks, so 1-0 wins over 2-1.
  const Strings ru = testing::without(testing::kStoryRu, 2);
  auto en = segs(kEn), tgt = segs(ru);
  AlignOptions o;
  o.langs = {"en", "ru"};
  Alignment a = align(en, tgt, o);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:", "3:2", "4:3", "5:4"}));
}

// The evidence the aligner uses for a sentence without counterpart: here the omitted English
// sentence carries a number and a name the translation repeats everywhere else, so gluing it to a
// neighbour leaves its anchors without counterpart and the 1-0 bead wins; the neighbours' beads
// stay sure of themselves while the omission is the least sure bead.
TEST(AlignerTest, OmittedSentenceWithUnmatchedAnchorsStandsAlone) {
  const Strings& en = testing::kStoryEn;
  const Strings ru = testing::without(testing::kStoryRu, 2);
  auto src = segs(en), tgt = segs(ru);
  Alignment a = align(src, tgt);
  ASSERT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:", "3:2", "4:3", "5:4"}));
  EXPECT_GT(a.beads[0].confidence, 0.5);
  EXPECT_GT(a.beads[3].confidence, 0.5);
  AlignOptions off;
  off.use_anchor_misses = false;  // without the evidence of missed anchors it is glued
  EXPECT_NE(bead_strings(align(src, tgt, off)), bead_strings(a));
  // Every sentence carries its posterior chance of standing alone (Bead::alone): high for the
  // left-out one, low in confident 1-1 beads. A merged bead's high one is what `check`
  // reports as possibly left out.
  for (const core::Bead& b : a.beads) {
    ASSERT_EQ(b.alone.size(), 2u);
    for (std::size_t k = 0; k < 2; ++k) {
      ASSERT_EQ(b.alone[k].size(), b.sides[k].size());
      for (double p : b.alone[k]) {
        EXPECT_GE(p, 0.0);
        EXPECT_LE(p, 1.0 + 1e-9);
      }
    }
  }
  EXPECT_GT(a.beads[2].alone[0][0], 0.5);
  EXPECT_GT(a.beads[2].alone[0][0], 2 * a.beads[0].alone[0][0]);
  EXPECT_LT(a.beads[0].alone[0][0], a.beads[0].confidence);
  EXPECT_LT(a.beads[3].alone[1][0], 0.5);
}

// A sentence left out and another added at the same point (the translator rewrote it): they
// share a slot, so they form one 1-1 bead, less sure than its neighbours, not an omission plus
// an addition (without joining them the aligner outputs ":2", "2:").
TEST(AlignerTest, OmissionFacingAdditionIsOneUnsureBead) {
  const Strings& en = testing::kStoryEn;
  Strings ru = testing::kStoryRu;
  ru[2] = "В 2019 году Amnesty International назвала её дело показательным для 300 семей, чьи "
          "родственники до сих пор находятся в заключении без суда и следствия.";
  auto src = segs(en), tgt = segs(ru);
  Alignment a = align(src, tgt);
  ASSERT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2", "3:3", "4:4", "5:5"}));
  EXPECT_LT(a.beads[2].confidence, a.beads[1].confidence);  // the least sure bead
  EXPECT_LT(a.beads[2].confidence, a.beads[3].confidence);
}

// A sentence the translator added (an explanation of their own, 0-1): its number has no
// counterpart in the source.
TEST(AlignerTest, AddedSentenceStandsAlone) {
  const Strings kk = {
      "Сайрагүл Сауытбай 2018 жылдың сәуірінде Шыңжаңнан қашып кетті.",
      "Ол Қазақстанға жалған құжаттармен өтті.",
      "Алматыда полиция оны үш айдан кейін ұстады.",
      "Жаркент — Қытай шекарасынан 30 шақырым жердегі қала, онда 2019 жылы 44 мың адам тұрған.",
      "Оның соты 9 шілдеде Жаркент қаласында басталды.",
      "Сот оны 1 тамызда босатты.",
      "«Мен лагерьлерге қайтып бармаймын», — деді ол.",
  };
  auto src = segs(kEn), tgt = segs(kk);
  Alignment a = align(src, tgt);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2", ":3", "3:4", "4:5", "5:6"}));
}

// A short news item (one document alone: Model 1 learns next to nothing from a few pairs) whose
// Kazakh translation adds a closing sentence of its own. The added sentence names Shymkent again, so
// only the names of the last English sentence, written in English romanisation (Shymkent,
// Abay: ISO 9 gives symkent, abaj), tell which Kazakh sentence translates it; without them the
// added sentence took the last sentence's place and pushed its translation into the bead
// before (1-2), as in news text 12 (tests/align/data/news).
TEST(AlignerTest, AddedClosingSentenceDoesNotDisplaceTheLastOne) {
  const Strings en = {
      "Zhanar Abdrakhmanova returned to Kazakhstan in May 2019.",
      "Her husband is still held in a camp in Ghulja, she says.",
      "She has written to the Foreign Ministry 4 times.",
      "2 of her letters came back unopened, she says.",
      "Now she lives in Shymkent, on Abay Street, and works at a bakery.",
  };
  const Strings kk = {
      "Жанар Абдрахманова 2019 жылдың мамырында Қазақстанға оралды.",
      "Оның айтуынша, күйеуі әлі де Құлжадағы лагерьде отыр.",
      "Ол Сыртқы істер министрлігіне 4 рет хат жазған.",
      "2 хаты ашылмай қайтқан.",
      "Қазір ол Шымкентте, Абай көшесінде тұрады, наубайханада істейді.",
      "Шымкенттегі еріктілер оған заңгерлік көмек көрсетіп жүр.",
  };
  auto src = segs(en), tgt = segs(kk);
  AlignOptions o;
  o.langs = {"en", "kk"};
  Alignment a = align(src, tgt, o);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2", "3:3", "4:4", ":5"}));
  // The same item with an English sentence the translation leaves out (its year and name have
  // no counterpart): both one-sided sentences stand alone.
  Strings en_more = en;
  en_more.insert(en_more.begin() + 2, "His brother Yerlan was released from the same camp in 2020.");
  auto src_more = segs(en_more);
  EXPECT_EQ(bead_strings(align(src_more, tgt, o)),
            (Strings{"0:0", "1:1", "2:", "3:2", "4:3", "5:4", ":5"}));
}

// A left-out sentence with nothing of its own to match (no number, name, cognate or term) next
// to a neighbour whose name (Kazakhstan) its translation repeats: gluing it to that neighbour
// (1,2:1) puts into a 2-1 bead a sentence the other side does not support while its neighbour
// is supported, which is what an omission looks like (AlignOptions::use_support_misses); the
// bead priors alone (2-1 against 1-0 + 1-1) glue it. The beads after it stay sure.
TEST(AlignerTest, OmittedSentenceWithoutSupportStandsAlone) {
  const Strings en = testing::inserted(testing::kStoryEn, 2, "Nobody explained anything to her family.");
  auto src = segs(en), tgt = segs(testing::kStoryRu);
  AlignOptions o;
  o.langs = {"en", "ru"};
  Alignment a = align(src, tgt, o);
  ASSERT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:", "3:2", "4:3", "5:4", "6:5"}));
  EXPECT_GT(a.beads[0].confidence, 0.5);
  EXPECT_GT(a.beads[3].confidence, 0.5);
  o.use_support_misses = false;
  EXPECT_NE(bead_strings(align(src, tgt, o)), bead_strings(a));
}

// A sentence left out (en 4, the trial) and one added two sentences before it (ru 2): with
// Gale & Church's priors one 2-2 bead costs far less than a 0-1 and a 1-0 bead, so the aligner
// joined en 2-3 with ru 2-3 and shifted the bead after it (4:4, the trial's translation paired
// with the lawyer's sentence), as in news text 13. In the 2-2 bead the added sentence and en 3
// share nothing with the other side while their neighbours (en 2, ru 3: a date) do, and a
// one-sided bead no longer pays for the side it is on: the one-sided reading wins.
TEST(AlignerTest, OmissionAndAdditionApartDoNotBecomeATwoToTwoBead) {
  const Strings en = {
      "Sairagul Sauytbay fled Xinjiang in April 2018.",
      "She crossed into Kazakhstan with forged documents.",
      "On 21 May 2018 Kazakhstan's KNB detained her in Almaty.",
      "Her lawyer, Abzal Kuspan, asked for a public trial.",
      "Her trial began on July 9 in the town of Zharkent.",
      "The court released her on August 1.",
      "\"I will not go back to the camps,\" she said.",
  };
  const Strings ru = {
      "Сайрагуль Сауытбай бежала из Синьцзяна в апреле 2018 года.",
      "Она пересекла границу Казахстана с поддельными документами.",
      "Это небольшой город у границы с Китаем.",
      "21 мая 2018 года КНБ Казахстана задержал её в Алматы.",
      "Её адвокат Абзал Куспан просил открытого суда.",
      "Суд освободил её 1 августа.",
      "«Я не вернусь в лагеря», — сказала она.",
  };
  auto src = segs(en), tgt = segs(ru);
  AlignOptions o;
  o.langs = {"en", "ru"};
  EXPECT_EQ(bead_strings(align(src, tgt, o)),
            (Strings{"0:0", "1:1", ":2", "2:3", "3:4", "4:", "5:5", "6:6"}));
  // Without both (Gale & Church's one-sided mass split between 1-0 and 0-1, no support
  // evidence) the aligner glued the added sentence to its neighbour and the pairs after it
  // shifted.
  o.use_support_misses = false;
  o.priors[1] = o.priors[2] = 0.0099 / 2;
  EXPECT_NE(bead_strings(align(src, tgt, o)),
            (Strings{"0:0", "1:1", ":2", "2:3", "3:4", "4:", "5:5", "6:6"}));
}

// The story with ru 3 dropping its date and `note` added after it (ru 4), aligned en-ru.
Strings story_with_note(const std::string& note, bool aside_misses) {
  Strings ru = testing::kStoryRu;
  ru[3] = "Суд над ней начался летом в городе Жаркент.";
  ru = testing::inserted(ru, 4, note);
  auto src = segs(testing::kStoryEn), tgt = segs(ru);
  AlignOptions o;
  o.langs = {"en", "ru"};
  o.use_aside_misses = aside_misses;
  return bead_strings(align(src, tgt, o));
}

// A note the translator added (ru 4, wholly in brackets: a gloss on the town the sentence
// before names) after the sentence it explains, whose translation (ru 3) drops the date: the
// note shares the town's name with en 3 and is about as long, and without the evidence of
// asides it took en 3 as its source and left en 3's real translation added, as in news text
// 36 kk (tests/align/data/news). A sentence that is all bracket, paired 1-1 with one that is
// not, is no translation of it (AlignOptions::use_aside_misses).
TEST(AlignerTest, AddedBracketedNoteStandsAlone) {
  const std::string note = "(Жаркент — город в Алматинской области, у границы с Китаем.)";
  EXPECT_EQ(story_with_note(note, true), (Strings{"0:0", "1:1", "2:2", "3:3", ":4", "4:5", "5:6"}));
  EXPECT_EQ(story_with_note(note, false), (Strings{"0:0", "1:1", "2:2", ":3", "3:4", "4:5", "5:6"}));
}

// The same note without brackets (ru 4: "Zharkent is a town in Almaty Region …", as Kazakh and
// Russian translators write a gloss, the name, a dash, what it is): it glosses a name the
// sentence before it has, so it is an aside too (SentFeat::gloss) and stands alone, neither
// taking en 3's place nor glued to en 3's translation.
TEST(AlignerTest, AddedGlossOfANameStandsAlone) {
  const std::string note = "Жаркент — город в Алматинской области, у границы с Китаем.";
  const Strings want = {"0:0", "1:1", "2:2", "3:3", ":4", "4:5", "5:6"};
  EXPECT_EQ(story_with_note(note, true), want);
  EXPECT_NE(story_with_note(note, false), want);
}

// The same omission with glossary entries given per sentence (as the CLI finds them with
// term::Matcher): en 2 holds Almaty, which no target sentence has, so gluing it to a neighbour
// costs a term without counterpart, and the 1-0 bead wins.
TEST(AlignerTest, OmittedSentenceFoundByGlossaryTerms) {
  const Strings ru = testing::without(testing::kStoryRu, 2);
  enum : int { kSauytbay, kXinjiang, kKazakhstan, kAlmaty };
  const std::vector<std::vector<int>> en_terms = {{kSauytbay, kXinjiang}, {kKazakhstan}, {kAlmaty}, {}, {}, {}};
  const std::vector<std::vector<int>> ru_terms = {{kXinjiang, kSauytbay}, {kKazakhstan}, {}, {}, {}};
  auto en = segs(kEn), tgt = segs(ru);
  const DocPair doc{en, tgt, en_terms, ru_terms};
  Alignment a = align_batch(std::span(&doc, 1)).front();
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:", "3:2", "4:3", "5:4"}));
  AlignOptions off;
  off.use_terms = false;  // the switches restore the known failure above
  off.use_cognates = false;  // (Kazakhstan/Казахстан are cognates under the romanisation fold)
  EXPECT_NE(bead_strings(align_batch(std::span(&doc, 1), off).front()), bead_strings(a));
}

// A short plain sentence left out (en 3) after a neighbour that shares no number, name or
// cognate with its translation either: no sentence of the glued bead has support, so nothing
// tells the omission from a merge (use_support_misses charges nothing). The translator's
// dictionary (a TM's or the lexicon's units) links the neighbour's words with its translation's
// (words it pairs again and again), so the neighbour is supported and the sentence glued to it
// is not: the 1-0 bead wins.
TEST(AlignerTest, DictionaryLinksSupportTheNeighbourOfAnOmission) {
  // The story with its detention and trial replaced by the family's wait (no number, name or
  // cognate) and "Nobody wrote back.", which the Russian leaves out.
  Strings en = testing::without(testing::without(testing::kStoryEn, 3), 2);
  en = testing::inserted(en, 2, "Her family waited for a letter every evening and prayed.");
  en = testing::inserted(en, 3, "Nobody wrote back.");
  Strings ru = testing::without(testing::without(testing::kStoryRu, 3), 2);
  ru = testing::inserted(ru, 2, "Её семья каждый вечер ждала письма и молилась.");
  auto src = segs(en), tgt = segs(ru);
  AlignOptions o;
  o.langs = {"en", "ru"};
  o.use_lexical = false;  // the links alone, without what Model 1 learns from the same pairs
  const Strings want = {"0:0", "1:1", "2:2", "3:", "4:3", "5:4"};
  ASSERT_NE(bead_strings(align(src, tgt, o)), want) << "the premise: without a dictionary the "
                                                       "omission is glued to its neighbour";
  o.dictionary = {{"the family was waiting", "семья ждала"},
                  {"every evening the family", "каждый вечер семья"},
                  {"a letter from the family", "письмо от семьи"},
                  {"she waited every evening", "она ждала каждый вечер"},
                  {"waited for a letter", "ждала письма"},
                  {"they prayed every evening", "они молились каждый вечер"},
                  {"the family prayed", "семья молилась"},
                  {"a letter every evening", "письмо каждый вечер"},
                  {"we prayed and waited", "мы молились и ждали"}};
  EXPECT_EQ(bead_strings(align(src, tgt, o)), want);
  o.use_support_misses = false;
  EXPECT_NE(bead_strings(align(src, tgt, o)), want);
}

// A general dictionary (FreeDict de-fr: 140,000 word pairs) is nearly all words a run never
// sees. Such pairs are left out before Model 1 trains, so they change no bead and no
// confidence, and cost nothing.
TEST(AlignerTest, DictionaryPairsOfOtherWordsChangeNothing) {
  auto src = segs(kEn), tgt = segs(kKkMerged);
  AlignOptions o;
  o.langs = {"en", "kk"};
  o.dictionary = {{"court", "сот"}, {"released", "босатты"}};
  const Alignment base = align(src, tgt, o);
  for (int n = 0; n < 3000; ++n) {
    const std::string k = std::to_string(n);
    o.dictionary.insert(o.dictionary.begin() + n % 3, {"zqx" + k + "wv", "жқх" + k + "ғү"});
  }
  const Alignment more = align(src, tgt, o);
  EXPECT_EQ(bead_strings(more), bead_strings(base));
  ASSERT_EQ(more.beads.size(), base.beads.size());
  for (std::size_t b = 0; b < base.beads.size(); ++b) {
    EXPECT_EQ(more.beads[b].confidence, base.beads[b].confidence) << "bead " << b;
  }
}

TEST(AlignerTest, EmptySides) {
  auto en = segs(kEn);
  std::vector<core::Segment> none;
  EXPECT_TRUE(align(none, none).beads.empty());
  Alignment a = align(en, none);
  EXPECT_TRUE(covers_exactly_once(a, {6, 0}));
  EXPECT_EQ(a.beads.size(), 6u);
  Alignment b = align(none, en);
  EXPECT_TRUE(covers_exactly_once(b, {0, 6}));
}

TEST(AlignerTest, SingleSentence) {
  auto en = segs({"Hello, world."}), kk = segs({"Сәлем, әлем."});
  Alignment a = align(en, kk);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0"}));
  EXPECT_GT(a.beads[0].confidence, 0.5);
}

TEST(AlignerTest, IdenticalFilesAlignOneToOne) {
  auto en = segs(kEn);
  Alignment a = align(en, en);
  ASSERT_EQ(a.beads.size(), kEn.size());
  for (std::size_t k = 0; k < a.beads.size(); ++k) {
    EXPECT_EQ(core::format_bead(a.beads[k]), std::to_string(k) + ":" + std::to_string(k));
    EXPECT_GT(a.beads[k].confidence, 0.5);
  }
}

TEST(AlignerTest, SummaryAgainstLongTranslation) {
  Strings long_text;
  for (int k = 0; k < 300; ++k) {
    long_text.push_back("Предложение номер " + std::to_string(k) + " длинного перевода о горах.");
  }
  auto en = segs({"A short summary of 2 lines.", "It mentions nothing in particular."});
  auto ru = segs(long_text);
  Alignment a = align(en, ru);
  EXPECT_TRUE(covers_exactly_once(a, {2, 300}));
}

TEST(AlignerTest, VeryLongSentences) {
  std::string big_en, big_ru;
  for (int k = 0; k < 1200; ++k) big_en += "word" + std::to_string(k % 50) + " ";
  for (int k = 0; k < 1200; ++k) big_ru += "слово" + std::to_string(k % 50) + " ";
  auto en = segs({big_en, "Short one.", big_en}), ru = segs({big_ru, "Короткое.", big_ru});
  Alignment a = align(en, ru);
  EXPECT_EQ(bead_strings(a), (Strings{"0:0", "1:1", "2:2"}));
}

TEST(AlignerTest, ExactlyOnceOverRandomInputs) {
  std::mt19937 rng(7);
  const Strings words = {"гора", "тау", "mountain", "12", "?", "Almaty", "Алматы", "«", "»", "x"};
  for (int round = 0; round < 60; ++round) {
    std::vector<int> sizes = {static_cast<int>(rng() % 25), static_cast<int>(rng() % 25)};
    std::vector<std::vector<core::Segment>> sides(2);
    for (int s = 0; s < 2; ++s) {
      for (int k = 0; k < sizes[static_cast<std::size_t>(s)]; ++k) {
        std::string text;
        int len = static_cast<int>(rng() % 15);
        for (int w = 0; w < len; ++w) text += words[rng() % words.size()] + " ";
        sides[static_cast<std::size_t>(s)].push_back({text, static_cast<int>(rng() % 3)});
      }
    }
    AlignOptions o;
    o.band = 1 + static_cast<int>(rng() % 4);  // narrow bands force widening
    Alignment a = align(sides[0], sides[1], o);
    EXPECT_TRUE(covers_exactly_once(a, sizes)) << "round " << round;
  }
}

TEST(AlignerTest, BatchMatchesCoverage) {
  auto en = segs(kEn);
  auto ru = segs({"Один.", "Два с числом 2018.", "Три."});
  std::vector<DocPair> docs = {{en, en}, {en, ru}, {{}, ru}};
  auto out = align_batch(docs);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(covers_exactly_once(out[0], {6, 6}));
  EXPECT_TRUE(covers_exactly_once(out[1], {6, 3}));
  EXPECT_TRUE(covers_exactly_once(out[2], {0, 3}));
}

TEST(AlignerTest, AblationSwitchesStillCover) {
  auto en = segs(kEn);
  auto kk = segs({"Бір.", "Екі 2018.", "Үш.", "Төрт?"});
  AlignOptions o;
  o.use_length = o.use_anchors = o.use_cognates = o.use_lexical = o.use_priors = false;
  o.max_side = 2;
  EXPECT_TRUE(covers_exactly_once(align(en, kk, o), {6, 4}));
}

}  // namespace
}  // namespace tilmash::align

// The generative length model (AlignOptions::length_pmi; Moore 2002), checked on its own.
TEST(LengthModelTest, PmiRewardsLengthsThatPredictEachOtherAndIsDirectionFree) {
  using tilmash::align::detail::LengthModel;
  using tilmash::align::detail::length_pmi_cost;
  LengthModel m;
  m.ratio = 1.3;  // e.g. Russian runs longer than English
  m.outlier_share = 0.02;
  m.outlier_scale = 2.0;
  tilmash::align::detail::tabulate(m);
  // Marginals from sentences of 40..160 code points on the source side, 1.3 times that on the
  // target side.
  double s = 0, s2 = 0, t = 0, t2 = 0, n = 0;
  for (int l = 40; l <= 160; l += 10) {
    s += l, s2 += double(l) * l, t += 1.3 * l, t2 += 1.69 * l * l, n += 1;
  }
  tilmash::align::detail::fit_marginal(m.src, s, s2, n);
  tilmash::align::detail::fit_marginal(m.tgt, t, t2, n);
  // A translation of the expected length is evidence for the bead (negative cost), one of a
  // third of it against; a sentence glued to the source side of a well-fitting bead costs.
  EXPECT_LT(length_pmi_cost(m, 1, 100, 1, 130), 0.0);
  EXPECT_GT(length_pmi_cost(m, 1, 100, 1, 45), 0.0);
  EXPECT_GT(length_pmi_cost(m, 2, 100 + 90, 1, 130), length_pmi_cost(m, 1, 100, 1, 130) + 2);
  // A 2-1 bead generates its target sentence from the source side: the source marginal, which a
  // 1-1 bead plus the glued sentence's 1-0 bead pay as well, plays no part, so the omitted
  // sentence earns nothing by being glued.
  LengthModel other = m;
  tilmash::align::detail::fit_marginal(other.src, 3 * s, 3 * s2, n);  // a different spread
  EXPECT_NEAR(length_pmi_cost(m, 2, 190, 1, 130), length_pmi_cost(other, 2, 190, 1, 130), 1e-9);
  EXPECT_GT(std::abs(length_pmi_cost(m, 1, 100, 1, 130) - length_pmi_cost(other, 1, 100, 1, 130)),
            1e-3);
  // Aligning the other way round (ratio 1/c, the variance per source code point s²/c, the
  // marginals swapped) gives every bead the same cost.
  LengthModel back = m;
  back.ratio = 1 / m.ratio;
  back.variance = m.variance / m.ratio;
  std::swap(back.src, back.tgt);
  for (auto [ns, ls, nt, lt] : {std::array{1, 100, 1, 130}, std::array{2, 190, 1, 130},
                                 std::array{1, 60, 3, 250}, std::array{1, 20, 1, 300}}) {
    EXPECT_NEAR(length_pmi_cost(m, ns, ls, nt, lt), length_pmi_cost(back, nt, lt, ns, ls), 1e-3);
  }
}
