#include "segment/segmenter.h"

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace tilmash::segment {
namespace {

using Sentences = std::vector<std::string>;

Sentences sentences(const Segmenter& s, std::string_view text) {
  Sentences out;
  for (core::Span span : s.split(text))
    out.emplace_back(text.substr(span.begin, span.size()));
  return out;
}

Segmenter make(std::string_view lang) {
  auto s = Segmenter::create(lang);
  EXPECT_TRUE(s) << s.error().message;
  return std::move(s).value();
}

class Langs {
 public:
  Segmenter en = make("en");
  Segmenter kk = make("kk");
  Segmenter ru = make("ru");
};

const Langs& langs() {
  static const Langs l;
  return l;
}

TEST(SegmenterTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(langs().en.split("").empty());
  EXPECT_TRUE(langs().en.split(" ").empty());
  EXPECT_TRUE(langs().kk.split(" \t \xC2\xA0 ").empty());
}

TEST(SegmenterTest, NoFinalPunctuationIsOneSentence) {
  EXPECT_EQ(sentences(langs().en, "Xinjiang Kazakhs Urge Authorities To Help"),
            Sentences({"Xinjiang Kazakhs Urge Authorities To Help"}));
  EXPECT_EQ(sentences(langs().kk, "Бұл бірінші. Бұл екінші"),
            Sentences({"Бұл бірінші.", "Бұл екінші"}));
}

TEST(SegmenterTest, SpansAreTrimmedByteOffsets) {
  // "Сәлем." is 11 bytes (ә and every Cyrillic letter take two).
  std::string_view text = "  Сәлем.  Қалың қалай?  ";
  std::vector<core::Span> spans = langs().kk.split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (core::Span{2, 13}));
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Қалың қалай?");
  EXPECT_EQ(spans[1].end, text.size() - 2);
}

TEST(SegmenterTest, BreaksBetweenPlainSentences) {
  EXPECT_EQ(sentences(langs().en, "China denies it. The UN disagrees! Why? Nobody knows."),
            Sentences({"China denies it.", "The UN disagrees!", "Why?", "Nobody knows."}));
  EXPECT_EQ(sentences(langs().ru, "Уйгуры живут в Синьцзяне. Ханьцы тоже."),
            Sentences({"Уйгуры живут в Синьцзяне.", "Ханьцы тоже."}));
  EXPECT_EQ(sentences(langs().kk, "Қытай мұны жоққа шығарады. Бейжің келіспейді."),
            Sentences({"Қытай мұны жоққа шығарады.", "Бейжің келіспейді."}));
}

TEST(SegmenterTest, SemicolonDoesNotBreak) {
  EXPECT_EQ(sentences(langs().ru, "За ними следуют казахи; в регионе живут киргизы."),
            Sentences({"За ними следуют казахи; в регионе живут киргизы."}));
}

TEST(SegmenterTest, EnglishTitlesNeverEndASentence) {
  EXPECT_EQ(sentences(langs().en, "Mr. Trump and Dr. Smith met Prof. Jones. They talked."),
            Sentences({"Mr. Trump and Dr. Smith met Prof. Jones.", "They talked."}));
}

TEST(SegmenterTest, UsBeforeNameContinuesButBeforeStarterBreaks) {
  EXPECT_EQ(sentences(langs().en, "They urged U.S. President Donald Trump to act."),
            Sentences({"They urged U.S. President Donald Trump to act."}));
  EXPECT_EQ(sentences(langs().en, "She moved to the U.S. The next year she returned."),
            Sentences({"She moved to the U.S.", "The next year she returned."}));
}

TEST(SegmenterTest, PlaceAbbreviationThatEndsAClause) {
  EXPECT_EQ(sentences(langs().en, "She wrote to the embassy in Washington, D.C. Neither replied."),
            Sentences({"She wrote to the embassy in Washington, D.C.", "Neither replied."}));
  EXPECT_EQ(sentences(langs().en, "They moved to the U.S. Nobody followed them."),
            Sentences({"They moved to the U.S.", "Nobody followed them."}));
}

TEST(SegmenterTest, EtcBreaksBeforeCapitalOnly) {
  EXPECT_EQ(sentences(langs().en, "Apples, pears, etc. are sold here."),
            Sentences({"Apples, pears, etc. are sold here."}));
  EXPECT_EQ(sentences(langs().en, "They sold apples, pears, etc. Prices rose."),
            Sentences({"They sold apples, pears, etc.", "Prices rose."}));
}

TEST(SegmenterTest, LatinAbbreviationsInMidSentence) {
  EXPECT_EQ(sentences(langs().en, "Big cities, e.g. Almaty, grew; i.e. Astana grew too."),
            Sentences({"Big cities, e.g. Almaty, grew; i.e. Astana grew too."}));
  // Before a number too, where a number-initial sentence would otherwise start.
  EXPECT_EQ(sentences(langs().en, "About 1,200 are missing, incl. 14 citizens. 30 came back."),
            Sentences({"About 1,200 are missing, incl. 14 citizens.", "30 came back."}));
  EXPECT_EQ(sentences(langs().en, "All staff, excl. 3 guards, left. Some, esp. 2 nurses, stayed."),
            Sentences({"All staff, excl. 3 guards, left.", "Some, esp. 2 nurses, stayed."}));
}

TEST(SegmenterTest, MonthAbbreviations) {
  EXPECT_EQ(sentences(langs().en, "On Jan. 28 they met. It rained in Feb. The rally went on."),
            Sentences({"On Jan. 28 they met.", "It rained in Feb.", "The rally went on."}));
  // Before a day a month never ends the sentence; before any other capital it does.
  EXPECT_EQ(sentences(langs().en, "On Sept. 11 American officials met."),
            Sentences({"On Sept. 11 American officials met."}));
  EXPECT_EQ(sentences(langs().en, "Prices fell in Dec. Analysts expected more."),
            Sentences({"Prices fell in Dec.", "Analysts expected more."}));
}

TEST(SegmenterTest, NumericAbbreviationNeedsADigit) {
  EXPECT_EQ(sentences(langs().en, "He lives at No. 5 Abai Street."),
            Sentences({"He lives at No. 5 Abai Street."}));
  EXPECT_EQ(sentences(langs().en, "See p. 12 of Art. 5 Section 2."),
            Sentences({"See p. 12 of Art. 5 Section 2."}));
  EXPECT_EQ(sentences(langs().en, "Did he agree? No. Never."),
            Sentences({"Did he agree?", "No.", "Never."}));
}

TEST(SegmenterTest, CompassPointsAndStreetAbbreviations) {
  EXPECT_EQ(sentences(langs().en, "The office is on Connecticut Ave. N.W. Washington is near."),
            Sentences({"The office is on Connecticut Ave. N.W. Washington is near."}));
}

TEST(SegmenterTest, InitialsBeforeSurname) {
  EXPECT_EQ(sentences(langs().en, "Sairagul S. Sauytbay fled. She testified."),
            Sentences({"Sairagul S. Sauytbay fled.", "She testified."}));
  EXPECT_EQ(sentences(langs().ru, "В. Путин и Н. Назарбаев встретились."),
            Sentences({"В. Путин и Н. Назарбаев встретились."}));
  EXPECT_EQ(sentences(langs().kk, "Н.Ә. Назарбаев сөз сөйледі. Ол қысқа сөйледі."),
            Sentences({"Н.Ә. Назарбаев сөз сөйледі.", "Ол қысқа сөйледі."}));
}

TEST(SegmenterTest, InitialThatSpellsAStarterIsStillAnInitial) {
  // "А" and "В" are Russian sentence starters, but here they are initials.
  EXPECT_EQ(sentences(langs().ru, "Встреча с Н. А. Назарбаевым прошла. В. В. Путин уехал."),
            Sentences({"Встреча с Н. А. Назарбаевым прошла.", "В. В. Путин уехал."}));
}

TEST(SegmenterTest, SpacedAbbreviationsMatchTheirUnspacedForm) {
  EXPECT_EQ(sentences(langs().ru, "Это важно, т. е. Совет должен решить."),
            Sentences({"Это важно, т. е. Совет должен решить."}));
  EXPECT_EQ(sentences(langs().ru, "Обсудили торговлю и т. д. Затем уехали."),
            Sentences({"Обсудили торговлю и т. д.", "Затем уехали."}));
  EXPECT_EQ(sentences(langs().kk, "Қала б. з. д. V ғасырда салынған."),
            Sentences({"Қала б. з. д. V ғасырда салынған."}));
}

TEST(SegmenterTest, SingleLetterBeforeStarterEndsSentence) {
  EXPECT_EQ(sentences(langs().en, "He chose plan B. The others agreed."),
            Sentences({"He chose plan B.", "The others agreed."}));
  EXPECT_EQ(sentences(langs().ru, "Он выбрал вариант Б. Они согласились."),
            Sentences({"Он выбрал вариант Б.", "Они согласились."}));
}

TEST(SegmenterTest, RussianAbbreviations) {
  EXPECT_EQ(sentences(langs().ru, "Это важно, т.е. Совет должен решить."),
            Sentences({"Это важно, т.е. Совет должен решить."}));
  EXPECT_EQ(sentences(langs().ru, "Были казахи, уйгуры и т.д. Затем приехали другие."),
            Sentences({"Были казахи, уйгуры и т.д.", "Затем приехали другие."}));
  EXPECT_EQ(sentences(langs().ru, "Были казахи, уйгуры и т.п. Затем приехали другие."),
            Sentences({"Были казахи, уйгуры и т.п.", "Затем приехали другие."}));
  EXPECT_EQ(sentences(langs().ru, "В 1991 г. Казахстан обрел независимость."),
            Sentences({"В 1991 г. Казахстан обрел независимость."}));
  EXPECT_EQ(sentences(langs().ru, "Это было в 1991 г. Он тогда был молод."),
            Sentences({"Это было в 1991 г.", "Он тогда был молод."}));
  EXPECT_EQ(sentences(langs().ru, "В 1990–1991 гг. Казахстан изменился."),
            Sentences({"В 1990–1991 гг. Казахстан изменился."}));
  EXPECT_EQ(sentences(langs().ru, "Офис на ул. Абая, музей им. Кастеева и храм св. Николая."),
            Sentences({"Офис на ул. Абая, музей им. Кастеева и храм св. Николая."}));
  EXPECT_EQ(
      sentences(langs().ru, "Собрали 500 тыс. Рублей не хватило. Взяли 3 млн. В итоге хватило."),
      Sentences({"Собрали 500 тыс. Рублей не хватило.", "Взяли 3 млн.", "В итоге хватило."}));
}

TEST(SegmenterTest, KazakhAbbreviations) {
  EXPECT_EQ(sentences(langs().kk, "Қазақтар, ұйғырлар т.б. Олар Шыңжаңда тұрады."),
            Sentences({"Қазақтар, ұйғырлар т.б.", "Олар Шыңжаңда тұрады."}));
  EXPECT_EQ(sentences(langs().kk, "Ағаштар, гүлдер т.с.с. Бәрі жасыл."),
            Sentences({"Ағаштар, гүлдер т.с.с.", "Бәрі жасыл."}));
  EXPECT_EQ(sentences(langs().kk, "1991 ж. Қазақстан тәуелсіздік алды."),
            Sentences({"1991 ж. Қазақстан тәуелсіздік алды."}));
  EXPECT_EQ(sentences(langs().kk, "1990–1991 жж. Қазақстан өзгерді."),
            Sentences({"1990–1991 жж. Қазақстан өзгерді."}));
  EXPECT_EQ(sentences(langs().kk, "Қала б.з.д. V ғасырда салынған."),
            Sentences({"Қала б.з.д. V ғасырда салынған."}));
  EXPECT_EQ(sentences(langs().kk, "Халқы 2 млн. Олардың жартысы қазақ."),
            Sentences({"Халқы 2 млн.", "Олардың жартысы қазақ."}));
  EXPECT_EQ(sentences(langs().kk, "Аумағы ш. 5 км. Ол кішкентай."),
            Sentences({"Аумағы ш. 5 км.", "Ол кішкентай."}));
}

TEST(SegmenterTest, QuotationContinuedBySentence) {
  EXPECT_EQ(sentences(langs().en, "\"They are held in camps.\" she said. \"Why?\" he asked."),
            Sentences({"\"They are held in camps.\" she said.", "\"Why?\" he asked."}));
  EXPECT_EQ(sentences(langs().kk, "«Біз лагерьде отырдық», – деді ол. Бәрі үндемеді."),
            Sentences({"«Біз лагерьде отырдық», – деді ол.", "Бәрі үндемеді."}));
  EXPECT_EQ(sentences(langs().ru, "«Мы уходим!» — сказал он. «Куда?» — спросила она."),
            Sentences({"«Мы уходим!» — сказал он.", "«Куда?» — спросила она."}));
  EXPECT_EQ(sentences(langs().en, "\"We left.\" Then they came."),
            Sentences({"\"We left.\"", "Then they came."}));
  EXPECT_EQ(sentences(langs().en,
                      "for their \"failure to protect Kazakhs in Xinjiang...and "
                      "ignoring the invitation.\""),
            Sentences({"for their \"failure to protect Kazakhs in Xinjiang...and ignoring the "
                       "invitation.\""}));
}

TEST(SegmenterTest, ListItemsAndNumberedHeadings) {
  EXPECT_EQ(sentences(langs().en, "1. Everyone has the right to life. 2. No one shall be held."),
            Sentences({"1. Everyone has the right to life.", "2. No one shall be held."}));
  EXPECT_EQ(sentences(langs().en, "Article 5. No one shall be tortured."),
            Sentences({"Article 5. No one shall be tortured."}));
  EXPECT_EQ(sentences(langs().en, "IV. Conclusions follow. Then more."),
            Sentences({"IV. Conclusions follow.", "Then more."}));
  EXPECT_EQ(sentences(langs().en, "a. The first point."), Sentences({"a. The first point."}));
  EXPECT_EQ(sentences(langs().en, "2) Every child counts. 3.1. Parents decide."),
            Sentences({"2) Every child counts.", "3.1. Parents decide."}));
  EXPECT_EQ(sentences(langs().ru, "Статья 3. Каждый человек имеет право на жизнь."),
            Sentences({"Статья 3. Каждый человек имеет право на жизнь."}));
  EXPECT_EQ(sentences(langs().kk, "5-бап. Ешкім де азапталуға тиіс емес."),
            Sentences({"5-бап. Ешкім де азапталуға тиіс емес."}));
  // A number that ends a real sentence is not a label.
  EXPECT_EQ(sentences(langs().en, "The count reached 5. Then it stopped."),
            Sentences({"The count reached 5.", "Then it stopped."}));
}

TEST(SegmenterTest, SentenceThatBeginsWithANumber) {
  // UAX #29 (SB8) proposes no break here: digits and then a lower-case word.
  EXPECT_EQ(sentences(langs().en, "The camp opened in 2017. 2018 saw a rise in arrests."),
            Sentences({"The camp opened in 2017.", "2018 saw a rise in arrests."}));
  EXPECT_EQ(sentences(langs().en, "He was held for 14 months. 25 former detainees testified."),
            Sentences({"He was held for 14 months.", "25 former detainees testified."}));
  EXPECT_EQ(sentences(langs().kk, "Жиналыс Алматыда өтті. 2018 жылы олар қайта жиналды."),
            Sentences({"Жиналыс Алматыда өтті.", "2018 жылы олар қайта жиналды."}));
  EXPECT_EQ(sentences(langs().kk, "Ол 2017 жылы ұсталды. 25 қаңтарда оны босатты."),
            Sentences({"Ол 2017 жылы ұсталды.", "25 қаңтарда оны босатты."}));
  EXPECT_EQ(sentences(langs().ru, "Собрание прошло в Алматы. 25 января они снова собрались."),
            Sentences({"Собрание прошло в Алматы.", "25 января они снова собрались."}));
  EXPECT_EQ(sentences(langs().ru, "Его задержали. 2018 год стал переломным."),
            Sentences({"Его задержали.", "2018 год стал переломным."}));
  // After a closing quotation mark, a '?' or '!', and with an opening quote before the number.
  EXPECT_EQ(sentences(langs().en, "\"We were beaten.\" 2019 was the worst year, she said."),
            Sentences({"\"We were beaten.\"", "2019 was the worst year, she said."}));
  EXPECT_EQ(sentences(langs().kk, "Ол: «Ұлымды босатыңдар», – деді. 2020 жылы ұлы келді."),
            Sentences({"Ол: «Ұлымды босатыңдар», – деді.", "2020 жылы ұлы келді."}));
  EXPECT_EQ(sentences(langs().ru, "Он сказал: «Нас били». «25 человек умерли», — добавил он."),
            Sentences({"Он сказал: «Нас били».", "«25 человек умерли», — добавил он."}));
  EXPECT_EQ(sentences(langs().en, "\"Release them!\" the crowd shouted. 300 people came."),
            Sentences({"\"Release them!\" the crowd shouted.", "300 people came."}));
  EXPECT_EQ(sentences(langs().en, "The fund ran dry. $5 million was missing."),
            Sentences({"The fund ran dry.", "$5 million was missing."}));
  // A number sign before the number: the same (SB8 looks past the sign and the digits).
  EXPECT_EQ(sentences(langs().kk, "Олар мұны айтты. № 2 диаграммаға қарағанда, мерзім – 14 ай."),
            Sentences({"Олар мұны айтты.", "№ 2 диаграммаға қарағанда, мерзім – 14 ай."}));
  EXPECT_EQ(sentences(langs().ru, "Так сказано в отчёте. №3 в списке занял Кашгар."),
            Sentences({"Так сказано в отчёте.", "№3 в списке занял Кашгар."}));
  EXPECT_EQ(sentences(langs().en, "The list was long. #4 on it was a teacher."),
            Sentences({"The list was long.", "#4 on it was a teacher."}));
}

TEST(SegmenterTest, AbbreviationBeforeANumberKeepsTheSentence) {
  EXPECT_EQ(sentences(langs().en, "See No. 5 on p. 12 and pp. 3-4 of the report. It is short."),
            Sentences({"See No. 5 on p. 12 and pp. 3-4 of the report.", "It is short."}));
  EXPECT_EQ(sentences(langs().en, "It was built c. 1900 by the state, i.e. 3 agencies."),
            Sentences({"It was built c. 1900 by the state, i.e. 3 agencies."}));
  EXPECT_EQ(sentences(langs().en, "Security Council Res. 2254 calls for talks."),
            Sentences({"Security Council Res. 2254 calls for talks."}));
  EXPECT_EQ(sentences(langs().ru, "См. ст. 5, п. 3 и т. 2 доклада, с. 12. Доклад вышел."),
            Sentences({"См. ст. 5, п. 3 и т. 2 доклада, с. 12.", "Доклад вышел."}));
  EXPECT_EQ(sentences(langs().ru, "В 2018 г. 12 человек были задержаны."),
            Sentences({"В 2018 г. 12 человек были задержаны."}));
  EXPECT_EQ(sentences(langs().ru, "Дело рассмотрено по ст. № 5 и п. № 2 закона."),
            Sentences({"Дело рассмотрено по ст. № 5 и п. № 2 закона."}));
  EXPECT_EQ(sentences(langs().ru, "Пришли ок. 300 человек, собрали 3 млн. 200 тыс. руб."),
            Sentences({"Пришли ок. 300 человек, собрали 3 млн. 200 тыс. руб."}));
  EXPECT_EQ(sentences(langs().ru, "Матч длился 90 мин. 30 сек. и закончился."),
            Sentences({"Матч длился 90 мин. 30 сек. и закончился."}));
  EXPECT_EQ(sentences(langs().kk, "Бұл туралы баяндаманың 12-бетінде, б. 3 жазылған."),
            Sentences({"Бұл туралы баяндаманың 12-бетінде, б. 3 жазылған."}));
  EXPECT_EQ(sentences(langs().kk, "1991 ж. 16 желтоқсанда тәуелсіздік жарияланды."),
            Sentences({"1991 ж. 16 желтоқсанда тәуелсіздік жарияланды."}));
  EXPECT_EQ(sentences(langs().kk, "Лагерьде ш. 3 мың адам болды, т. 2 бұл туралы жазады."),
            Sentences({"Лагерьде ш. 3 мың адам болды, т. 2 бұл туралы жазады."}));
}

TEST(SegmenterTest, YearOrDateAfterAnAmbiguousAbbreviationStartsASentence) {
  // Russian puts the year last ("25 января 2017 г."): a date after "г." is a new sentence.
  EXPECT_EQ(sentences(langs().ru, "Он был задержан в 2017 г. 25 января его освободили."),
            Sentences({"Он был задержан в 2017 г.", "25 января его освободили."}));
  EXPECT_EQ(sentences(langs().ru, "Ущерб составил 5 млн. 2019 год был хуже."),
            Sentences({"Ущерб составил 5 млн.", "2019 год был хуже."}));
  // Kazakh puts the year first ("2017 ж. 25 қаңтарда"): only another year starts a sentence.
  EXPECT_EQ(sentences(langs().kk, "Ол 2017 ж. 25 қаңтарда ұсталды."),
            Sentences({"Ол 2017 ж. 25 қаңтарда ұсталды."}));
  EXPECT_EQ(sentences(langs().kk, "Ол 2017 ж. ұсталған. 2018 жылы ол босады."),
            Sentences({"Ол 2017 ж. ұсталған.", "2018 жылы ол босады."}));
  EXPECT_EQ(sentences(langs().kk, "Халқы шамамен 2 млн. 2019-жылы санақ болды."),
            Sentences({"Халқы шамамен 2 млн.", "2019-жылы санақ болды."}));
}

TEST(SegmenterTest, NumberAfterAUnitStartsASentence) {
  EXPECT_EQ(sentences(langs().ru, "Они приехали за 270 км. 1 из них был пожилым. Все устали."),
            Sentences({"Они приехали за 270 км.", "1 из них был пожилым.", "Все устали."}));
  EXPECT_EQ(sentences(langs().kk, "Ол 5 млн. тг. төледі. Шығын 3 млн. 2 адам зардап шекті."),
            Sentences({"Ол 5 млн. тг. төледі.", "Шығын 3 млн.", "2 адам зардап шекті."}));
  EXPECT_EQ(sentences(langs().kk, "Шығын 3 млрд. 200 млн. теңге болды."),
            Sentences({"Шығын 3 млрд. 200 млн. теңге болды."}));
  // Languages before a word in that language: "(кит. Чжаосу)".
  EXPECT_EQ(sentences(langs().ru, "Лагерь в Монголкуре (кит. Чжаосу) закрыт."),
            Sentences({"Лагерь в Монголкуре (кит. Чжаосу) закрыт."}));
}

TEST(SegmenterTest, NumbersThatDoNotStartASentence) {
  EXPECT_EQ(sentences(langs().en, "The rate was 3.5 percent on 05.12.2026 at 10.30 in v2.1.3."),
            Sentences({"The rate was 3.5 percent on 05.12.2026 at 10.30 in v2.1.3."}));
  EXPECT_EQ(sentences(langs().kk, "1. 2018 жылы лагерь салынды. 2. 2019 жылы кеңейді."),
            Sentences({"1. 2018 жылы лагерь салынды.", "2. 2019 жылы кеңейді."}));
  EXPECT_EQ(sentences(langs().ru, "Статья 5. 18 лет считается возрастом совершеннолетия."),
            Sentences({"Статья 5. 18 лет считается возрастом совершеннолетия."}));
  // A list that a colon opens: each item is a sentence, its label with it.
  EXPECT_EQ(sentences(langs().kk, "Талаптар: 1. Лагерьлерді жабу. 2. Тұтқындарды босату."),
            Sentences({"Талаптар:", "1. Лагерьлерді жабу.", "2. Тұтқындарды босату."}));
  // A lower-case word after a full stop still never starts a sentence.
  EXPECT_EQ(sentences(langs().en, "Fig. 3 shows it. 3 panels follow, cf. fig. 4 below."),
            Sentences({"Fig. 3 shows it.", "3 panels follow, cf. fig. 4 below."}));
}

TEST(SegmenterTest, DashThatOpensALineOfDialogue) {
  // UAX #29 (SB8a) never breaks before a dash after a full stop.
  EXPECT_EQ(sentences(langs().ru, "— Нас били, — сказал он. — Кормили плохо."),
            Sentences({"— Нас били, — сказал он.", "— Кормили плохо."}));
  EXPECT_EQ(sentences(langs().kk, "– Бізді ұрды, – деді ол. – Тамақ аз берді."),
            Sentences({"– Бізді ұрды, – деді ол.", "– Тамақ аз берді."}));
  // Before words of the author the dash continues the sentence.
  EXPECT_EQ(sentences(langs().ru, "«Куда?» — спросила она. «Мы уходим!» — сказал он."),
            Sentences({"«Куда?» — спросила она.", "«Мы уходим!» — сказал он."}));
  EXPECT_EQ(sentences(langs().kk, "«Оны неге ұстады?» – деп сұрады ол. Жауап болмады."),
            Sentences({"«Оны неге ұстады?» – деп сұрады ол.", "Жауап болмады."}));
}

TEST(SegmenterTest, EllipsisCharacterEndsASentenceLikeThreeDots) {
  EXPECT_EQ(sentences(langs().en, "They waited… Nobody came. They waited... Nobody came."),
            Sentences({"They waited…", "Nobody came.", "They waited...", "Nobody came."}));
  EXPECT_EQ(sentences(langs().ru, "Он ждал… и ждал. «Нас не отпустят…» 2020 год прошёл."),
            Sentences({"Он ждал… и ждал.", "«Нас не отпустят…»", "2020 год прошёл."}));
  EXPECT_EQ(sentences(langs().kk, "Ол күтті… Ешкім келмеді."),
            Sentences({"Ол күтті…", "Ешкім келмеді."}));
}

TEST(SegmenterTest, AbbreviationsWithTwoMeanings) {
  EXPECT_EQ(sentences(langs().ru, "Встреча прошла на пр. Абая в с. Чунджа. Все пришли."),
            Sentences({"Встреча прошла на пр. Абая в с. Чунджа.", "Все пришли."}));
  EXPECT_EQ(sentences(langs().ru, "Обсуждали Китай, Россию и пр. Затем разошлись."),
            Sentences({"Обсуждали Китай, Россию и пр.", "Затем разошлись."}));
  EXPECT_EQ(sentences(langs().kk, "Ол Алматы қ. Абай даң. тұрады. Үйі үлкен."),
            Sentences({"Ол Алматы қ. Абай даң. тұрады.", "Үйі үлкен."}));
  EXPECT_EQ(sentences(langs().en, "In Smith v. United States the court ruled. It was 1990."),
            Sentences({"In Smith v. United States the court ruled.", "It was 1990."}));
}

TEST(SegmenterTest, CapitalInitialIsNotALowerCaseAbbreviation) {
  // "б." (page) in Kazakh, "т." (volume) and "с." (page, village) in Russian: as capitals they
  // are initials, so a surname or a lower-case word after them continues the sentence.
  EXPECT_EQ(sentences(langs().kk, "Екінші куә Б. Т. күзетшілер туралы айтты. Ол жылады."),
            Sentences({"Екінші куә Б. Т. күзетшілер туралы айтты.", "Ол жылады."}));
  EXPECT_EQ(sentences(langs().ru, "Выступили Т. Иванов и С. Петров. Они были кратки."),
            Sentences({"Выступили Т. Иванов и С. Петров.", "Они были кратки."}));
}

// "г." after a year ends the sentence before a capital when the year closes a clause of more
// than three words; a short fronted adverbial ("В декабре 2021 г.", "…, в 2019 г.") goes on.
TEST(SegmenterTest, YearThatClosesALongClauseEndsTheSentence) {
  EXPECT_EQ(sentences(langs().ru, "Интервью проводились с апреля 2022 г. по июнь 2023 г. Две трети "
                                  "семей не имеют связи с родными."),
            Sentences({"Интервью проводились с апреля 2022 г. по июнь 2023 г.",
                       "Две трети семей не имеют связи с родными."}));
  EXPECT_EQ(sentences(langs().ru, "Также упоминается Конвенция против пыток 1984 г. Китай "
                                  "ратифицировал ее."),
            Sentences({"Также упоминается Конвенция против пыток 1984 г.",
                       "Китай ратифицировал ее."}));
  EXPECT_EQ(sentences(langs().ru, "В декабре 2021 г. Конгресс принял закон."),
            Sentences({"В декабре 2021 г. Конгресс принял закон."}));
  EXPECT_EQ(sentences(langs().ru, "По данным ООН, в 2019 г. Казахстан принял 20 человек."),
            Sentences({"По данным ООН, в 2019 г. Казахстан принял 20 человек."}));
  EXPECT_EQ(sentences(langs().ru, "Как сообщалось, 12 мая 2021 г. Конгресс принял закон."),
            Sentences({"Как сообщалось, 12 мая 2021 г. Конгресс принял закон."}));
  // A participle clause after a comma closes a noun phrase; it is no fronted adverbial.
  EXPECT_EQ(sentences(langs().ru, "Это закон, подписанный в мае 2021 г. Его цель — запрет."),
            Sentences({"Это закон, подписанный в мае 2021 г.", "Его цель — запрет."}));
  // Not after a number: the town ("г. Алматы"); not when the abbreviation closes a bracket.
  EXPECT_EQ(sentences(langs().ru, "Их родственники давно живут в г. Алматы и не уезжают."),
            Sentences({"Их родственники давно живут в г. Алматы и не уезжают."}));
  EXPECT_EQ(sentences(langs().ru, "Вчера государственная газета (ок. 133 чел.) China Daily "
                                  "написала об этом."),
            Sentences({"Вчера государственная газета (ок. 133 чел.) China Daily написала об этом."}));
  // Kazakh puts the verb last, so "жж." before a capital stays inside the sentence.
  EXPECT_EQ(sentences(langs().kk, "Әңгімені бізге 2017–2019 жж. Шыңжаңда ұсталған әйел айтты."),
            Sentences({"Әңгімені бізге 2017–2019 жж. Шыңжаңда ұсталған әйел айтты."}));
}

TEST(SegmenterTest, AbbreviationThatClosesABracket) {
  EXPECT_EQ(sentences(langs().ru, "Газета (ок. 300 тыс. экз.) China Daily написала об этом."),
            Sentences({"Газета (ок. 300 тыс. экз.) China Daily написала об этом."}));
  EXPECT_EQ(sentences(langs().en, "The group (led by Dr. Li, Ph.D.) Human Rights Watch cited."),
            Sentences({"The group (led by Dr. Li, Ph.D.)", "Human Rights Watch cited."}));
  // A sentence in brackets still ends at its own full stop.
  EXPECT_EQ(sentences(langs().en, "They did not reply. (It rarely does.) Officials declined."),
            Sentences({"They did not reply.", "(It rarely does.)", "Officials declined."}));
  EXPECT_EQ(sentences(langs().kk, "Олар келді (шамамен 300 адам.) Полиция қарап тұрды."),
            Sentences({"Олар келді (шамамен 300 адам.)", "Полиция қарап тұрды."}));
  // A sentence that is all bracket ends with it, even where an abbreviation closes it.
  EXPECT_EQ(sentences(langs().ru, "(Прим. пер.: конвенция 1951 г. принята в 1999 г.) Пропуск "
                                  "срока этой гарантии не отменяет."),
            Sentences({"(Прим. пер.: конвенция 1951 г. принята в 1999 г.)",
                       "Пропуск срока этой гарантии не отменяет."}));
  EXPECT_EQ(sentences(langs().kk, "(Ескерту: заң 2020 ж.) Сот шешімі күшінде қалды."),
            Sentences({"(Ескерту: заң 2020 ж.)", "Сот шешімі күшінде қалды."}));
  // Not when the bracket that opened the sentence closed before.
  EXPECT_EQ(sentences(langs().ru, "(Ранее) газета (ок. 300 тыс. экз.) China Daily писала об этом."),
            Sentences({"(Ранее) газета (ок. 300 тыс. экз.) China Daily писала об этом."}));
}

TEST(SegmenterTest, FootnoteMarkStaysWithItsSentence) {
  // UAX #29 breaks between the full stop and a superscript digit.
  EXPECT_EQ(sentences(langs().en, "It is based on 312 interviews.¹ Most were detainees.²"),
            Sentences({"It is based on 312 interviews.¹", "Most were detainees.²"}));
  EXPECT_EQ(sentences(langs().kk, "Баяндама 312 сұхбатқа негізделген.¹² Көбі тұтқын болған."),
            Sentences({"Баяндама 312 сұхбатқа негізделген.¹²", "Көбі тұтқын болған."}));
  EXPECT_EQ(sentences(langs().ru, "«Их держали в лагере».³ Семьи ждут ответа."),
            Sentences({"«Их держали в лагере».³", "Семьи ждут ответа."}));
  // A superscript that is a power stays where it is.
  EXPECT_EQ(sentences(langs().en, "The camp covers 3 km². Guards patrol it."),
            Sentences({"The camp covers 3 km².", "Guards patrol it."}));
}

TEST(SegmenterTest, BulletStartsASentence) {
  EXPECT_EQ(sentences(langs().en, "Our key findings: • 61% were sent to factories. • None had a "
                                  "written decision."),
            Sentences({"Our key findings:", "• 61% were sent to factories.",
                       "• None had a written decision."}));
  EXPECT_EQ(sentences(langs().kk, "Негізгі тұжырымдар: • 47 бала интернатқа жіберілген ◦ т.б."),
            Sentences({"Негізгі тұжырымдар:", "• 47 бала интернатқа жіберілген", "◦ т.б."}));
  EXPECT_EQ(sentences(langs().ru, "• Первый пункт. • Второй пункт."),
            Sentences({"• Первый пункт.", "• Второй пункт."}));
  // Only after white space: a bullet inside a token is text.
  EXPECT_EQ(sentences(langs().en, "Call it A•B for short."), Sentences({"Call it A•B for short."}));
}

TEST(SegmenterTest, ListItemStartsASentence) {
  // After a full stop a bracketed lower-case label opens the next item (UAX #29 sees "b" and
  // does not break before it); after a colon a label before a capital or a number does.
  EXPECT_EQ(sentences(langs().en, "We ask you to do two things: (a) Close the camps. (b) Free the "
                                  "detainees."),
            Sentences({"We ask you to do two things:", "(a) Close the camps.",
                       "(b) Free the detainees."}));
  EXPECT_EQ(sentences(langs().kk, "Біз сұраймыз: а) Лагерьлерді жабу. ә) Тұтқындарды босату."),
            Sentences({"Біз сұраймыз:", "а) Лагерьлерді жабу.", "ә) Тұтқындарды босату."}));
  EXPECT_EQ(sentences(langs().ru, "Просим также: 1) 5 марта провести встречу. 2) Ответить письменно."),
            Sentences({"Просим также:", "1) 5 марта провести встречу.", "2) Ответить письменно."}));
  EXPECT_EQ(sentences(langs().en, "It lists them. (iv) The last one is new."),
            Sentences({"It lists them.", "(iv) The last one is new."}));
  // After a semicolon too, a label before a capital opens an item.
  EXPECT_EQ(sentences(langs().en, "The Committee urges it to: (a) Free the men; (b) Publish the "
                                  "data; (c) Inform families."),
            Sentences({"The Committee urges it to:", "(a) Free the men;", "(b) Publish the data;",
                       "(c) Inform families."}));
  // Lower-case items are a list inside one sentence.
  EXPECT_EQ(sentences(langs().en, "The law covers: (a) schools, (b) hospitals and (c) courts."),
            Sentences({"The law covers: (a) schools, (b) hospitals and (c) courts."}));
  EXPECT_EQ(sentences(langs().ru, "Закон касается: а) школ; б) больниц."),
            Sentences({"Закон касается: а) школ; б) больниц."}));
  // Lower-case items that are clauses (five words or more before their semicolon) are
  // sentences, as in a formal request; phrases are not.
  EXPECT_EQ(sentences(langs().ru, "Прошу прокуратуру: 1) сообщить мне письменно о предъявленном "
                                  "обвинении; 2) разрешить ему звонить семье."),
            Sentences({"Прошу прокуратуру:", "1) сообщить мне письменно о предъявленном обвинении;",
                       "2) разрешить ему звонить семье."}));
  EXPECT_EQ(sentences(langs().en, "I ask your Office: (a) to inform me of the charges against "
                                  "him; (b) to allow visits."),
            Sentences({"I ask your Office:", "(a) to inform me of the charges against him;",
                       "(b) to allow visits."}));
  // An item of such a list that starts with a name does not open a sentence.
  EXPECT_EQ(sentences(langs().kk, "Комитет шақырады: а) оларды босату; ә) Женеваға есеп беру."),
            Sentences({"Комитет шақырады: а) оларды босату; ә) Женеваға есеп беру."}));
}

TEST(SegmenterTest, SentenceKeepsItsBracketsBalanced) {
  // A bracket that closes with no full stop of its own, or that the sentence goes on after, is
  // not cut, whatever abbreviation stands inside it or before it.
  EXPECT_EQ(sentences(langs().en, "We attach his passport (No. A1234567) and two letters."),
            Sentences({"We attach his passport (No. A1234567) and two letters."}));
  EXPECT_EQ(sentences(langs().en, "Prof. Serik Dauletov, D.Sc. (Law), spoke first. He was brief."),
            Sentences({"Prof. Serik Dauletov, D.Sc. (Law), spoke first.", "He was brief."}));
  EXPECT_EQ(sentences(langs().ru, "Данные неполны (см. сборник, изд. Алматинского ун-та. Ч. 2), "
                                  "и это важно."),
            Sentences({"Данные неполны (см. сборник, изд. Алматинского ун-та. Ч. 2), и это важно."}));
  // Sentences inside a bracket still end there.
  EXPECT_EQ(sentences(langs().en, "They did not reply. (He left. She stayed.) Nobody knows why."),
            Sentences({"They did not reply.", "(He left.", "She stayed.)", "Nobody knows why."}));
  // A dash after a full stop inside a bracket introduces the note's author, not a sentence.
  EXPECT_EQ(sentences(langs().ru, "Он родом из Кульджи. (Кульджа — город в Синьцзяне. — Прим. "
                                  "пер.) Больше мы о нём не знаем."),
            Sentences({"Он родом из Кульджи.", "(Кульджа — город в Синьцзяне. — Прим. пер.)",
                       "Больше мы о нём не знаем."}));
  EXPECT_EQ(sentences(langs().en, "Ghulja is Yining. (The city lies on the Ili. — Ed.) He went "
                                  "there."),
            Sentences({"Ghulja is Yining.", "(The city lies on the Ili. — Ed.)", "He went there."}));
  // Outside a bracket such a dash opens a line of dialogue.
  EXPECT_EQ(sentences(langs().ru, "Он сказал: «Нет». — А вы?"),
            Sentences({"Он сказал: «Нет».", "— А вы?"}));
}

TEST(SegmenterTest, NoteInBracketsAfterASentenceEndBelongsToIt) {
  EXPECT_EQ(sentences(langs().en, "Q: By which court... [inaudible] A (Mr. Orazbek): A city court."),
            Sentences({"Q: By which court... [inaudible]", "A (Mr. Orazbek): A city court."}));
  EXPECT_EQ(sentences(langs().kk, "Сұрақ: Қай сот... [естілмеді] Жауап: Қалалық сот."),
            Sentences({"Сұрақ: Қай сот... [естілмеді]", "Жауап: Қалалық сот."}));
  // A reference apart from the full stop before a capital opens a list of notes' item.
  EXPECT_EQ(sentences(langs().en, "He was released in 2019. [12] The next year he left."),
            Sentences({"He was released in 2019.", "[12] The next year he left."}));
  // A bracket with a sentence inside is a sentence; a list label opens an item.
  EXPECT_EQ(sentences(langs().en, "They did not reply. (It rarely does.) Officials declined."),
            Sentences({"They did not reply.", "(It rarely does.)", "Officials declined."}));
  EXPECT_EQ(sentences(langs().en, "It asks two things. (a) Free him. (b) Tell us where he is."),
            Sentences({"It asks two things.", "(a) Free him.", "(b) Tell us where he is."}));
}

TEST(SegmenterTest, NotesInBracketsRomanMonthsItemCodesAndVerse) {
  // A note in brackets goes back to the sentence before when that sentence trails off or when
  // the note is a reference; after a sentence that ended in full it opens the next one.
  EXPECT_EQ(sentences(langs().en, "And by which court... [inaudible] A: Yes."),
            Sentences({"And by which court... [inaudible]", "A: Yes."}));
  EXPECT_EQ(sentences(langs().ru, "Перевод подстрочный, без рифмы. [1] В песнях ветер приносит "
                                  "вести. [2] Дословно: «куда идёт дорога?»."),
            Sentences({"Перевод подстрочный, без рифмы.", "[1] В песнях ветер приносит вести.",
                       "[2] Дословно: «куда идёт дорога?»."}));
  EXPECT_EQ(sentences(langs().en, "What do you see? [laughter] Yes, a lot of buildings."),
            Sentences({"What do you see?", "[laughter] Yes, a lot of buildings."}));
  EXPECT_EQ(sentences(langs().en, "Nobody knows where. [crossed out] Some of us sew gloves."),
            Sentences({"Nobody knows where.", "[crossed out] Some of us sew gloves."}));
  EXPECT_EQ(sentences(langs().kk, "Не көріп тұрсыздар? [күлкі] Иә, ғимарат көп."),
            Sentences({"Не көріп тұрсыздар?", "[күлкі] Иә, ғимарат көп."}));
  EXPECT_EQ(sentences(langs().ru, "Никто не знает куда. [зачёркнуто] Некоторых отправляют на фабрику."),
            Sentences({"Никто не знает куда.", "[зачёркнуто] Некоторых отправляют на фабрику."}));
  // A note that ends the paragraph after a sentence that ended in full stands alone, whatever
  // its case; after speech that trails off, or as a reference, it goes back.
  EXPECT_EQ(sentences(langs().en, "There are about 300 of us. [crowd noise]"),
            Sentences({"There are about 300 of us.", "[crowd noise]"}));
  EXPECT_EQ(sentences(langs().kk, "Шамамен 300 адам жиналдық. [жиналғандардың дауысы]"),
            Sentences({"Шамамен 300 адам жиналдық.", "[жиналғандардың дауысы]"}));
  EXPECT_EQ(sentences(langs().ru, "Нас здесь около 300 человек. (аплодисменты)"),
            Sentences({"Нас здесь около 300 человек.", "(аплодисменты)"}));
  EXPECT_EQ(sentences(langs().en, "Tell me by which court... [inaudible]"),
            Sentences({"Tell me by which court... [inaudible]"}));
  EXPECT_EQ(sentences(langs().en, "It was built in 2019. [12]"),
            Sentences({"It was built in 2019. [12]"}));
  // Before a lower-case word too, a note opens the next sentence after one that ended in full
  // (Kazakh puts a footnote's letter first); a reference still goes back.
  EXPECT_EQ(sentences(langs().kk, "Туыстары хабарлаған. [a] белгісі қойылған сандар шамамен алынған."),
            Sentences({"Туыстары хабарлаған.", "[a] белгісі қойылған сандар шамамен алынған."}));
  EXPECT_EQ(sentences(langs().en, "I said never. [pause] and then they came."),
            Sentences({"I said never.", "[pause] and then they came."}));
  EXPECT_EQ(sentences(langs().en, "It was built in 2019. [12] the next one came."),
            Sentences({"It was built in 2019. [12] the next one came."}));
  // A year in brackets is no note's number: there it opens a case number, whose sign keeps
  // it, in Latin letters in any language's text.
  EXPECT_EQ(sentences(langs().en, "The document, case no. (2018) Xin 40 Xing Chu No. 217, runs "
                                  "to 11 pages. It was found in 2021."),
            Sentences({"The document, case no. (2018) Xin 40 Xing Chu No. 217, runs to 11 pages.",
                       "It was found in 2021."}));
  EXPECT_EQ(sentences(langs().kk, "Құжатты екі ерікті аударды. (2018) Xin 40 Xing Chu No. 217 ісі "
                                  "бойынша құжат 11 беттен тұрады."),
            Sentences({"Құжатты екі ерікті аударды.",
                       "(2018) Xin 40 Xing Chu No. 217 ісі бойынша құжат 11 беттен тұрады."}));
  // A month in Roman numerals after the day's full stop; a lone "I" only before the year.
  EXPECT_EQ(sentences(langs().en, "On 28.III they took away old Akhmet. Nobody knows where."),
            Sentences({"On 28.III they took away old Akhmet.", "Nobody knows where."}));
  EXPECT_EQ(sentences(langs().ru, "28.III увели старого Ахмета. Письмо от 3.I.2019 пришло позже."),
            Sentences({"28.III увели старого Ахмета.", "Письмо от 3.I.2019 пришло позже."}));
  EXPECT_EQ(sentences(langs().en, "It closed in 1998.I was not there."),
            Sentences({"It closed in 1998.", "I was not there."}));
  // A lettered item's code and a time of day open their sentence, as "1." does.
  EXPECT_EQ(sentences(langs().en, "R1. Governments should keep a register. R2. Raise each case."),
            Sentences({"R1. Governments should keep a register.", "R2. Raise each case."}));
  EXPECT_EQ(sentences(langs().kk, "06:40. Жаркенттен шықтық. 07:15. Шекара."),
            Sentences({"06:40. Жаркенттен шықтық.", "07:15. Шекара."}));
  // The lines of a verse quoted in running text, separated by slashes, stay one quotation.
  EXPECT_EQ(sentences(langs().en, "\"The river does not ask. / It carries snow.\" He was taken."),
            Sentences({"\"The river does not ask. / It carries snow.\"", "He was taken."}));
  // After a colon a date is a field's value: the sentence ends with it.
  EXPECT_EQ(sentences(langs().ru, "Срок подачи заявок: 15 янв. 2026 г. Чтобы подать заявку, пишите."),
            Sentences({"Срок подачи заявок: 15 янв. 2026 г.", "Чтобы подать заявку, пишите."}));
}

TEST(SegmenterTest, KeysWebAddressesLanguagesAndFrontedTimes) {
  // A web address after a question opens the next sentence, lower case as it is.
  EXPECT_EQ(sentences(langs().kk, "Қалай көмектесе аласыз? https://example.org парақшасын бөлісіңіз."),
            Sentences({"Қалай көмектесе аласыз?", "https://example.org парақшасын бөлісіңіз."}));
  // A transcript's key: a quoted initial that a dash explains.
  EXPECT_EQ(sentences(langs().ru, "«А.» — Аскар, «М.» — его мать. Он говорит первым."),
            Sentences({"«А.» — Аскар, «М.» — его мать.", "Он говорит первым."}));
  // Languages before a word in that language; born and died before a date; a degree.
  EXPECT_EQ(sentences(langs().en, "Ghulja (Kaz. Qulja, Chin. Yining) — the main city."),
            Sentences({"Ghulja (Kaz. Qulja, Chin. Yining) — the main city."}));
  EXPECT_EQ(sentences(langs().ru, "Омарбек (род. 12 мая 1961 г. — ум. 3 февр. 2021 г.) — фольклорист."),
            Sentences({"Омарбек (род. 12 мая 1961 г. — ум. 3 февр. 2021 г.) — фольклорист."}));
  EXPECT_EQ(sentences(langs().en, "His Cand. Sc. thesis dealt with dialects."),
            Sentences({"His Cand. Sc. thesis dealt with dialects."}));
  // A month or a day opens a sentence after a word that is no abbreviation.
  EXPECT_EQ(sentences(langs().en, "It was held in Almaty. May he rest in peace. We met at 8 a.m. "
                                  "Monday."),
            Sentences({"It was held in Almaty.", "May he rest in peace.", "We met at 8 a.m. Monday."}));
  // A letter's salutation after its date line; a two-letter initial of a foreign name.
  EXPECT_EQ(sentences(langs().ru, "12 мая 2024 г. Уважаемый господин министр! Пишу Вам снова."),
            Sentences({"12 мая 2024 г.", "Уважаемый господин министр!", "Пишу Вам снова."}));
  EXPECT_EQ(sentences(langs().kk, "Қатысқандар: М. Дүйсен, Дж. Уитмор. Жиналыс ашылды."),
            Sentences({"Қатысқандар: М. Дүйсен, Дж. Уитмор.", "Жиналыс ашылды."}));
  // A number label after a semicolon is the next item's, not a sentence's end.
  EXPECT_EQ(sentences(langs().en, "Agenda: 1. Minutes; 2. Finance; 3. AOB."),
            Sentences({"Agenda:", "1. Minutes;", "2. Finance;", "3. AOB."}));
  // "St." after a name or a number is Street; before a name, Saint.
  EXPECT_EQ(sentences(langs().en, "She was last seen on Tole Bi St. She wore a coat. The St. "
                                  "Petersburg office is at 200 Main St. It wrote. In St. Paul it rained."),
            Sentences({"She was last seen on Tole Bi St.", "She wore a coat.",
                       "The St. Petersburg office is at 200 Main St.", "It wrote.",
                       "In St. Paul it rained."}));
  // After a comma "St." opens a name: Saint; after a house number too (a street's name would
  // stand between), but after an ordinal it is Street.
  EXPECT_EQ(sentences(langs().en, "A reading of letters, St. Anne's Hall, 9 Bridge Rd."),
            Sentences({"A reading of letters, St. Anne's Hall, 9 Bridge Rd."}));
  EXPECT_EQ(sentences(langs().en, "Main Hall, 27 St. Anne's Rd. The bus stops on 5th St. It is "
                                  "free."),
            Sentences({"Main Hall, 27 St. Anne's Rd.", "The bus stops on 5th St.", "It is free."}));
  // A day after an address opens a listing's next line; after a time of day it is the time's.
  EXPECT_EQ(sentences(langs().en, "Letters home, St. Anne's Hall, 9 Bridge Rd. Tue., 11 November, "
                                  "7 p.m.: information evening. We meet at 10 a.m. Monday."),
            Sentences({"Letters home, St. Anne's Hall, 9 Bridge Rd.",
                       "Tue., 11 November, 7 p.m.: information evening.",
                       "We meet at 10 a.m. Monday."}));
  // A currency's country after it; a number right after a dash is what the clause says, and a
  // capital after its unit opens the next sentence; a web address after a full stop opens one.
  EXPECT_EQ(sentences(langs().ru, "Курс 456,3 тг за 1 долл. США. Наша цель — 20 тыс. Подписать "
                                  "можно здесь. Прим. пер. в конце."),
            Sentences({"Курс 456,3 тг за 1 долл. США.", "Наша цель — 20 тыс.",
                       "Подписать можно здесь.", "Прим. пер. в конце."}));
  EXPECT_EQ(sentences(langs().ru, "АСТАНА — 5 марта 2024 г. Министерство сообщило."),
            Sentences({"АСТАНА — 5 марта 2024 г. Министерство сообщило."}));
  EXPECT_EQ(sentences(langs().kk, "Біздің мақсат – 20 мың қолтаңба. https://example.org/sign "
                                  "сілтемесі арқылы қол қойыңыз."),
            Sentences({"Біздің мақсат – 20 мың қолтаңба.",
                       "https://example.org/sign сілтемесі арқылы қол қойыңыз."}));
  // An interview record's question and answer codes in any script; a telephone number's plus
  // sign; a Kazakh table's label, letter first; a turn after a dash written against the word.
  EXPECT_EQ(sentences(langs().kk, "С1. Қай жерде тудыңыз? Ж1. Құлжа маңында. А кестесі. Өңірлер "
                                  "бойынша істер"),
            Sentences({"С1. Қай жерде тудыңыз?", "Ж1. Құлжа маңында.",
                       "А кестесі. Өңірлер бойынша істер"}));
  EXPECT_EQ(sentences(langs().ru, "В1. Где вы родились? О1. Под Кульджой."),
            Sentences({"В1. Где вы родились?", "О1. Под Кульджой."}));
  EXPECT_EQ(sentences(langs().en, "E-mail: press@example.org; tel. +41 22 555 01 87"),
            Sentences({"E-mail: press@example.org; tel. +41 22 555 01 87"}));
  EXPECT_EQ(sentences(langs().en, "HOST: When did you last hear from him— CALLER (Aigerim, "
                                  "Taraz): —at New Year 2019."),
            Sentences({"HOST: When did you last hear from him—",
                       "CALLER (Aigerim, Taraz): —at New Year 2019."}));
  EXPECT_EQ(sentences(langs().en, "Recommendations are in Sect. 6. The rest follows."),
            Sentences({"Recommendations are in Sect. 6.", "The rest follows."}));
  // After a number an abbreviation is its unit, and the next numbered step opens a sentence;
  // titles before a name, "the hon. Member" of a parliament.
  EXPECT_EQ(sentences(langs().en, "1. Leave it for 10 min. 2. Knead the dough. The hon. Member "
                                  "asked Atty. M. Dauletova."),
            Sentences({"1. Leave it for 10 min.", "2. Knead the dough.",
                       "The hon. Member asked Atty. M. Dauletova."}));
  // A room's or an office's number after its abbreviation.
  EXPECT_EQ(sentences(langs().ru, "Общественный центр, 55 Мейпл-авеню, ком. 204. Вход свободный."),
            Sentences({"Общественный центр, 55 Мейпл-авеню, ком. 204.", "Вход свободный."}));
  // A writer who starts the paragraph in lower case starts every sentence so; after an
  // abbreviation or an ellipsis the sentence goes on.
  EXPECT_EQ(sentences(langs().en, "hello my dear, it's mum again... i know you're busy. so this "
                                  "morning i went there at 7.45 and waited 2 min. only. can you "
                                  "imagine? the girl from the org. says no."),
            Sentences({"hello my dear, it's mum again... i know you're busy.",
                       "so this morning i went there at 7.45 and waited 2 min. only.",
                       "can you imagine?", "the girl from the org. says no."}));
  // After a message's date and time the writer's first word tells, and a transcriber's note
  // before a lower-case word opens the next sentence; a quoted question is no sentence's end.
  EXPECT_EQ(sentences(langs().en, "3 June, 9:14 p.m.: hello my son... can you hear me? the line "
                                  "is bad. [sighs] i said i don't know."),
            Sentences({"3 June, 9:14 p.m.: hello my son... can you hear me?", "the line is bad.",
                       "[sighs] i said i don't know."}));
  // Words in capitals after the label are shouted and say nothing about the writer.
  EXPECT_EQ(sentences(langs().en, "[09:31] Saule: SHE IS HERE!!! she is so thin dana."),
            Sentences({"[09:31] Saule: SHE IS HERE!!!", "she is so thin dana."}));
  EXPECT_EQ(sentences(langs().en, "[09:31] Saule: SHE IS HERE! Great. she is thin."),
            Sentences({"[09:31] Saule: SHE IS HERE!", "Great. she is thin."}));
  // A time stamp in brackets is such a label too; English "I" is a capital whoever writes.
  EXPECT_EQ(sentences(langs().en, "[08:12] assalaumagaleikum, balam... are you still asleep, it "
                                  "is eight here. listen, Aunt Saule called. working where?"),
            Sentences({"[08:12] assalaumagaleikum, balam... are you still asleep, it is eight "
                       "here.",
                       "listen, Aunt Saule called.", "working where?"}));
  EXPECT_EQ(sentences(langs().en, "[08:15] I'm not crying, don't think that. took my pills."),
            Sentences({"[08:15] I'm not crying, don't think that.", "took my pills."}));
  EXPECT_EQ(sentences(langs().en, "[1] White paper, 2019. the county's report."),
            Sentences({"[1] White paper, 2019. the county's report."}));
  EXPECT_EQ(sentences(langs().kk, "3 маусым, 21:16: анаң аман. [күрсінеді] білмеймін дедім."),
            Sentences({"3 маусым, 21:16: анаң аман.", "[күрсінеді] білмеймін дедім."}));
  EXPECT_EQ(sentences(langs().kk, "10:40 Алматы: бүгін 30 туысы жиналды. Олардың қолында «Әкем "
                                  "қайда?» деген жазуы бар плакат болды."),
            Sentences({"10:40 Алматы: бүгін 30 туысы жиналды.",
                       "Олардың қолында «Әкем қайда?» деген жазуы бар плакат болды."}));
  // A label that is no date or time says nothing about the writer.
  EXPECT_EQ(sentences(langs().en, "Note: the office opens at 9. (sighs) and then it closes."),
            Sentences({"Note: the office opens at 9. (sighs) and then it closes."}));
  EXPECT_EQ(sentences(langs().ru, "привет, родная, это опять мама... знаю, ты на работе. сегодня "
                                  "ходила в консульство."),
            Sentences({"привет, родная, это опять мама... знаю, ты на работе.",
                       "сегодня ходила в консульство."}));
  // A paragraph that opens with a number or a bullet says nothing about capitals.
  EXPECT_EQ(sentences(langs().en, "– 1 tsp. dry yeast, 1 tbsp. sugar;"),
            Sentences({"– 1 tsp. dry yeast, 1 tbsp. sugar;"}));
  EXPECT_EQ(sentences(langs().en, "They contravene arts. 9 and 19 of the Declaration."),
            Sentences({"They contravene arts. 9 and 19 of the Declaration."}));
  EXPECT_EQ(sentences(langs().ru, "Рис. 2 Сумка для посуды, Алтай, нач. XX в."),
            Sentences({"Рис. 2 Сумка для посуды, Алтай, нач. XX в."}));
  // A list of sources: each reference opens its item; a reference after a sentence that is no
  // item goes back to it.
  EXPECT_EQ(sentences(langs().en, "[1] White paper, August 2019. [2] County report (2018), p. 7. "
                                  "[3] Interviews, 2020."),
            Sentences({"[1] White paper, August 2019.", "[2] County report (2018), p. 7.",
                       "[3] Interviews, 2020."}));
  // No sentence begins with a semicolon; "г." after a comma is a town's; a lake before its name.
  EXPECT_EQ(sentences(langs().ru, "Плакат гласил «Где мой отец?»; полиция молчала. Приём с 10:00 "
                                  "до 17:00, г. Алматы, пр. Абая, 45. У оз. Зайсан ветер."),
            Sentences({"Плакат гласил «Где мой отец?»; полиция молчала.",
                       "Приём с 10:00 до 17:00, г. Алматы, пр. Абая, 45.", "У оз. Зайсан ветер."}));
  // A speaker's turn after an utterance broken off with a dash.
  EXPECT_EQ(sentences(langs().en, "B.S.: And so was \"Alla saqtasyn\" -- A.K.: \"God keep you\"?"),
            Sentences({"B.S.: And so was \"Alla saqtasyn\" --", "A.K.: \"God keep you\"?"}));
  EXPECT_EQ(sentences(langs().kk, "А.Қ.: Ал сіз қалай – Б.С.: Кетіп қалдым ба?"),
            Sentences({"А.Қ.: Ал сіз қалай –", "Б.С.: Кетіп қалдым ба?"}));
  // A preposition and a time are no sentence; after a clause the time ends one.
  EXPECT_EQ(sentences(langs().en, "At 3 a.m. I woke up. We waited until 9 p.m. I slept."),
            Sentences({"At 3 a.m. I woke up.", "We waited until 9 p.m.", "I slept."}));
}

TEST(SegmenterTest, TranscriptsChatLogsAndAddresses) {
  // A hearing's speaker labels write titles in capitals: still the title, before the name.
  EXPECT_EQ(sentences(langs().en, "Thank you. MS. KERIMOVA: Mr. Chairman, thank you. SEN. "
                                  "HOLLOWAY: Did they answer?"),
            Sentences({"Thank you.", "MS. KERIMOVA: Mr. Chairman, thank you.",
                       "SEN. HOLLOWAY: Did they answer?"}));
  EXPECT_EQ(sentences(langs().ru, "Спасибо. СЕН. ХОЛЛОУЭЙ: Вы поверили? ПРЕДСТ. ОКОНДЖО: Прошу."),
            Sentences({"Спасибо.", "СЕН. ХОЛЛОУЭЙ: Вы поверили?", "ПРЕДСТ. ОКОНДЖО: Прошу."}));
  EXPECT_EQ(sentences(langs().kk, "Рақмет. СЕН. ХОЛЛОУЭЙ: Сіз сендіңіз бе?"),
            Sentences({"Рақмет.", "СЕН. ХОЛЛОУЭЙ: Сіз сендіңіз бе?"}));
  // A word in capitals that is no listed abbreviation still ends its sentence.
  EXPECT_EQ(sentences(langs().en, "They said NO. Then they left."),
            Sentences({"They said NO.", "Then they left."}));
  // A time stamp in brackets opens a chat message.
  EXPECT_EQ(sentences(langs().en, "[21:14] Aigul: Are you awake? [21:15] Mother: I can't sleep."),
            Sentences({"[21:14] Aigul: Are you awake?", "[21:15] Mother: I can't sleep."}));
  EXPECT_EQ(sentences(langs().ru, "[21:17] Мама: Звонила его жена. [21:17] Мама: Его осудили."),
            Sentences({"[21:17] Мама: Звонила его жена.", "[21:17] Мама: Его осудили."}));
  // Parts of an address: a flat's number; a street type ends the address and the sentence.
  EXPECT_EQ(sentences(langs().en, "We moved to 17 Elm St., Apt. 4, last week. Come and see."),
            Sentences({"We moved to 17 Elm St., Apt. 4, last week.", "Come and see."}));
  EXPECT_EQ(sentences(langs().en, "The hall is at 41 Maple Ave. Children's songs start at 2."),
            Sentences({"The hall is at 41 Maple Ave.", "Children's songs start at 2."}));
  EXPECT_EQ(sentences(langs().ru, "Запись: тел. 555-0148. Места ограничены."),
            Sentences({"Запись: тел. 555-0148.", "Места ограничены."}));
  EXPECT_EQ(sentences(langs().kk, "Тіркелу: тел. 555-0148. Орын аз."),
            Sentences({"Тіркелу: тел. 555-0148.", "Орын аз."}));
  // A compass point continues an address; after an ordinary word the letter is an initial.
  EXPECT_EQ(sentences(langs().en, "He was held in 2019. S. Tursyn said so."),
            Sentences({"He was held in 2019.", "S. Tursyn said so."}));
  EXPECT_EQ(sentences(langs().en, "We wrote three times. Each time we waited."),
            Sentences({"We wrote three times.", "Each time we waited."}));
  // A place's time after the time of day; without it the capital opens a sentence.
  EXPECT_EQ(sentences(langs().en, "Call at 8 p.m. Almaty time. We wait until 9 p.m. Nobody came."),
            Sentences({"Call at 8 p.m. Almaty time.", "We wait until 9 p.m.", "Nobody came."}));
  // Caption labels and an appendix before its letter; a month before a year.
  EXPECT_EQ(sentences(langs().kk, "1-сурет. Кешеннің сызбасы. 2-сурет. Қабырға."),
            Sentences({"1-сурет. Кешеннің сызбасы.", "2-сурет. Қабырға."}));
  EXPECT_EQ(sentences(langs().ru, "Рисунок 3. Стена лагеря. См. их прил. B, с. 14."),
            Sentences({"Рисунок 3. Стена лагеря.", "См. их прил. B, с. 14."}));
  EXPECT_EQ(sentences(langs().ru, "Письмо пришло 11 мар. 2025 г. в 09:14."),
            Sentences({"Письмо пришло 11 мар. 2025 г. в 09:14."}));
}

TEST(SegmenterTest, LabelsAndAbbreviationsOfLettersAndDocuments) {
  // A postscript's label is not a sentence.
  EXPECT_EQ(sentences(langs().en, "Thank you. P.S. We can come at any time."),
            Sentences({"Thank you.", "P.S. We can come at any time."}));
  EXPECT_EQ(sentences(langs().kk, "Рахмет. P.S. Біз кез келген уақытта келеміз."),
            Sentences({"Рахмет.", "P.S. Біз кез келген уақытта келеміз."}));
  // Initials of Kazakh names in Latin letters.
  EXPECT_EQ(sentences(langs().en, "It was signed by Zh. K. Abenova and Sh. Tursyn. They left."),
            Sentences({"It was signed by Zh. K. Abenova and Sh. Tursyn.", "They left."}));
  // A code with digits after a numeric abbreviation is its number.
  EXPECT_EQ(sentences(langs().en, "It bears passport No. N12345678 and a visa. It expired."),
            Sentences({"It bears passport No. N12345678 and a visa.", "It expired."}));
  EXPECT_EQ(sentences(langs().en, "Ask for No. Seven. Nobody did."),
            Sentences({"Ask for No.", "Seven.", "Nobody did."}));
  // A letter's reference number.
  EXPECT_EQ(sentences(langs().en, "Our Ref. No. 7/1-2024 applies. Please quote it."),
            Sentences({"Our Ref. No. 7/1-2024 applies.", "Please quote it."}));
  EXPECT_EQ(sentences(langs().ru, "Ответ на Исх. № 7/1-2024 не получен. Просим ответить."),
            Sentences({"Ответ на Исх. № 7/1-2024 не получен.", "Просим ответить."}));
  EXPECT_EQ(sentences(langs().kk, "Шығ. № 7/1-2024 хатқа жауап жоқ. Жауап беруіңізді сұраймыз."),
            Sentences({"Шығ. № 7/1-2024 хатқа жауап жоқ.", "Жауап беруіңізді сұраймыз."}));
  // A section of an act before its number.
  EXPECT_EQ(sentences(langs().en, "Neither Art. 9 nor s. 12 of the rules allows it. It never did."),
            Sentences({"Neither Art. 9 nor s. 12 of the rules allows it.", "It never did."}));
  // An editor before an initial.
  EXPECT_EQ(sentences(langs().ru, "См. сборник под ред. А. Сейткали, 2021."),
            Sentences({"См. сборник под ред. А. Сейткали, 2021."}));
  EXPECT_EQ(sentences(langs().kk, "Жинақты қараңыз (ред. А. Сейтқали, 2021)."),
            Sentences({"Жинақты қараңыз (ред. А. Сейтқали, 2021)."}));
  // Kazakh puts the verb last: a month's abbreviation after a day stays inside the sentence.
  EXPECT_EQ(sentences(langs().kk, "Жиын 3 мам. Астананың орталық алаңында өтеді."),
            Sentences({"Жиын 3 мам. Астананың орталық алаңында өтеді."}));
  // A pressure unit closes its measurement.
  EXPECT_EQ(sentences(langs().kk, "Қысымы 150/95 мм с.б. Екі білегінде тыртық бар."),
            Sentences({"Қысымы 150/95 мм с.б.", "Екі білегінде тыртық бар."}));
  // Russian writes "км" without a full stop, so one after it ends the sentence.
  EXPECT_EQ(sentences(langs().ru, "Утро, Жаркент, до границы 30 км. Ерлан шьёт пальто."),
            Sentences({"Утро, Жаркент, до границы 30 км.", "Ерлан шьёт пальто."}));
  EXPECT_EQ(sentences(langs().ru, "Лагерь стоит в 30 км. от границы."),
            Sentences({"Лагерь стоит в 30 км. от границы."}));
  // Not after a number the same letters abbreviate a word: «см.» is смотри, «м.» метро.
  EXPECT_EQ(sentences(langs().ru, "Рубцы соответствуют рассказу (см. Приложение 2, с. 4). Далее."),
            Sentences({"Рубцы соответствуют рассказу (см. Приложение 2, с. 4).", "Далее."}));
  EXPECT_EQ(sentences(langs().ru, "Мы жили у ст. м. Алмалы. Рост 170 см. Вес 60 кг."),
            Sentences({"Мы жили у ст. м. Алмалы.", "Рост 170 см.", "Вес 60 кг."}));
  EXPECT_EQ(sentences(langs().ru, "Построили около 46 000 кв. м. Исследователи насчитали 300."),
            Sentences({"Построили около 46 000 кв. м.", "Исследователи насчитали 300."}));
  // A bracket and then the sentence's full stop, after an abbreviation: the abbreviation's full
  // stop did not end the sentence.
  EXPECT_EQ(sentences(langs().en, "We answer until 1 p.m. (Astana time). Write to us."),
            Sentences({"We answer until 1 p.m. (Astana time).", "Write to us."}));
  EXPECT_EQ(sentences(langs().en, "Bring letters, photos, etc. (Copies are fine). Write to us."),
            Sentences({"Bring letters, photos, etc. (Copies are fine).", "Write to us."}));
  // A step's number, like an article's, is a heading label.
  EXPECT_EQ(sentences(langs().ru, "Шаг 2. Отправьте письмо. Шаг 3. Ждите ответа."),
            Sentences({"Шаг 2. Отправьте письмо.", "Шаг 3. Ждите ответа."}));
  EXPECT_EQ(sentences(langs().kk, "2-қадам. Хатты жіберіңіз. 3-қадам. Жауап күтіңіз."),
            Sentences({"2-қадам. Хатты жіберіңіз.", "3-қадам. Жауап күтіңіз."}));
  // A numbered label and a capital after an abbreviation open the next item of a list.
  EXPECT_EQ(sentences(langs().ru, "1. Фонд создан в 2019 г. 2. Опросы шли весной."),
            Sentences({"1. Фонд создан в 2019 г.", "2. Опросы шли весной."}));
  EXPECT_EQ(sentences(langs().ru, "По годам: 2020 г. — 88, 2021 г. — 29. После 2021 г. стало иначе."),
            Sentences({"По годам: 2020 г. — 88, 2021 г. — 29.", "После 2021 г. стало иначе."}));
  EXPECT_EQ(sentences(langs().ru, "Потери составили 3 млн. 2. Опросы шли весной."),
            Sentences({"Потери составили 3 млн.", "2. Опросы шли весной."}));
  // A page is no list label's year: "с." stands before its number.
  EXPECT_EQ(sentences(langs().ru, "См. с. 12. Доклад вышел."),
            Sentences({"См. с. 12.", "Доклад вышел."}));
  // After a numeric abbreviation the number is its own ("см. п. 3. Далее" breaks after "3.").
  EXPECT_EQ(sentences(langs().ru, "Об этом говорит ст. 3. Она вступила в силу."),
            Sentences({"Об этом говорит ст. 3.", "Она вступила в силу."}));
  // An academic degree stands before the name.
  EXPECT_EQ(sentences(langs().ru, "Доклад читал к. ист. н. Жумабаев Е. К. в зале."),
            Sentences({"Доклад читал к. ист. н. Жумабаев Е. К. в зале."}));
  EXPECT_EQ(sentences(langs().ru, "Выступил д. юрид. н. А. Серикова."),
            Sentences({"Выступил д. юрид. н. А. Серикова."}));
  // A dateline's dash after "г." is followed by the text, not by a new sentence.
  EXPECT_EQ(sentences(langs().ru, "Алматы, 3 марта 2025 г. — 1 марта скончался писатель."),
            Sentences({"Алматы, 3 марта 2025 г. — 1 марта скончался писатель."}));
}

TEST(SegmenterTest, TimeOfDayBeforeACapital) {
  EXPECT_EQ(sentences(langs().en, "The rally ended at 1 p.m. Organizers left. It was cold."),
            Sentences({"The rally ended at 1 p.m.", "Organizers left.", "It was cold."}));
  EXPECT_EQ(sentences(langs().en, "They met at 10 a.m. Monday and at 5 p.m. GMT on Friday."),
            Sentences({"They met at 10 a.m. Monday and at 5 p.m. GMT on Friday."}));
  EXPECT_EQ(sentences(langs().en, "They met at 10 a.m. on Monday. 12 people came."),
            Sentences({"They met at 10 a.m. on Monday.", "12 people came."}));
}

TEST(SegmenterTest, StrayFullStopBeforeLowerCaseWord) {
  // UDHR (kk) article 2 has "жынысына. тіліне" and "мүліктік. тектік‐топтық" (typos for ',').
  EXPECT_EQ(sentences(langs().kk, "Әр адам, жынысына. тіліне, мүліктік. тектік‐топтық, тең."),
            Sentences({"Әр адам, жынысына. тіліне, мүліктік. тектік‐топтық, тең."}));
  EXPECT_EQ(sentences(langs().ru, "Без различия пола. языка, религии."),
            Sentences({"Без различия пола. языка, религии."}));
}

TEST(SegmenterTest, ExtraRulesAddAbbreviations) {
  EXPECT_EQ(sentences(langs().en, "Ask Plt. Morse."), Sentences({"Ask Plt.", "Morse."}));
  auto s = Segmenter::create("en", "# pilot\nnever Plt.\n");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(sentences(*s, "Ask Plt. Morse."), Sentences({"Ask Plt. Morse."}));
}

TEST(SegmenterTest, InvalidRulesGiveByteOffset) {
  auto s = Segmenter::create("en", "never Insp.\nabbrev Mr\n");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, core::ErrorCode::kBadFormat);
  EXPECT_EQ(s.error().byte_offset, 19u);  // "Mr" on line 2
  auto t = Segmenter::create("kk", "starter Ол\nnevr т.е.\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().byte_offset, 13u);  // "nevr" after "starter Ол\n" (13 bytes)
}

TEST(SegmenterTest, BadLanguageTagIsUnsupported) {
  auto s = Segmenter::create("");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, core::ErrorCode::kUnsupported);
  EXPECT_FALSE(Segmenter::create("k k"));
}

