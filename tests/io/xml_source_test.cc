#include "io/xml_source.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "io/errors.h"

namespace tilmash::io {
namespace {

// The message of the first problem, or "" when `text` is well-formed as `part`.
std::string problem(const std::string& text, XmlPart part = XmlPart::kDocument) {
  XmlCheckOptions o;
  o.part = part;
  const XmlCheckResult r = check_xml(text, o);
  return r.problem ? r.problem->message : std::string();
}

std::size_t offset(const std::string& text, XmlPart part = XmlPart::kDocument) {
  XmlCheckOptions o;
  o.part = part;
  const XmlCheckResult r = check_xml(text, o);
  return r.problem ? r.problem->offset : std::string::npos;
}

TEST(CheckXmlTest, WellFormedDocumentsPass) {
  EXPECT_EQ(problem("<a/>"), "");
  EXPECT_EQ(problem("<?xml version=\"1.0\" encoding='UTF-8' standalone=\"yes\"?>\n<a x=\"1\" "
                    "y='&lt;&#x41;&#66;'>t&amp;<![CDATA[<]]>]]&gt;<!-- c - d --><?pi x?></a>\n"
                    "<!-- after -->\n"),
            "");
  EXPECT_EQ(problem("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx/>"), "");
  EXPECT_EQ(problem("<қазақ тіл=\"kk\">Сәлем</қазақ>"), "");  // non-ASCII names
  EXPECT_EQ(problem("<a xml:lang=\"kk\" b = \"2\" ></a >"), "");
  EXPECT_EQ(problem("<seg>a > b</seg>", XmlPart::kContent), "");  // '>' in text is allowed
}

TEST(CheckXmlTest, TheThreeThatPugixmlAccepts) {
  EXPECT_NE(problem("<a b=\"x<y\"/>").find("'<' inside the value of attribute b"), std::string::npos);
  EXPECT_EQ(offset("<a b=\"x<y\"/>"), 7u);
  EXPECT_NE(problem("<a>x ]]> y</a>").find("']]>' in text"), std::string::npos);
  EXPECT_EQ(offset("<a>x ]]> y</a>"), 5u);
  EXPECT_NE(problem("<a b=\"1\" c=\"2\" b=\"3\"/>").find("attribute b given twice"), std::string::npos);
  // Many attributes switch to a hash set; a repeat is still found.
  std::string many = "<a";
  for (int i = 0; i < 40; ++i) many += " a" + std::to_string(i) + "=\"v\"";
  EXPECT_EQ(problem(many + "/>"), "");
  EXPECT_NE(problem(many + " a7=\"w\"/>").find("given twice"), std::string::npos);
}

TEST(CheckXmlTest, OtherWellFormednessConstraints) {
  EXPECT_NE(problem("<a><!-- x -- y --></a>").find("'--' inside a comment"), std::string::npos);
  EXPECT_NE(problem("<a><!-- x ---></a>").find("'--' inside a comment"), std::string::npos);
  EXPECT_NE(problem("<a>&#1;</a>").find("U+0001"), std::string::npos);
  EXPECT_NE(problem("<a>&#xFFFE;</a>").find("U+FFFE"), std::string::npos);
  EXPECT_NE(problem("<a>&#x110000;</a>").find("beyond Unicode"), std::string::npos);
  EXPECT_NE(problem("<a>&#;</a>").find("malformed character reference"), std::string::npos);
  EXPECT_NE(problem("<a>&nbsp;</a>").find("undefined entity &nbsp;"), std::string::npos);
  EXPECT_NE(problem("<a>AT&T</a>").find("'&' that starts no entity"), std::string::npos);
  EXPECT_NE(problem("<1a/>").find("'<' not followed by an element name"), std::string::npos);
  EXPECT_NE(problem("<a -b=\"1\"/>").find("expected an attribute name"), std::string::npos);
  EXPECT_NE(problem("<a b=\"1\"c=\"2\"/>").find("white space missing"), std::string::npos);
  EXPECT_NE(problem("<a b=1/>").find("not quoted"), std::string::npos);
  EXPECT_NE(problem("<a b/>").find("has no value"), std::string::npos);
  EXPECT_NE(problem("<a>1 < 2</a>").find("'<' not followed by an element name"), std::string::npos);
  EXPECT_NE(problem("<a></b>").find("does not match the open <a>"), std::string::npos);
  EXPECT_NE(problem("<a>").find("file ends inside <a>"), std::string::npos);
  EXPECT_NE(problem("<a/><b/>").find("a second root element"), std::string::npos);
  EXPECT_NE(problem("<a/>x").find("content after the root element"), std::string::npos);
  EXPECT_NE(problem("x<a/>").find("text before the root element"), std::string::npos);
  EXPECT_NE(problem("").find("empty file"), std::string::npos);
  EXPECT_NE(problem(" <?xml version=\"1.0\"?><a/>").find("very start"), std::string::npos);
  EXPECT_NE(problem("<a><?XML x?></a>").find("very start"), std::string::npos);
  EXPECT_NE(problem("<?xml encoding=\"UTF-8\"?><a/>").find("expected version"), std::string::npos);
  EXPECT_NE(problem("<?xml version=\"2\"?><a/>").find("bad version"), std::string::npos);
  EXPECT_NE(problem("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>").find("bad standalone"),
            std::string::npos);
  EXPECT_NE(problem("<a/><!DOCTYPE a>").find("only before the root element"), std::string::npos);
  EXPECT_NE(problem("<!DOCTYPE a><!DOCTYPE a><a/>").find("a second <!DOCTYPE>"), std::string::npos);
  EXPECT_NE(problem("<!DOCTYPE a x=\"1\"<<e>\n<b/>").find("malformed <!DOCTYPE>"),
            std::string::npos);  // found by fuzz_xml_source
  EXPECT_NE(problem("<!DOCTYPE a SYSTEM>").find("quoted identifier"), std::string::npos);
  EXPECT_EQ(problem("<!DOCTYPE a PUBLIC \"-//X//EN\" 'x.dtd' [ <!ENTITY e \"]>\"> ] ><a/>"), "");
  EXPECT_NE(problem("<![CDATA[x]]><a/>").find("CDATA section outside"), std::string::npos);
  EXPECT_NE(problem("<a><!ELEMENT a></a>").find("'<!' that starts no comment"), std::string::npos);
  EXPECT_NE(problem("<a>\x0B</a>").find("control character U+000B"), std::string::npos);
  EXPECT_NE(problem("<a>caf\xE9</a>").find("invalid UTF-8 byte 0xE9"), std::string::npos);
}

TEST(CheckXmlTest, DeclaredEntitiesAreNeverExpanded) {
  const std::string doc = "<!DOCTYPE a [<!ENTITY e \"boom\">]><a>&e;</a>";
  XmlCheckOptions o;
  const XmlCheckResult r = check_xml(doc, o);
  EXPECT_TRUE(r.declares_entities);
  ASSERT_TRUE(r.problem);
  EXPECT_NE(r.problem->message.find("never expanded"), std::string::npos);
}

TEST(CheckXmlTest, DepthIsBoundedWithoutRecursion) {
  auto nested = [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += "<hi>";
    for (std::size_t i = 0; i < n; ++i) s += "</hi>";
    return s;
  };
  EXPECT_EQ(problem(nested(kMaxXmlDepth)), "");
  EXPECT_NE(problem(nested(kMaxXmlDepth + 1)).find("nested deeper than 256 levels"),
            std::string::npos);
  EXPECT_EQ(offset(nested(kMaxXmlDepth + 1)), 4 * kMaxXmlDepth);
  // A million levels: refused at level 257, no stack overflow.
  EXPECT_NE(problem(nested(1000000)), "");
  // Content inside 2 open elements may nest 254 more.
  XmlCheckOptions o;
  o.part = XmlPart::kContent;
  o.base_depth = 2;
  EXPECT_FALSE(check_xml(nested(kMaxXmlDepth - 2), o).problem);
  EXPECT_TRUE(check_xml(nested(kMaxXmlDepth - 1), o).problem);
}

TEST(CheckXmlTest, PartsAllowWhatTheirPlaceAllows) {
  EXPECT_EQ(problem("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx>\n<!-- c -->\n", XmlPart::kProlog), "");
  EXPECT_NE(problem("<tmx>", XmlPart::kProlog), "");
  EXPECT_EQ(problem("\n  <!-- between units -->\n<?pi?>", XmlPart::kMisc), "");
  EXPECT_NE(problem("text", XmlPart::kMisc), "");
  EXPECT_NE(problem("<!DOCTYPE a>", XmlPart::kMisc), "");
  EXPECT_EQ(problem("text <b>bold</b> &amp; more", XmlPart::kContent), "");
  EXPECT_NE(problem("<b>", XmlPart::kContent), "");
}

TEST(CheckXmlTest, RepairsCharactersButNotMarkup) {
  std::vector<std::pair<std::size_t, std::string>> seen;
  XmlCheckOptions o;
  o.on_bad_char = [&](std::size_t at, const std::string& m) { seen.emplace_back(at, m); };
  const XmlCheckResult r = check_xml("<a b=\"x&#1;\">A&T\x0B caf\xE9 &nbsp;</a>", o);
  EXPECT_FALSE(r.problem);
  ASSERT_TRUE(r.repaired);
  EXPECT_EQ(*r.repaired, "<a b=\"x\">A&amp;T caf &amp;nbsp;</a>");
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0].first, 7u);
  // The repaired text is well-formed.
  EXPECT_EQ(problem(*r.repaired), "");
  // A repair that would join "]]" and ">" (found by fuzz_xml_source) is fatal instead.
  const XmlCheckResult joined = check_xml("<a>]]\x01></a>", o);
  ASSERT_TRUE(joined.problem);
  EXPECT_NE(joined.problem->message.find("']]>' in text"), std::string::npos);
  EXPECT_EQ(joined.problem->offset, 3u);
  // Markup errors stay fatal in repair mode.
  EXPECT_TRUE(check_xml("<a b=\"<\"/>", o).problem);
}