TEST(SegmenterTest, OtherLanguagesUseRootAndCommonRules) {
  Segmenter de = make("de-DE");
  EXPECT_EQ(sentences(de, "Das ist gut, z.B. Obst. Wir gehen, vs. Wir bleiben."),
            Sentences({"Das ist gut, z.B. Obst.", "Wir gehen, vs. Wir bleiben."}));
  Segmenter kk = make("kk-Cyrl-KZ");
  EXPECT_EQ(sentences(kk, "Қазақтар т.б. Олар келді."),
            Sentences({"Қазақтар т.б.", "Олар келді."}));
}

TEST(SegmenterTest, HeadingLabelsWithSectionSignRomanNumeralsAndTimes) {
  // A section sign's label and a programme's line keep their titles.
  EXPECT_EQ(sentences(langs().en, "§ 4. Kazakhs in Xinjiang from the 18th century to the present"),
            Sentences({"§ 4. Kazakhs in Xinjiang from the 18th century to the present"}));
  EXPECT_EQ(sentences(langs().en, "12:30–14:00 Panel II. Language, schooling and the family (Rm. 310)"),
            Sentences({"12:30–14:00 Panel II. Language, schooling and the family (Rm. 310)"}));
  EXPECT_EQ(sentences(langs().kk, "10:15–12:00 II панель. Куәгер сөзі – дәлел ретінде"),
            Sentences({"10:15–12:00 II панель. Куәгер сөзі – дәлел ретінде"}));
  EXPECT_EQ(sentences(langs().ru, "10:00–11:30 Панель III. Архивы пропавших без вести"),
            Sentences({"10:00–11:30 Панель III. Архивы пропавших без вести"}));
  // A sentence that ends with a time and a number is not a label.
  EXPECT_EQ(sentences(langs().en, "We met at 12:30 in Hall 2. Nobody came."),
            Sentences({"We met at 12:30 in Hall 2.", "Nobody came."}));
}

TEST(SegmenterTest, RomanNumeralAfterNumberAbbreviation) {
  EXPECT_EQ(sentences(langs().en, "¹ Cf. the Qing decree of 1767 quoted in Ch. II, § 2."),
            Sentences({"¹ Cf. the Qing decree of 1767 quoted in Ch. II, § 2."}));
  EXPECT_EQ(sentences(langs().ru, "¹ Ср. указ 1767 г., приведённый в гл. II, § 2. Он известен."),
            Sentences({"¹ Ср. указ 1767 г., приведённый в гл. II, § 2.", "Он известен."}));
  // The pronoun after a number's sign is a new sentence.
  EXPECT_EQ(sentences(langs().en, "Did you sign it? No. I will not."),
            Sentences({"Did you sign it?", "No.", "I will not."}));
  EXPECT_EQ(sentences(langs().ru, "пр. Абая, зд. 12, кв. 34. Все заседания проходят в ауд. 204."),
            Sentences({"пр. Абая, зд. 12, кв. 34.", "Все заседания проходят в ауд. 204."}));
  EXPECT_EQ(sentences(langs().en, "Chair: Assoc. Prof. Daniyar Ospanov"),
            Sentences({"Chair: Assoc. Prof. Daniyar Ospanov"}));
}

TEST(SegmenterTest, BibliographicRecordIsOneSentence) {
  EXPECT_EQ(sentences(langs().en, "Zhanar Bekbolat. Forty Days in Room Seven: A Memoir. Almaty: "
                                  "Daik-Press, 2019. 312 p. ISBN 978-601-7000-00-0. The book opens "
                                  "with a smell."),
            Sentences({"Zhanar Bekbolat. Forty Days in Room Seven: A Memoir. Almaty: Daik-Press, "
                       "2019. 312 p. ISBN 978-601-7000-00-0.",
                       "The book opens with a smell."}));
  // GOST 7.1: areas after a dash, a journal's year before its volume, a volume count.
  EXPECT_EQ(sentences(langs().ru, "Джумабек А. Степь помнит. — Northway Press, 2023. — 312 с."),
            Sentences({"Джумабек А. Степь помнит. — Northway Press, 2023. — 312 с."}));
  EXPECT_EQ(sentences(langs().ru, "Ж. Кемелбек, Л. М. Хаас // Central Asian Memory Review. 2024. "
                                  "Т. 7, № 2. С. 41–63"),
            Sentences({"Ж. Кемелбек, Л. М. Хаас // Central Asian Memory Review. 2024. Т. 7, № 2. "
                       "С. 41–63"}));
  EXPECT_EQ(sentences(langs().ru, "Голоса с границы / под ред. С. Т. Мукановой. В 2 т. Алматы: "
                                  "Dala Press, 2024. 1124 с."),
            Sentences({"Голоса с границы / под ред. С. Т. Мукановой. В 2 т. Алматы: Dala Press, "
                       "2024. 1124 с."}));
  // Kazakh GOST records with an en dash before each area, and a review's sentence after one.
  EXPECT_EQ(sentences(langs().kk, "Бекболат Ж. Жетінші бөлмедегі қырық күн. – Алматы: Дайк-Пресс, "
                                  "2019. – 312 б."),
            Sentences({"Бекболат Ж. Жетінші бөлмедегі қырық күн. – Алматы: Дайк-Пресс, 2019. – 312 б."}));
  EXPECT_EQ(sentences(langs().kk, "Омарова С. Қ. Шыңжаң қазақтары. Алматы: Мектеп, 2015. 240 б. "
                                  "Кітап жақсы."),
            Sentences({"Омарова С. Қ. Шыңжаң қазақтары. Алматы: Мектеп, 2015. 240 б.", "Кітап жақсы."}));
  // A sentence that ends with a place and a year is no publication area: it is not joined to
  // the sentence before it.
  EXPECT_EQ(sentences(langs().en, "Her memoir is short. He moved to Almaty in May, 2019. Then he left."),
            Sentences({"Her memoir is short.", "He moved to Almaty in May, 2019.", "Then he left."}));
}