// ------------------------------------------------------------------------------ encodings

std::string decode(const std::string& bytes) {
  std::string storage;
  return std::string(xml_utf8(bytes, "mem.xml", storage));
}

std::string utf16le(const std::string& ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

TEST(XmlSourceTest, SniffsEveryUnicodeFormAndDeclaredCharsets) {
  EXPECT_EQ(decode("\xEF\xBB\xBF<a/>"), "<a/>");
  EXPECT_EQ(decode("\xFF\xFE" + utf16le("<a/>")), "<a/>");
  EXPECT_EQ(decode(utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>")),
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>");
  std::string utf32 = std::string("\xFF\xFE\0\0", 4);
  for (char c : std::string("<a/>")) utf32 += std::string(1, c) + std::string(3, '\0');
  EXPECT_EQ(decode(utf32), "<a/>");
  // windows-1251 "Права" named by the declaration.
  EXPECT_EQ(decode("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>\xCF\xF0\xE0\xE2\xE0</a>"),
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Права</a>");
}

TEST(XmlSourceTest, ContradictionsAreErrors) {
  EXPECT_THROW(decode("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"), InputError);
  EXPECT_THROW(decode("\xFF\xFE" + utf16le("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")),
               InputError);
  EXPECT_THROW(decode("<?xml version=\"1.0\" encoding=\"no-such-charset\"?><a/>"), InputError);
}

TEST(XmlSourceTest, StreamingReadsTheSameTextAsTheWholeBuffer) {
  std::string bytes = "\xFF\xFE" + utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a>");
  for (int i = 0; i < 5000; ++i) bytes += utf16le("text ");
  bytes += utf16le("</a>");
  XmlSource source("mem.xml", bytes);
  std::string streamed;
  while (source.read(streamed, 1000)) {
  }
  EXPECT_EQ(streamed, decode(bytes));
  EXPECT_EQ(source.charset(), "UTF-16");
}

}  // namespace
}  // namespace tilmash::io