TEST(SegmenterTest, TitlesDosesAndUnitsOfTime) {
  EXPECT_EQ(sentences(langs().en, "I met Insp. Karimov and Sis. Aliya. The Rt. Hon. Member spoke."),
            Sentences({"I met Insp. Karimov and Sis. Aliya.", "The Rt. Hon. Member spoke."}));
  EXPECT_EQ(sentences(langs().en, "He wrote to Gen. Sec. Guterres under Sec. 5. Wait 10 sec. Then go."),
            Sentences({"He wrote to Gen. Sec. Guterres under Sec. 5.", "Wait 10 sec.", "Then go."}));
  EXPECT_EQ(sentences(langs().en, "Office on Fl. 3, see nn. 4-5. The dose is 50 mg b.i.d. Take it "
                                  "with food. It is open 24 hrs. Call us."),
            Sentences({"Office on Fl. 3, see nn. 4-5.", "The dose is 50 mg b.i.d.",
                       "Take it with food.", "It is open 24 hrs.", "Call us."}));
  EXPECT_EQ(sentences(langs().en, "We need min. 3 yrs. of experience."),
            Sentences({"We need min. 3 yrs. of experience."}));
  EXPECT_EQ(sentences(langs().ru, "Ему помог полк. Ахметов из пос. Кульджа. Адрес: мкр. Самал-2, "
                                  "д. 5, эт. 3, каб. 12."),
            Sentences({"Ему помог полк. Ахметов из пос. Кульджа.",
                       "Адрес: мкр. Самал-2, д. 5, эт. 3, каб. 12."}));
}

TEST(SegmenterTest, PerAnnumPopulationCoordinatesAndBirthYear) {
  EXPECT_EQ(sentences(langs().en, "Rent is KZT 2.5 million p.a. Travel costs were lower. Pop. 3,412 "
                                  "(2010 census)."),
            Sentences({"Rent is KZT 2.5 million p.a.", "Travel costs were lower.",
                       "Pop. 3,412 (2010 census)."}));
  EXPECT_EQ(sentences(langs().ru, "Расположено в точке 43°55′ с. ш. 81°20′ в. д. Население растёт."),
            Sentences({"Расположено в точке 43°55′ с. ш. 81°20′ в. д.", "Население растёт."}));
  EXPECT_EQ(sentences(langs().ru, "Пациент: Есимов Н. Т., 12.09.1968 г. р. Поступил: 03.02.2025."),
            Sentences({"Пациент: Есимов Н. Т., 12.09.1968 г. р.", "Поступил: 03.02.2025."}));
  EXPECT_EQ(sentences(langs().kk, "Ауыл 43°55′ с. е. 81°20′ ш. б. нүктесінде орналасқан."),
            Sentences({"Ауыл 43°55′ с. е. 81°20′ ш. б. нүктесінде орналасқан."}));
}

TEST(SegmenterTest, ReferenceAgainstTheFullStopEndsTheSentence) {
  // UAX #29 breaks inside "[12]" (its '[' is Close): the sentence ends after the reference.
  EXPECT_EQ(sentences(langs().en, "It was built in 2019.[12] The next one came later.[13][14] "
                                  "2020 was quieter."),
            Sentences({"It was built in 2019.[12]", "The next one came later.[13][14]",
                       "2020 was quieter."}));
  EXPECT_EQ(sentences(langs().kk, "Омарбек «оқыту орталығына» әкетілген.[4] 2020 жылдың соңында "
                                  "ол босатылды."),
            Sentences({"Омарбек «оқыту орталығына» әкетілген.[4]",
                       "2020 жылдың соңында ол босатылды."}));
  EXPECT_EQ(sentences(langs().en, "It was built in 2019.[12] the next one."),
            Sentences({"It was built in 2019.[12] the next one."}));
}

TEST(SegmenterTest, AudioGuideStopsInvoicesAndEditorsSignature) {
  EXPECT_EQ(sentences(langs().en, "Stop 4. Room 2"), Sentences({"Stop 4. Room 2"}));
  EXPECT_EQ(sentences(langs().kk, "4-аялдама. 2-зал"), Sentences({"4-аялдама. 2-зал"}));
  EXPECT_EQ(sentences(langs().ru, "Остановка 4. Зал 2"), Sentences({"Остановка 4. Зал 2"}));
  EXPECT_EQ(sentences(langs().en, "Inv. No. 2025/117 (attn. Ms. Aliya Nurtas)"),
            Sentences({"Inv. No. 2025/117 (attn. Ms. Aliya Nurtas)"}));
  // A signature after a dash at the paragraph's end signs the sentence; a reply does not.
  EXPECT_EQ(sentences(langs().en, "Some names have been changed. — Ed."),
            Sentences({"Some names have been changed. — Ed."}));
  EXPECT_EQ(sentences(langs().kk, "Есімдер өзгертілді. – Ред."),
            Sentences({"Есімдер өзгертілді. – Ред."}));
  EXPECT_EQ(sentences(langs().ru, "Он сказал: «Нет». — Да."),
            Sentences({"Он сказал: «Нет».", "— Да."}));
  EXPECT_EQ(sentences(langs().en, "It was cold. — Ed. Nurlan said so."),
            Sentences({"It was cold.", "— Ed. Nurlan said so."}));
}

TEST(SegmenterTest, LatinAbbreviationsInCyrillicTextAreEnglish) {
  // A Russian or Kazakh text quotes English references and addresses: their abbreviations are
  // the English list's, so "Art. 3", "Vol. 9" and "apt. 34" do not end a sentence.
  for (const Segmenter* s : {&langs().ru, &langs().kk}) {
    EXPECT_EQ(sentences(*s, "Kassymova S. B. Forced returns and Art. 3 of the Convention // "
                            "Journal of Law. 2021. Vol. 9, No. 2. P. 45–71. Далее текст."),
              Sentences({"Kassymova S. B. Forced returns and Art. 3 of the Convention // "
                         "Journal of Law. 2021. Vol. 9, No. 2. P. 45–71.",
                         "Далее текст."}));
  }
  // The language's own list still decides its own words; a Latin-script language gets nothing
  // from English (German "Art." is a noun's abbreviation too, and German has its own list).
  EXPECT_EQ(sentences(langs().ru, "Он живёт на ул. Абая. Это в центре."),
            Sentences({"Он живёт на ул. Абая.", "Это в центре."}));
}

TEST(SegmenterTest, DashAfterADateLabelContinuesTheEntry) {
  // A timeline's entries: a date or time closed by an abbreviation, a dash, what happened.
  EXPECT_EQ(sentences(langs().en, "21 May 2018, approx. 11 p.m. — Daniyar is detained at his "
                                  "flat. 8 Feb. 2024 — Second video call, approx. 6 min. "
                                  "Daniyar's hair has turned grey."),
            Sentences({"21 May 2018, approx. 11 p.m. — Daniyar is detained at his flat.",
                       "8 Feb. 2024 — Second video call, approx. 6 min.",
                       "Daniyar's hair has turned grey."}));
  EXPECT_EQ(sentences(langs().ru, "2016 г. — Их сын остаётся в Гулдже. [Июнь 2018 г.] — "
                                  "Родственники узнают, где он."),
            Sentences({"2016 г. — Их сын остаётся в Гулдже.",
                       "[Июнь 2018 г.] — Родственники узнают, где он."}));
  // A clause of its own before the dash is a sentence; so is a dialogue's line after one.
  EXPECT_EQ(sentences(langs().en, "And please don't e-mail me at 2 a.m. — I do sleep."),
            Sentences({"And please don't e-mail me at 2 a.m.", "— I do sleep."}));
  EXPECT_EQ(sentences(langs().ru, "Он пришёл. — Кормили плохо."),
            Sentences({"Он пришёл.", "— Кормили плохо."}));
  // A compound quantity is one: "6 min. 40 sec."; a duration after a copula dash ends a clause.
  EXPECT_EQ(sentences(langs().en, "The call lasted 6 min. 40 sec.; a guard spoke."),
            Sentences({"The call lasted 6 min. 40 sec.; a guard spoke."}));
  EXPECT_EQ(sentences(langs().ru, "Длительность записи — до 30 мин. Можно также прикрепить фото."),
            Sentences({"Длительность записи — до 30 мин.", "Можно также прикрепить фото."}));
}

TEST(SegmenterTest, InformalWritingEmoticonsEmojiAndAddresses) {
  // An emoticon or emoji before a capitalised word ends the sentence; emoji after a sentence's
  // end stay with it.
  EXPECT_EQ(sentences(langs().en, "Good luck!! 🙏 @qyzyl_alma sent u a PM :) Will update."),
            Sentences({"Good luck!! 🙏", "@qyzyl_alma sent u a PM :)", "Will update."}));
  EXPECT_EQ(sentences(langs().kk, "Іздеуіңе сәттілік!! 🙏"), Sentences({"Іздеуіңе сәттілік!! 🙏"}));
  // Not before an acronym, nor inside a sentence.
  EXPECT_EQ(sentences(langs().en, "We love you :) and NGO staff too."),
            Sentences({"We love you :) and NGO staff too."}));
  // An e-mail address opens a sentence in lower case.
  EXPECT_EQ(sentences(langs().kk, "Сұрақтарыңыз бар ма? help@zhol-app.example.org мекенжайына "
                                  "жазыңыз."),
            Sentences({"Сұрақтарыңыз бар ма?", "help@zhol-app.example.org мекенжайына жазыңыз."}));
  // A question's answer boxes are part of it; after a full stop a box opens a checklist's item.
  EXPECT_EQ(sentences(langs().en, "2. How are you related to him? ☐ parent ☐ spouse ☐ other"),
            Sentences({"2. How are you related to him? ☐ parent ☐ spouse ☐ other"}));
  EXPECT_EQ(sentences(langs().en, "Check. ☐ Bring your passport. ☐ Bring photos."),
            Sentences({"Check.", "☐ Bring your passport.", "☐ Bring photos."}));
}

TEST(SegmenterTest, HeadingWithALetterIsALabel) {
  EXPECT_EQ(sentences(langs().en, "Part A. About you"), Sentences({"Part A. About you"}));
  EXPECT_EQ(sentences(langs().ru, "Часть Б. О задержанном"), Sentences({"Часть Б. О задержанном"}));
  EXPECT_EQ(sentences(langs().kk, "А бөлімі. Өзіңіз туралы"),
            Sentences({"А бөлімі. Өзіңіз туралы"}));
}

TEST(SegmenterTest, AuthorDateReferenceIsOneSentence) {
  EXPECT_EQ(sentences(langs().en, "Kassymova, S. B., & Ermekov, D. A. (2019). Statelessness at "
                                  "the border. In T. Ruda (Ed.), Migration in Eurasia (pp. "
                                  "112–130). Lindhaven: Norden Press. Bekov, T. (2021). Camps "
                                  "and courts. Journal of Law, 9(2), 45–71. She wrote both."),
            Sentences({"Kassymova, S. B., & Ermekov, D. A. (2019). Statelessness at the border. "
                       "In T. Ruda (Ed.), Migration in Eurasia (pp. 112–130). Lindhaven: Norden "
                       "Press.",
                       "Bekov, T. (2021). Camps and courts. Journal of Law, 9(2), 45–71.",
                       "She wrote both."}));
  // A year in brackets after a name without initials is no reference's head.
  EXPECT_EQ(sentences(langs().en, "He met Nurlan (2019). Then he left."),
            Sentences({"He met Nurlan (2019).", "Then he left."}));
}

TEST(SegmenterTest, FormsTalkPagesAndPressReleases) {
  // A lower-case remark in round brackets after a question is the question's; a transcriber's
  // note in square brackets stands alone.
  EXPECT_EQ(sentences(langs().ru, "Вопрос 2. Какую проблему решает проект? (не более 150 слов)"),
            Sentences({"Вопрос 2. Какую проблему решает проект? (не более 150 слов)"}));
  EXPECT_EQ(sentences(langs().en, "There were about 300 of us. [crowd noise]"),
            Sentences({"There were about 300 of us.", "[crowd noise]"}));
  EXPECT_EQ(sentences(langs().kk, "1-сұрақ. Жобаңызды бір сөйлеммен сипаттаңыз."),
            Sentences({"1-сұрақ. Жобаңызды бір сөйлеммен сипаттаңыз."}));
  // A talk page's signature with its time goes with the comment.
  EXPECT_EQ(sentences(langs().ru, "Возражения есть? — Almaz K. (обс.) 14:47, 3 марта 2025 (UTC)"),
            Sentences({"Возражения есть? — Almaz K. (обс.) 14:47, 3 марта 2025 (UTC)"}));
  // A value after a dash continues a budget's line.
  EXPECT_EQ(sentences(langs().ru, "Гонорары интервьюеров, 2 чел. × 10 мес. — 9 600 — вкл. поездки"),
            Sentences({"Гонорары интервьюеров, 2 чел. × 10 мес. — 9 600 — вкл. поездки"}));
  // A caption's date right after a comma closes it.
  EXPECT_EQ(sentences(langs().ru, "Письма из лагеря, 2018–2019 гг. Каждое — полстраницы."),
            Sentences({"Письма из лагеря, 2018–2019 гг.", "Каждое — полстраницы."}));
  // A press release's end mark.
  EXPECT_EQ(sentences(langs().en, "We call on the Government to act. -ENDS-"),
            Sentences({"We call on the Government to act.", "-ENDS-"}));
}

TEST(SegmenterTest, ContentsLeadersAndCodesAfterNumberAbbreviations) {
  EXPECT_EQ(sentences(langs().en, "2.3 Missing persons database … 17"),
            Sentences({"2.3 Missing persons database … 17"}));
  EXPECT_EQ(sentences(langs().en, "He waited … 3 days passed."),
            Sentences({"He waited …", "3 days passed."}));
  EXPECT_EQ(sentences(langs().en, "It was in our suitcase, tag No. SS 408812. It was lost."),
            Sentences({"It was in our suitcase, tag No. SS 408812.", "It was lost."}));
  EXPECT_EQ(sentences(langs().ru, "Ответ на исх. № KZ-12 получен."),
            Sentences({"Ответ на исх. № KZ-12 получен."}));
  EXPECT_EQ(sentences(langs().en, "Mon. 3 Feb. No news again."),
            Sentences({"Mon. 3 Feb.", "No news again."}));
}

TEST(SegmenterTest, DatelinesMinutesAndRecords) {
  // A dateline's agency in brackets before its dash.
  EXPECT_EQ(sentences(langs().ru, "АЛМАТЫ, 14 нояб. (Steppe News Agency) — Суд вынес приговор."),
            Sentences({"АЛМАТЫ, 14 нояб. (Steppe News Agency) — Суд вынес приговор."}));
  EXPECT_EQ(sentences(langs().en, "He left on 14 Nov. (It was a Friday.) Nobody saw him."),
            Sentences({"He left on 14 Nov.", "(It was a Friday.)", "Nobody saw him."}));
  // A unit symbol after a number written in words ends the sentence before a capital.
  EXPECT_EQ(sentences(langs().ru, "Комната площадью около двадцати кв. м. Подъём был в 6 утра."),
            Sentences({"Комната площадью около двадцати кв. м.", "Подъём был в 6 утра."}));
  // Born and died before a year.
  EXPECT_EQ(sentences(langs().en, "1. Qairat Zhunisbekuly, b. 1968, Nilqi county"),
            Sentences({"1. Qairat Zhunisbekuly, b. 1968, Nilqi county"}));
  // A range of two abbreviations is the last one's.
  EXPECT_EQ(sentences(langs().en, "Open Mon.–Fri. 9:30 a.m.–5 p.m. at the clinic."),
            Sentences({"Open Mon.–Fri. 9:30 a.m.–5 p.m. at the clinic."}));
  EXPECT_EQ(sentences(langs().en, "The Room With No Window, trans. R. J. Holloway (London, 2026)"),
            Sentences({"The Room With No Window, trans. R. J. Holloway (London, 2026)"}));
  // A tally's last count is no list item; after a colon without one it is.
  EXPECT_EQ(sentences(langs().en, "For: 12, Against: 3, Abstained: 1. The motion was carried."),
            Sentences({"For: 12, Against: 3, Abstained: 1.", "The motion was carried."}));
  EXPECT_EQ(sentences(langs().ru, "За: 12, против: 3, воздержались: 1. Предложение принято."),
            Sentences({"За: 12, против: 3, воздержались: 1.", "Предложение принято."}));
  EXPECT_EQ(sentences(langs().en, "The steps: 1. Open the app."),
            Sentences({"The steps:", "1. Open the app."}));
  // Agenda items of minutes: a heading word, or a capitalised abbreviation, and its number.
  EXPECT_EQ(sentences(langs().kk, "1-мәселе. Хаттама бекітілді."),
            Sentences({"1-мәселе. Хаттама бекітілді."}));
  EXPECT_EQ(sentences(langs().ru, "П. 1. Протокол утверждён без изменений."),
            Sentences({"П. 1. Протокол утверждён без изменений."}));
  EXPECT_EQ(sentences(langs().ru, "Абенова Д. Давление. Алматы, 2023. С. 22. 4. Абенова, там же."),
            Sentences({"Абенова Д. Давление. Алматы, 2023. С. 22.", "4. Абенова, там же."}));
  // A GOST record's price area.
  EXPECT_EQ(sentences(langs().ru, "Темирбек Г. А. Комната без окна. — Лондон: Northfield Press, "
                                  "2026. — 312 с. — ISBN 978-1-7391-0442-6. — 18,99 ф. ст."),
            Sentences({"Темирбек Г. А. Комната без окна. — Лондон: Northfield Press, 2026. — "
                       "312 с. — ISBN 978-1-7391-0442-6. — 18,99 ф. ст."}));
}

TEST(SegmenterTest, StammersFootnotesAndOpeningHours) {
  // The first word said again after an ellipsis is a stammer; later a repeated word may open
  // the next sentence.
  EXPECT_EQ(sentences(langs().en, "\"Papa... Papa, you are so thin!\" He waited... He came."),
            Sentences({"\"Papa... Papa, you are so thin!\"", "He waited...", "He came."}));
  EXPECT_EQ(sentences(langs().ru, "— Папа... Папа, какой ты худой! Он ждал… Ждал долго."),
            Sentences({"— Папа... Папа, какой ты худой!", "Он ждал…", "Ждал долго."}));
  // A footnote mark after a space opens its note; right after a full stop it is the sentence's.
  EXPECT_EQ(sentences(langs().en, "¹ Decision No. 18, p. 2, last para. ² See also para. 7."),
            Sentences({"¹ Decision No. 18, p. 2, last para.", "² See also para. 7."}));
  EXPECT_EQ(sentences(langs().en, "It was in June 2023.¹ Most left."),
            Sentences({"It was in June 2023.¹", "Most left."}));
  // Registration numbers, an advocate, days before opening hours, an avenue.
  EXPECT_EQ(sentences(langs().ru, "Рег. № DZ-917/2024"), Sentences({"Рег. № DZ-917/2024"}));
  EXPECT_EQ(sentences(langs().en, "Applicant: Mr. B. Sarsenuly, c/o Adv. D. M. Kassymova"),
            Sentences({"Applicant: Mr. B. Sarsenuly, c/o Adv. D. M. Kassymova"}));
  EXPECT_EQ(sentences(langs().ru, "Пн.–пт. 9:00–18:00, сб. 10:00–14:00. Выставка открыта со вт. "
                                  "по вс. Часы работы: с 10:00."),
            Sentences({"Пн.–пт. 9:00–18:00, сб. 10:00–14:00.", "Выставка открыта со вт. по вс.",
                       "Часы работы: с 10:00."}));
  EXPECT_EQ(sentences(langs().kk, "Дс.–Жм. 9:00–18:00, Сб. 10:00–14:00. 5 ақп., ср. Таңертең "
                                  "Достық даңғ. бойындағы кеңсеге бардым."),
            Sentences({"Дс.–Жм. 9:00–18:00, Сб. 10:00–14:00.", "5 ақп., ср.",
                       "Таңертең Достық даңғ. бойындағы кеңсеге бардым."}));
}

TEST(SegmenterTest, PostTailsNoteLabelsAndListedYears) {
  // Hashtags and web addresses after a post's last sentence are its tail; an address with
  // words after it opens a sentence.
  EXPECT_EQ(sentences(langs().en, "We have not heard his voice since. #Xinjiang #FreeBeken"),
            Sentences({"We have not heard his voice since. #Xinjiang #FreeBeken"}));
  EXPECT_EQ(sentences(langs().en, "No list was shown. https://example.org/sd/2023/02/mfa-list"),
            Sentences({"No list was shown. https://example.org/sd/2023/02/mfa-list"}));
  EXPECT_EQ(sentences(langs().en, "See the site. https://example.org lists all cases."),
            Sentences({"See the site.", "https://example.org lists all cases."}));
  // A note's label word (`label`) and nota bene; the same word in running text ends nothing.
  EXPECT_EQ(sentences(langs().en, "N.B. The page is for guidance only."),
            Sentences({"N.B. The page is for guidance only."}));
  EXPECT_EQ(sentences(langs().ru, "Примечание. Информация носит справочный характер."),
            Sentences({"Примечание. Информация носит справочный характер."}));
  EXPECT_EQ(sentences(langs().kk, "Ескерту. Осы беттегі ақпарат анықтамалық сипатта."),
            Sentences({"Ескерту. Осы беттегі ақпарат анықтамалық сипатта."}));
  EXPECT_EQ(sentences(langs().en, "He took a note. Then he left."),
            Sentences({"He took a note.", "Then he left."}));
  // Years listed with commas close a long clause.
  EXPECT_EQ(sentences(langs().ru, "Мы писали вам в 2020, 2021 и 2022 гг. Единственный ответ пришёл."),
            Sentences({"Мы писали вам в 2020, 2021 и 2022 гг.", "Единственный ответ пришёл."}));
  EXPECT_EQ(sentences(langs().en, "Sect. 3 the coding, and Sects. 4–5 the findings."),
            Sentences({"Sect. 3 the coding, and Sects. 4–5 the findings."}));
  // A reference opens the next note of a list after an abbreviation too.
  EXPECT_EQ(sentences(langs().ru, "[2] Показания дочери, 11 февр. 2020 г. [3] Уведомление суда."),
            Sentences({"[2] Показания дочери, 11 февр. 2020 г.", "[3] Уведомление суда."}));
}

TEST(SegmenterTest, AttributionsProgrammeDaysAndPages) {
  // A short attribution that a verb of saying ends goes with the quoted question (`speech`).
  EXPECT_EQ(sentences(langs().en, "\"Does the service expect a camp to issue certificates?\" Dr. "
                                  "Kaliyev asked. Then she left."),
            Sentences({"\"Does the service expect a camp to issue certificates?\" Dr. Kaliyev "
                       "asked.",
                       "Then she left."}));
  EXPECT_EQ(sentences(langs().en, "\"Is he alive?\" Nobody knew the answer, and she asked."),
            Sentences({"\"Is he alive?\"", "Nobody knew the answer, and she asked."}));
  EXPECT_EQ(sentences(langs().en, "\"Why?\" Then he left."),
            Sentences({"\"Why?\"", "Then he left."}));
  // A programme's days.
  EXPECT_EQ(sentences(langs().ru, "День 1. Пятница, 14 марта"),
            Sentences({"День 1. Пятница, 14 марта"}));
  EXPECT_EQ(sentences(langs().kk, "1-күн. Жұма, 14 наурыз"), Sentences({"1-күн. Жұма, 14 наурыз"}));
  // ru «с.»: pages after a number may end the sentence; a page or a village before.
  EXPECT_EQ(sentences(langs().ru, "Заключение объёмом ок. 60 с. Защита сослалась на доклад. См. "
                                  "с. 12 и с. Жаркент."),
            Sentences({"Заключение объёмом ок. 60 с.", "Защита сослалась на доклад.",
                       "См. с. 12 и с. Жаркент."}));
}

TEST(SegmenterTest, SlashesNumberedTownsAndDimensions) {
  EXPECT_EQ(sentences(langs().ru, "Тел./WhatsApp: +7 705 000 3318"),
            Sentences({"Тел./WhatsApp: +7 705 000 3318"}));
  // After a numbered thing's number «г.» is a town's; after a year it may end the sentence.
  EXPECT_EQ(sentences(langs().ru, "Я учусь в 9 классе школы № 12 г. Шымкента. Он жил там с "
                                  "2012 г. Потом вернулся."),
            Sentences({"Я учусь в 9 классе школы № 12 г. Шымкента.", "Он жил там с 2012 г.",
                       "Потом вернулся."}));
  EXPECT_EQ(sentences(langs().en, "Felt, cotton thread; h. 31 cm"),
            Sentences({"Felt, cotton thread; h. 31 cm"}));
  EXPECT_EQ(sentences(langs().ru, "Войлок, хлопковая нить; выс. 31 см"),
            Sentences({"Войлок, хлопковая нить; выс. 31 см"}));
  EXPECT_EQ(sentences(langs().en, "See Kaldybekova, supra n. 4, §§ 51–57."),
            Sentences({"See Kaldybekova, supra n. 4, §§ 51–57."}));
  EXPECT_EQ(sentences(langs().kk, "(Сюжеттің соңы; ұзақтығы 11 мин. 40 сек.)"),
            Sentences({"(Сюжеттің соңы; ұзақтығы 11 мин. 40 сек.)"}));
}

// A heading in capitals is one sentence; a footnote mark after a space opens the next note,
// after an abbreviation too; a numbered reference's author may be an organisation and its
// date a full one; pronouns in any case open sentences after an initial.
TEST(SegmenterTest, CapitalHeadingsNotesReferencesAndPronouns) {
  EXPECT_EQ(sentences(langs().en, "SCENE 1. KITCHEN, MORNING\nShe reads. He waits."),
            Sentences({"SCENE 1. KITCHEN, MORNING", "She reads.", "He waits."}));
  EXPECT_EQ(sentences(langs().kk, "1-КӨРІНІС. АС ҮЙ, ТАҢЕРТЕҢ"),
            Sentences({"1-КӨРІНІС. АС ҮЙ, ТАҢЕРТЕҢ"}));
  // Capitals that end in a full stop may be shouted sentences.
  EXPECT_EQ(sentences(langs().en, "URGENT. PLEASE SHARE THIS."),
            Sentences({"URGENT.", "PLEASE SHARE THIS."}));
  EXPECT_EQ(sentences(langs().ru, "¹ Интервью № 31, Жаркент, 14 марта 2020 г. ² Интервью № 36, "
                                  "2 апр. 2020 г.; имя не указывается."),
            Sentences({"¹ Интервью № 31, Жаркент, 14 марта 2020 г.",
                       "² Интервью № 36, 2 апр. 2020 г.; имя не указывается."}));
  EXPECT_EQ(sentences(langs().ru, "[2] Центр по правам человека «Тенгри». База данных дел, "
                                  "версия 4.2. Бишкек, 2025."),
            Sentences({"[2] Центр по правам человека «Тенгри». База данных дел, версия 4.2. "
                       "Бишкек, 2025."}));
  EXPECT_EQ(sentences(langs().ru, "[3] УВКПЧ ООН. Оценка ситуации в СУАР. Женева, 31 авг. 2022 г."),
            Sentences({"[3] УВКПЧ ООН. Оценка ситуации в СУАР. Женева, 31 авг. 2022 г."}));
  // Without the list's number a place and a full date are a signature's.
  EXPECT_EQ(sentences(langs().ru, "Подтверждаю, что всё изложенное выше — правда. М. Сейтханулы. "
                                  "Алматы, 5 сентября 2024 г."),
            Sentences({"Подтверждаю, что всё изложенное выше — правда.", "М. Сейтханулы.",
                       "Алматы, 5 сентября 2024 г."}));
  EXPECT_EQ(sentences(langs().ru, "Суд отменил постановление о выдворении г-на Даурена К. Ему 38 "
                                  "лет. Консультация с адв. Турсын Н. Р. запланирована."),
            Sentences({"Суд отменил постановление о выдворении г-на Даурена К.", "Ему 38 лет.",
                       "Консультация с адв. Турсын Н. Р. запланирована."}));
  EXPECT_EQ(sentences(langs().kk, "Фильмді көрсетеміз (реж. А. Серікбай, 2024 ж., 58 мин.)."),
            Sentences({"Фильмді көрсетеміз (реж. А. Серікбай, 2024 ж., 58 мин.)."}));
  EXPECT_EQ(sentences(langs().en, "Programme: Dala Tolqyny FM, ep. No. 112"),
            Sentences({"Programme: Dala Tolqyny FM, ep. No. 112"}));
}

// Session 22's first runs: a code after "No.", a Latin label letter before a Cyrillic word,
// a header's next field after a date, a citation in a bracket the sentence's full stop
// follows, and a journal article in the Chicago style.
TEST(SegmenterTest, CodesLabelsHeaderFieldsCitationsAndJournalArticles) {
  EXPECT_EQ(sentences(langs().en, "Appeal No. AA/04417/2024 was heard. It failed."),
            Sentences({"Appeal No. AA/04417/2024 was heard.", "It failed."}));
  EXPECT_EQ(sentences(langs().ru, "Они перечислены в Приложении B. Имена изменены."),
            Sentences({"Они перечислены в Приложении B.", "Имена изменены."}));
  // A Cyrillic initial before a Latin title, and Cyrillic initials, stay.
  EXPECT_EQ(sentences(langs().ru, "3. Абенова Д. Pressure at a Distance. Алматы, 2023. С. 22."),
            Sentences({"3. Абенова Д. Pressure at a Distance. Алматы, 2023. С. 22."}));
  EXPECT_EQ(sentences(langs().ru, "Новость № 1 — 4 марта 2024 г. Тема: 1000 подписей за два дня!"),
            Sentences({"Новость № 1 — 4 марта 2024 г.", "Тема: 1000 подписей за два дня!"}));
  EXPECT_EQ(sentences(langs().en, "The show ends at 11:30 a.m. AIDA: Right."),
            Sentences({"The show ends at 11:30 a.m.", "AIDA: Right."}));
  // Not after a place's «г.» nor after an initial.
  EXPECT_EQ(sentences(langs().ru, "Суд г. Алматы: график заседаний. И. Б. Иванов: это я."),
            Sentences({"Суд г. Алматы: график заседаний.", "И. Б. Иванов: это я."}));
  EXPECT_EQ(sentences(langs().kk, "Талдау тек ғимараттарды көрсетеді (Marchetti т.б. 2019, 4–7-б.). "
                                  "Келесі сөйлем."),
            Sentences({"Талдау тек ғимараттарды көрсетеді (Marchetti т.б. 2019, 4–7-б.).",
                       "Келесі сөйлем."}));
  EXPECT_EQ(sentences(langs().en, "1. Seitqali, A. T. \"A dictionary and its author.\" Steppe "
                                  "Philology Review 12 (2020): pp. 45–51. 2. Omarova, B. "
                                  "\u201cCamps and words.\u201d Journal of Steppe Studies 4, no. 2 "
                                  "(2019): 11–30."),
            Sentences({"1. Seitqali, A. T. \"A dictionary and its author.\" Steppe Philology "
                       "Review 12 (2020): pp. 45–51.",
                       "2. Omarova, B. \u201cCamps and words.\u201d Journal of Steppe Studies 4, "
                       "no. 2 (2019): 11–30."}));
  EXPECT_EQ(sentences(langs().kk, "1. Сейітқали А. Т. «Сөздік және оның авторы». Steppe Philology "
                                  "Review 12 (2020): 45–51 б."),
            Sentences({"1. Сейітқали А. Т. «Сөздік және оның авторы». Steppe Philology Review "
                       "12 (2020): 45–51 б."}));
  // A quoted sentence before a sentence with a year in brackets is no title.
  EXPECT_EQ(sentences(langs().en, "He said: \"We will wait.\" The court (2019) did not."),
            Sentences({"He said: \"We will wait.\"", "The court (2019) did not."}));
}

// Session 22's second round: a code with a full stop inside, "Abbr." before an abbreviation,
// list items inside a quotation, a dateline's place and region, a time stamp before a
// bracketed stage direction.
TEST(SegmenterTest, CodesQuotedListsDatelinesAndTimeStamps) {
  EXPECT_EQ(sentences(langs().en, "Judgment of 26 June 2025, Case No. 7 K 1184/23.A The court ruled."),
            Sentences({"Judgment of 26 June 2025, Case No. 7 K 1184/23.A The court ruled."}));
  EXPECT_EQ(sentences(langs().en, "The draft decision, No. L.21, asked for one day. It passed."),
            Sentences({"The draft decision, No. L.21, asked for one day.", "It passed."}));
  EXPECT_EQ(sentences(langs().ru, "Сокр. VETC или VSETC; часто просто «школа»."),
            Sentences({"Сокр. VETC или VSETC; часто просто «школа»."}));
  EXPECT_EQ(sentences(langs().kk, "Қысқ. VETC немесе VSETC; жай ғана «мектеп»."),
            Sentences({"Қысқ. VETC немесе VSETC; жай ғана «мектеп»."}));
  EXPECT_EQ(sentences(langs().en, "\"The Ministry requests information on the following "
                                  "citizens: 1) Mr. A. T. Seitkali, b. 1971; 2) Ms. Zh. M. "
                                  "Orazbek, b. 1985.\" No reply came."),
            Sentences({"\"The Ministry requests information on the following citizens: 1) Mr. "
                       "A. T. Seitkali, b. 1971; 2) Ms. Zh. M. Orazbek, b. 1985.\"",
                       "No reply came."}));
  // Outside a quotation such items are sentences of their own.
  EXPECT_EQ(sentences(langs().en, "We ask the following: 1) release Mr. A. Seitkali now; "
                                  "2) let his family visit him."),
            Sentences({"We ask the following:", "1) release Mr. A. Seitkali now;",
                       "2) let his family visit him."}));
  EXPECT_EQ(sentences(langs().ru, "КАРАКЕМЕР, Алматинская обл. — В 6.30 утра пахнет хлебом."),
            Sentences({"КАРАКЕМЕР, Алматинская обл. — В 6.30 утра пахнет хлебом."}));
  EXPECT_EQ(sentences(langs().ru, "Он приехал в обл. — Потом уехал."),
            Sentences({"Он приехал в обл.", "— Потом уехал."}));
  EXPECT_EQ(sentences(langs().en, "[00:14] (a door closes; pause of approx. 5 sec.) [00:22] "
                                  "They came again."),
            Sentences({"[00:14] (a door closes; pause of approx. 5 sec.)",
                       "[00:22] They came again."}));
}

// Session 22's third round: a bracket after a quotation that the sentence's full stop follows,
// and a name's last initial closing a bracket.
TEST(SegmenterTest, BracketsAfterQuotationsAndInitialsClosingBrackets) {
  EXPECT_EQ(sentences(langs().ru, "Я написала «Well of my father, what have you seen?» («Колодец "
                                  "отца моего, что ты видел?»). Дальше."),
            Sentences({"Я написала «Well of my father, what have you seen?» («Колодец отца моего, "
                       "что ты видел?»).",
                       "Дальше."}));
  EXPECT_EQ(sentences(langs().ru, "Автор книги «Границы и родство, 1860–1962 гг.» (Алматы, 2021). "
                                  "Дальше."),
            Sentences({"Автор книги «Границы и родство, 1860–1962 гг.» (Алматы, 2021).",
                       "Дальше."}));
  // A bracket after a quotation with no full stop after it is a sentence of its own.
  EXPECT_EQ(sentences(langs().ru, "Он сказал: «Уходи!» (Это было в 2019.)"),
            Sentences({"Он сказал: «Уходи!»", "(Это было в 2019.)"}));
  EXPECT_EQ(sentences(langs().en, "Kaspi transfer to +7 777 555 0192 (Aigerim S.) Questions: "
                                  "call us."),
            Sentences({"Kaspi transfer to +7 777 555 0192 (Aigerim S.)", "Questions: call us."}));
  EXPECT_EQ(sentences(langs().en, "The leader (N. A.) Nazarbayev spoke."),
            Sentences({"The leader (N. A.) Nazarbayev spoke."}));
  // A transcriber's note whose full stops are abbreviations' is a note as "[pause]" is.
  EXPECT_EQ(sentences(langs().en, "Wait, I'll go out into the yard. [pause, approx. 20 sec.]"),
            Sentences({"Wait, I'll go out into the yard.", "[pause, approx. 20 sec.]"}));
  EXPECT_EQ(sentences(langs().kk, "Тоқта, аулаға шығайын. [үзіліс, шамамен 20 сек.]"),
            Sentences({"Тоқта, аулаға шығайын.", "[үзіліс, шамамен 20 сек.]"}));
  // Before a capital it is a sentence in brackets, as every gold text with one has it (253,
  // 369, 465, 490): "[pause] Nobody …" has no full stop to end it.
  EXPECT_EQ(sentences(langs().en, "No, no. [pause, approx. 5 sec.] Nobody came."),
            Sentences({"No, no.", "[pause, approx. 5 sec.]", "Nobody came."}));
  EXPECT_EQ(sentences(langs().ru, "Нет. [пауза, 4 сек.] С мамой всё хорошо."),
            Sentences({"Нет.", "[пауза, 4 сек.]", "С мамой всё хорошо."}));
  EXPECT_EQ(sentences(langs().en, "No, no. [pause] Nobody came."),
            Sentences({"No, no.", "[pause] Nobody came."}));
}

// Session 23's first runs: a year after a subject, its verb and a preposition closes the
// clause; a book's record with a note after its year, Kazakh volume and pages, authors with
// their role; "Ch." and "c." before a capital; a quoted title that ends its line; a bracketed
// time stamp after an abbreviation.
TEST(SegmenterTest, ShortClausesRecordsInitialsTitlesAndChatStamps) {
  EXPECT_EQ(sentences(langs().ru, "Муж умер в 2020 г. Перед смертью он болел."),
            Sentences({"Муж умер в 2020 г.", "Перед смертью он болел."}));
  EXPECT_EQ(sentences(langs().ru, "Коммуну распустили в 1984 г. Последние годы были тяжёлыми."),
            Sentences({"Коммуну распустили в 1984 г.", "Последние годы были тяжёлыми."}));
  // A fronted adverbial: a preposition first, or adverbs before the preposition.
  EXPECT_EQ(sentences(langs().ru, "В оценке 2022 г. Управление ООН писало о лагерях."),
            Sentences({"В оценке 2022 г. Управление ООН писало о лагерях."}));
  EXPECT_EQ(sentences(langs().ru, "Ещё в авг. 2018 г. Комитет выразил обеспокоенность."),
            Sentences({"Ещё в авг. 2018 г. Комитет выразил обеспокоенность."}));
  EXPECT_EQ(sentences(langs().ru, "Уже тогда в 2018 г. Комитет выразил обеспокоенность."),
            Sentences({"Уже тогда в 2018 г. Комитет выразил обеспокоенность."}));
  EXPECT_EQ(sentences(langs().en, "Nurgaliyev, K. S. Unanswered Letters: Family Testimonies, "
                                  "2017–2022. Almaty, 2023 (in Kazakh; Eng. tr. forthcoming). "
                                  "He died in 2025."),
            Sentences({"Nurgaliyev, K. S. Unanswered Letters: Family Testimonies, 2017–2022. "
                       "Almaty, 2023 (in Kazakh; Eng. tr. forthcoming).",
                       "He died in 2025."}));
  EXPECT_EQ(sentences(langs().ru, "Нургалиев К. С., Бекова А. М. (ред.). Голоса с границы: "
                                  "устная история, 1950–1990. Алматы: Дала, 2016."),
            Sentences({"Нургалиев К. С., Бекова А. М. (ред.). Голоса с границы: устная "
                       "история, 1950–1990. Алматы: Дала, 2016."}));
  EXPECT_EQ(sentences(langs().kk, "Нұрғалиев Қ. С. Қоштасу жырлары // Ішкі Азия фольклоры "
                                  "журналы. 2004. 12-т., № 2. 55–81-б. Ол 2025 жылы қайтыс болды."),
            Sentences({"Нұрғалиев Қ. С. Қоштасу жырлары // Ішкі Азия фольклоры журналы. 2004. "
                       "12-т., № 2. 55–81-б.",
                       "Ол 2025 жылы қайтыс болды."}));
  // Without a year before it, a note in brackets makes no record of a sentence.
  EXPECT_EQ(sentences(langs().en, "We met in Almaty. Astana, too (in May)."),
            Sentences({"We met in Almaty.", "Astana, too (in May)."}));
  EXPECT_EQ(sentences(langs().en, "Dr. Ch. Mamytov was the first official who looked at me."),
            Sentences({"Dr. Ch. Mamytov was the first official who looked at me."}));
  EXPECT_EQ(sentences(langs().en, "See Ch. 5. The next part is short."),
            Sentences({"See Ch. 5.", "The next part is short."}));
  EXPECT_EQ(sentences(langs().en, "We write \"c.\" before it, e.g. c. Feb. 2017. It helps."),
            Sentences({"We write \"c.\" before it, e.g. c. Feb. 2017.", "It helps."}));
  EXPECT_EQ(sentences(langs().en, "He named points a, b and c. The rest he left out."),
            Sentences({"He named points a, b and c.", "The rest he left out."}));
  EXPECT_EQ(sentences(langs().ru, "Ключевые слова: архивы\n3.2 «Кто считает задержанных? Методы "
                                  "и их ограничения»\nД-р Е. Т. Жаксылык"),
            Sentences({"Ключевые слова: архивы",
                       "3.2 «Кто считает задержанных? Методы и их ограничения»",
                       "Д-р Е. Т. Жаксылык"}));
  // A quotation that ends with its own terminator is split at its inner sentence ends.
  EXPECT_EQ(sentences(langs().en, "\"Then they asked: 'Who is the mother? Is she the Party?'\""),
            Sentences({"\"Then they asked: 'Who is the mother?", "Is she the Party?'\""}));
  EXPECT_EQ(sentences(langs().ru, "2 марта 2019 г. [21:47] Айжан: Кто-нибудь говорил с папой? "
                                  "3 марта 2019 г. [07:15] Даулет: Ничего."),
            Sentences({"2 марта 2019 г.", "[21:47] Айжан: Кто-нибудь говорил с папой?",
                       "3 марта 2019 г.", "[07:15] Даулет: Ничего."}));
}

// Session 23's second round: author-date references in a numbered list, in Cyrillic, with
// "forthcoming", editors, an edition, a subtitle after a colon and a footnote asterisk.
TEST(SegmenterTest, AuthorDateReferencesInListsAndCyrillic) {
  EXPECT_EQ(sentences(langs().en, "2. Vael, H. (2023). The Paper Trail: Leaked Documents and What "
                                  "They Show. 2nd ed. Oslo: Nordlys Press, xii + 354 pp.* Vael "
                                  "reads the notices line by line."),
            Sentences({"2. Vael, H. (2023). The Paper Trail: Leaked Documents and What They "
                       "Show. 2nd ed. Oslo: Nordlys Press, xii + 354 pp.*",
                       "Vael reads the notices line by line."}));
  EXPECT_EQ(sentences(langs().en, "Toktogulova, A. and Imin, R. (eds.) (2024). Families Apart: "
                                  "Kyrgyz Voices. Bishkek: Ala-Too Press, 216 pp. Twelve essays."),
            Sentences({"Toktogulova, A. and Imin, R. (eds.) (2024). Families Apart: Kyrgyz "
                       "Voices. Bishkek: Ala-Too Press, 216 pp.",
                       "Twelve essays."}));
  EXPECT_EQ(sentences(langs().en, "Ismailova, G. B. (forthcoming, 2026). Counting the Missing. "
                                  "Cambridge: Fenwick Academic. A handbook."),
            Sentences({"Ismailova, G. B. (forthcoming, 2026). Counting the Missing. Cambridge: "
                       "Fenwick Academic.",
                       "A handbook."}));
  EXPECT_EQ(sentences(langs().kk, "4. Нұрлан Қ. (2022). Mother's Kitchen [Анамның асүйі]. Алматы: "
                                  "автордың өз басылымы, 140 б. Нұрлан Қ. – лақап ат."),
            Sentences({"4. Нұрлан Қ. (2022). Mother's Kitchen [Анамның асүйі]. Алматы: автордың "
                       "өз басылымы, 140 б.",
                       "Нұрлан Қ. – лақап ат."}));
  EXPECT_EQ(sentences(langs().ru, "Токтогулова А., Имин Р. (ред.) (2024). Разлучённые семьи. "
                                  "Бишкек: Ала-Тоо, 216 с. Примеч.: в русском изд. (2025) нет гл. 9."),
            Sentences({"Токтогулова А., Имин Р. (ред.) (2024). Разлучённые семьи. Бишкек: "
                       "Ала-Тоо, 216 с.",
                       "Примеч.: в русском изд. (2025) нет гл. 9."}));
  // A title with a subtitle and no imprint after it ends where it ends.
  EXPECT_EQ(sentences(langs().en, "Toktogulova, A. (2024). Families Apart: Kyrgyz Voices. Twelve "
                                  "essays."),
            Sentences({"Toktogulova, A. (2024). Families Apart: Kyrgyz Voices.", "Twelve essays."}));
  // An asterisk after a sentence's full stop is its footnote mark.
  EXPECT_EQ(sentences(langs().en, "The Russian edition lacks a chapter.* The rest is the same."),
            Sentences({"The Russian edition lacks a chapter.*", "The rest is the same."}));
}

// Session 23's second round, layouts: a table's letter-numbered label, a programme's time
// before its heading, a header's field after a field, a time that labels a diary's entry,
// «сілт.» before a code.
TEST(SegmenterTest, TableLabelsProgrammeTimesFieldsAndEntryTimes) {
  EXPECT_EQ(sentences(langs().en, "Table B.1. Respondents by ethnic group (n = 1,184)"),
            Sentences({"Table B.1. Respondents by ethnic group (n = 1,184)"}));
  EXPECT_EQ(sentences(langs().ru, "Таблица Б.1. Распределение респондентов (n = 1184)"),
            Sentences({"Таблица Б.1. Распределение респондентов (n = 1184)"}));
  EXPECT_EQ(sentences(langs().kk, "В.1-кесте. Респонденттердің бөлінуі (n = 1 184)"),
            Sentences({"В.1-кесте. Респонденттердің бөлінуі (n = 1 184)"}));
  EXPECT_EQ(sentences(langs().ru, "9.45–11.00 Сессия 1. Как записать свидетельство"),
            Sentences({"9.45–11.00 Сессия 1. Как записать свидетельство"}));
  // A table's number in a sentence is no label.
  EXPECT_EQ(sentences(langs().en, "Table 3.2 shows the main categories. The rest follow."),
            Sentences({"Table 3.2 shows the main categories.", "The rest follow."}));
  EXPECT_EQ(sentences(langs().ru, "Дата: суббота, 17 мая 2025 г. Рабочие языки: казахский и русский."),
            Sentences({"Дата: суббота, 17 мая 2025 г.", "Рабочие языки: казахский и русский."}));
  // Without a field before it, a subject and its verb before a colon go on after a fronted year.
  EXPECT_EQ(sentences(langs().ru, "В 2021 г. Евросоюз заявил: это важно."),
            Sentences({"В 2021 г. Евросоюз заявил: это важно."}));
  EXPECT_EQ(sentences(langs().en, "6:40 a.m. Left Almaty on the early bus with D. and far too many "
                                  "batteries."),
            Sentences({"6:40 a.m. Left Almaty on the early bus with D. and far too many batteries."}));
  EXPECT_EQ(sentences(langs().en, "We left at 6:40 a.m. The bus was late."),
            Sentences({"We left at 6:40 a.m.", "The bus was late."}));
  EXPECT_EQ(sentences(langs().kk, "Іс: арнайы баяндамашыға өтініш, сілт. SR/XJ/2025/044"),
            Sentences({"Іс: арнайы баяндамашыға өтініш, сілт. SR/XJ/2025/044"}));
}

// Session 23's third round: a Kazakh page closing a bracket inside a sentence, a budget's
// line label, a region's «обл.» at a sentence's end, a date range before a dash, a footnote
// that opens with a number sign, an abbreviation before "No." or «№».
TEST(SegmenterTest, BracketedPagesBudgetLinesRegionsRangesAndCatalogueNumbers) {
  EXPECT_EQ(sentences(langs().kk, "Есепте («Куәгерлер сөйлейді», 7-б.) Раушан ханымның сөзін келтірдік."),
            Sentences({"Есепте («Куәгерлер сөйлейді», 7-б.) Раушан ханымның сөзін келтірдік."}));
  EXPECT_EQ(sentences(langs().kk, "Бұл туралы кітапта жазылған, 7-б. Ол кейін шықты."),
            Sentences({"Бұл туралы кітапта жазылған, 7-б.", "Ол кейін шықты."}));
  EXPECT_EQ(sentences(langs().en, "Line 1. Staff salaries: budget 21,600.00; spent 10,950.00 (50.7%)"),
            Sentences({"Line 1. Staff salaries: budget 21,600.00; spent 10,950.00 (50.7%)"}));
  EXPECT_EQ(sentences(langs().kk, "1-жол. Қызметкерлер жалақысы: бюджет 21 600,00"),
            Sentences({"1-жол. Қызметкерлер жалақысы: бюджет 21 600,00"}));
  EXPECT_EQ(sentences(langs().ru, "Его семья живёт в Жетысуской обл. Дата суда не назначена."),
            Sentences({"Его семья живёт в Жетысуской обл.", "Дата суда не назначена."}));
  EXPECT_EQ(sentences(langs().ru, "Жаркент — город в Алматинской обл. Казахстана, у границы."),
            Sentences({"Жаркент — город в Алматинской обл. Казахстана, у границы."}));
  EXPECT_EQ(sentences(langs().ru, "Март 2018 г. – июль 2019 г. — Сауле пишет 14 писем."),
            Sentences({"Март 2018 г. – июль 2019 г. — Сауле пишет 14 писем."}));
  // A clause of its own before the dash is still a sentence.
  EXPECT_EQ(sentences(langs().en, "And please don't e-mail me at 2 a.m. — I do sleep."),
            Sentences({"And please don't e-mail me at 2 a.m.", "— I do sleep."}));
  EXPECT_EQ(sentences(langs().kk, "Нәтижелер осындай. ⁴ № 17 сұхбат, Жаркент."),
            Sentences({"Нәтижелер осындай.", "⁴ № 17 сұхбат, Жаркент."}));
  EXPECT_EQ(sentences(langs().en, "Cat. No. 1 Her hands, 2019."),
            Sentences({"Cat. No. 1 Her hands, 2019."}));
  EXPECT_EQ(sentences(langs().ru, "Кат. № 1 Её руки, 2019 г."), Sentences({"Кат. № 1 Её руки, 2019 г."}));
  EXPECT_EQ(sentences(langs().en, "We met Dr. Abenova. No. 5 was empty."),
            Sentences({"We met Dr. Abenova.", "No. 5 was empty."}));
  EXPECT_EQ(sentences(langs().kk, "– Мынау – сол, – дейді Ерлан. – 2016 жылы, тойында."),
            Sentences({"– Мынау – сол, – дейді Ерлан.", "– 2016 жылы, тойында."}));
}

// Session 24: a dateline of two places, a round bracket that ends the paragraph after an
// abbreviation, a quotation's source after a dash, a dash that closes a pair around a question,
// a chapter's number in words; then seasons, speakers' labels and «деп».
TEST(SegmenterTest, DatelinesSourcesDashPairsChaptersInWordsAndSeasons) {
  EXPECT_EQ(sentences(langs().ru, "Женева / Алматы, 9 апреля 2025 г. — В четверг семьи передадут письма."),
            Sentences({"Женева / Алматы, 9 апреля 2025 г. — В четверг семьи передадут письма."}));
  EXPECT_EQ(sentences(langs().ru, "Дата: 10 декабря 2025 г. (День прав человека)"),
            Sentences({"Дата: 10 декабря 2025 г. (День прав человека)"}));
  // A note in square brackets stands alone; so does a bracket with its own full stop.
  EXPECT_EQ(sentences(langs().ru, "Посёлок Нылкы, сельский комитет [название удалено] 12 мая 2025 г. "
                                  "[Конец перевода]"),
            Sentences({"Посёлок Нылкы, сельский комитет [название удалено] 12 мая 2025 г.",
                       "[Конец перевода]"}));
  EXPECT_EQ(sentences(langs().en, "The meeting ended at 5 p.m. (It was late.)"),
            Sentences({"The meeting ended at 5 p.m.", "(It was late.)"}));
  EXPECT_EQ(sentences(langs().en, "\"I don't know what to tell him.\" — Gulnara S., Almaty, 2023"),
            Sentences({"\"I don't know what to tell him.\" — Gulnara S., Almaty, 2023"}));
  EXPECT_EQ(sentences(langs().kk, "«Оған не айтарымды білмеймін». – Гүлнар С., Алматы, 2023 ж."),
            Sentences({"«Оған не айтарымды білмеймін». – Гүлнар С., Алматы, 2023 ж."}));
  EXPECT_EQ(sentences(langs().ru, "«Я не знаю, что ему ответить». — Гульнара С., Алматы, 2023 г."),
            Sentences({"«Я не знаю, что ему ответить». — Гульнара С., Алматы, 2023 г."}));
  // A reply, or a sentence after the quotation, ends in its own full stop.
  EXPECT_EQ(sentences(langs().en, "He said: \"Go home.\" — Then he left."),
            Sentences({"He said: \"Go home.\"", "— Then he left."}));
  EXPECT_EQ(sentences(langs().en, "She put something in my hand — a coin? a key? — I never found out."),
            Sentences({"She put something in my hand — a coin? a key? — I never found out."}));
  EXPECT_EQ(sentences(langs().ru, "— Где ты? — Я здесь."), Sentences({"— Где ты?", "— Я здесь."}));
  EXPECT_EQ(sentences(langs().en, "Chapter Seven. The Sewing Room"),
            Sentences({"Chapter Seven. The Sewing Room"}));
  EXPECT_EQ(sentences(langs().ru, "Глава седьмая. Швейный цех"), Sentences({"Глава седьмая. Швейный цех"}));
  EXPECT_EQ(sentences(langs().kk, "Жетінші тарау. Тігін цехы"), Sentences({"Жетінші тарау. Тігін цехы"}));
  EXPECT_EQ(sentences(langs().ru, "Их было семь. Швейный цех закрыли."),
            Sentences({"Их было семь.", "Швейный цех закрыли."}));
  // Session 24's second round: a season before a year as a preposition, a fronted year after a
  // speaker's label, Kazakh «деп» ("saying") at a sentence's end.
  EXPECT_EQ(sentences(langs().ru, "Обоих забрали весной 2018 г. Жена Ерлана вернулась."),
            Sentences({"Обоих забрали весной 2018 г.", "Жена Ерлана вернулась."}));
  EXPECT_EQ(sentences(langs().ru, "Весной 2018 г. Комитет принял решение."),
            Sentences({"Весной 2018 г. Комитет принял решение."}));
  EXPECT_EQ(sentences(langs().ru, "ВЕДУЩИЙ: В 2020 г. Рысгуль позвонили лишь однажды."),
            Sentences({"ВЕДУЩИЙ: В 2020 г. Рысгуль позвонили лишь однажды."}));
  EXPECT_EQ(sentences(langs().ru, "Срок подачи заявок: 15 янв. 2026 г. Чтобы подать заявку, пишите."),
            Sentences({"Срок подачи заявок: 15 янв. 2026 г.", "Чтобы подать заявку, пишите."}));
  EXPECT_EQ(sentences(langs().kk, "Анам бал салып берді, «жол ұзақ болса» деп. Автобус таңертең шықты."),
            Sentences({"Анам бал салып берді, «жол ұзақ болса» деп.", "Автобус таңертең шықты."}));
}

// Session 24's third round: a checklist's box before the item's number, abbreviations before
// what they qualify, a label before an author-date reference, a signature block's initials
// before the next field, an e-mail address after an abbreviation's full stop.
TEST(SegmenterTest, ChecklistsLabelledReferencesSignatureFieldsAndAddresses) {
  EXPECT_EQ(sentences(langs().en, "[ ] 1. Full name as in the passport."),
            Sentences({"[ ] 1. Full name as in the passport."}));
  EXPECT_EQ(sentences(langs().kk, "☐ 2. Туған күні мен жері."), Sentences({"☐ 2. Туған күні мен жері."}));
  EXPECT_EQ(sentences(langs().ru, "[x] 3. Последний известный адрес."),
            Sentences({"[x] 3. Последний известный адрес."}));
  EXPECT_EQ(sentences(langs().ru, "Тел. +7 701 555 0192; эл. почта: info@example.org"),
            Sentences({"Тел. +7 701 555 0192; эл. почта: info@example.org"}));
  EXPECT_EQ(sentences(langs().en, "We document it in App. B, pp. 31–34."),
            Sentences({"We document it in App. B, pp. 31–34."}));
  EXPECT_EQ(sentences(langs().en, "Compiled by the documentation team, rev. 3, Jan. 2025"),
            Sentences({"Compiled by the documentation team, rev. 3, Jan. 2025"}));
  EXPECT_EQ(sentences(langs().en, "How to cite: Tokhtarova, A. B., & Imanaliev, R. K. (2024). Silence "
                                  "by design. Central Asian Review, 18(3), 211–236."),
            Sentences({"How to cite: Tokhtarova, A. B., & Imanaliev, R. K. (2024). Silence by design. "
                       "Central Asian Review, 18(3), 211–236."}));
  EXPECT_EQ(sentences(langs().ru, "Казначей: Оспанова М. С. Председатель правления: д-р Баймурат Е. Ж."),
            Sentences({"Казначей: Оспанова М. С.", "Председатель правления: д-р Баймурат Е. Ж."}));
  EXPECT_EQ(sentences(langs().kk, "Толық есепті (24 б.) info@example.org мекенжайы арқылы сұратуға болады."),
            Sentences({"Толық есепті (24 б.) info@example.org мекенжайы арқылы сұратуға болады."}));
  // After a sentence that ended in full an address opens the next one.
  EXPECT_EQ(sentences(langs().en, "Questions? help@example.org answers within a day."),
            Sentences({"Questions?", "help@example.org answers within a day."}));
}

TEST(SegmenterTest, TenMegabyteParagraph) {
  std::string unit = "Dr. Sauytbay and Mr. Trump met in the U.S. Embassy on Jan. 28. ";
  std::string text;
  while (text.size() < 10'000'000)
    text += unit;
  std::size_t count = text.size() / unit.size();
  std::vector<core::Span> spans = langs().en.split(text);
  ASSERT_EQ(spans.size(), count);
  EXPECT_EQ(spans.back().end, text.size() - 1);
  // One huge sentence whose every ICU break is suppressed.
  std::string run;
  while (run.size() < 10'000'000)
    run += "Mr. Dr. ";
  EXPECT_EQ(langs().en.split(run).size(), 1u);
}

TEST(SegmenterTest, InvalidUtf8DoesNotCrash) {
  std::string text = "Bad \xC3 byte. Next \xF0\x9F one.\xFF";
  std::vector<core::Span> spans = langs().en.split(text);
  ASSERT_FALSE(spans.empty());
  EXPECT_LE(spans.back().end, text.size());
}

TEST(SegmenterTest, TwoThreadsSplitAtOnce) {
  std::string en = "Dr. Smith left. U.S. officials came. They met Mr. Jones. ";
  std::string kk = "Н.Ә. Назарбаев келді. Ол сөйледі. Қазақтар т.б. Олар тыңдады. ";
  for (int i = 0; i < 6; ++i) {
    en += en;
    kk += kk;
  }
  const Segmenter& shared = langs().kk;  // the same object from both threads
  std::vector<core::Span> want_en = shared.split(en);
  std::vector<core::Span> want_kk = shared.split(kk);
  int bad_a = 0;
  int bad_b = 0;
  std::thread a([&] {
    for (int i = 0; i < 200; ++i)
      bad_a += shared.split(en) != want_en;
  });
  std::thread b([&] {
    for (int i = 0; i < 200; ++i)
      bad_b += shared.split(kk) != want_kk;
  });
  a.join();
  b.join();
  EXPECT_EQ(bad_a, 0);
  EXPECT_EQ(bad_b, 0);
  EXPECT_EQ(want_kk.size(), 64u * 4);
}

TEST(SegmenterTest, MovedSegmenterStillWorks) {
  Segmenter a = make("ru");
  Segmenter b = std::move(a);
  EXPECT_EQ(sentences(b, "Раз. Два."), Sentences({"Раз.", "Два."}));
}

TEST(SegmenterTest, SegmentDocumentKeepsParagraphIndex) {
  core::Document doc{{"ALMATY -- They met. Mr. Trump spoke.", "", "The end"}};
  std::vector<core::Segment> got = segment_document(langs().en, doc);
  std::vector<core::Segment> want = {
      {"ALMATY -- They met.", 0}, {"Mr. Trump spoke.", 0}, {"The end", 2}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace tilmash::segment
