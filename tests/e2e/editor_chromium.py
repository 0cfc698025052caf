#!/usr/bin/python3
"""The alignment editor of the review page (issue 20) in a real browser: Debian's chromium,
headless, driven by Selenium with real clicks and key presses.

  tests/e2e/editor_chromium.py TILMASH [SCREENSHOT_OUT]

1. A page opened from a known alignment (`align --from-json`) with hostile sentences: click,
   m (merge), s and the split form, ] (move), D (stand alone), c (checked), Ctrl+Z / Ctrl+Shift+Z,
   the Undo button; the beads must be exactly the expected ones, rows drawn to match, the
   selection marked (aria-selected) and announced (the aria-live status line).
2. Save JSON and Save TMX (downloads): the JSON equals window.tilmash.exportJson() and what
   `align --from-json FILE --format json` writes back; `tm import --format json` of it, then
   `tm export`, holds exactly the expected units with x-tilmash-edited / x-tilmash-checked; the
   TMX is valid against TMX 1.4b's DTD (xmllint) and imports to the same units; `check` reads the
   JSON and reports the omitted and the added sentence made by the edits.
3. Hostile text (<script>, quotes, &, RTL marks) stays text through the edits: one <script>
   element, no event-handler attribute, no <img>.
4. The autosave is offered after a reload and restores the edits; Discard drops it; a
   beforeunload event is cancelled while edits are unsaved.
5. The re-opened page (`align --from-json saved.json --format html`) shows the edited and
   checked beads.
6. Property test in the page (editor_property.js through window.tilmash, rows compared with
   the beads after every step) on a three-language page (../shared/corpus/000 aligned by
   tilmash, or a generated one), and a three-language edit: the ru side stays consistent.
7. The page logs nothing to the console (no script error, no blocked request).
Exit 77 (skip) without chromium, chromium-driver or python3-selenium, unless
TILMASH_REQUIRE_BROWSER is set (.ci/run sets it: a skip in CI is a failure)."""
import json
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import editor_browser as eb  # noqa: E402

root = os.path.abspath(os.path.join(here, "..", ".."))
tilmash = os.path.abspath(sys.argv[1])
screenshot = sys.argv[2] if len(sys.argv) > 2 else ""
shared = os.environ.get("TILMASH_SHARED", os.path.join(root, "..", "shared"))
dtd = os.path.join(shared, "formats", "tmx14.dtd")

what = eb.missing()
if what:
    eb.skip_or_fail(what)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
    if not ok:
        failures.append(name)


def tm(*args, ok=(0,)):
    r = eb.run([tilmash, *args])
    if r.returncode not in ok:
        raise RuntimeError(f"tilmash {' '.join(args)} exited {r.returncode}: {r.stderr}")
    return r


scratch = tempfile.mkdtemp(prefix="tilmash-editor-")
downloads = os.path.join(scratch, "downloads")
os.makedirs(downloads)

EN = ["E0 The camp was closed.",
      "E1 <script>alert(1)</script> & \"quoted\" 'single' </main>",
      "E2 \u202eRTL override\u202c and \u200fright-to-left mark.",
      "E3 The third sentence.",
      "E4 The fourth sentence.",
      "E5 The fifth sentence."]
KK = ["K0 Лагерь жабылды.",
      "K1 <img src=x onerror=alert(2)> «тырнақша» & 'бір'",
      "K2 Үшінші \" onmouseover=\"alert(3)\" сөйлем.",
      "K3 Төртінші сөйлем.",
      "K4 Бесінші сөйлем.",
      "K5 Алтыншы сөйлем."]
CONF = ["0.900", "0.400", "0.300", "0.800", "0.700", "0.600"]


def write(name, text):
    p = os.path.join(scratch, name)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    return p


def js_string(s):  # io::json_string
    out = []
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


en_path = write("doc.en", "\n".join(EN) + "\n")
kk_path = write("doc.kk", "\n".join(KK) + "\n")
init = "[\n" + ",\n".join(
    f'  {{"confidence": {CONF[i]}, "indices": {{"en": [{i}], "kk": [{i}]}}, "text": {{"en": {js_string(EN[i])}, "kk": {js_string(KK[i])}}}}}'
    for i in range(6)) + "\n]\n"
init_path = write("init.json", init)
page = os.path.join(scratch, "page.html")
tm("align", "--langs", "en,kk", "--segmented", en_path, kk_path, "--from-json", init_path,
   "--format", "html", "-o", page)
# The page written from the JSON says the same as the JSON: align --from-json --format json.
roundtrip = os.path.join(scratch, "roundtrip.json")
tm("align", "--langs", "en,kk", "--segmented", en_path, kk_path, "--from-json", init_path,
   "--format", "json", "-o", roundtrip)
check("align --from-json --format json writes the JSON it read", open(roundtrip, encoding="utf-8").read() == init)

driver = eb.start(scratch, downloads)
try:
    driver.get("file://" + page)
    eb.wait_ready(driver)
    api = lambda expr: driver.execute_script("return window.tilmash." + expr)  # noqa: E731
    check("the page exports exactly the JSON it was made from", api("exportJson()") == init)

    def sides():
        return [":".join(",".join(str(i) for i in b["indices"][l]) for l in ("en", "kk")) for b in api("beads()")]

    def rows_match():
        """'' when every row shows its bead's sentences (in the .s spans), else what differs."""
        return driver.execute_script("""
          var b = window.tilmash.beads(), rows = document.querySelectorAll("main .unit");
          if (rows.length !== b.length) return rows.length + ' rows for ' + b.length + ' beads';
          var langs = Object.keys(b.length ? b[0].text : {});
          for (var n = 0; n < b.length; ++n) {
            if (rows[n].querySelector('.id b').textContent !== String(n + 1)) return 'row ' + n + ' numbered ' + rows[n].querySelector('.id b').textContent;
            for (var l = 0; l < langs.length; ++l) {
              var cell = rows[n].children[1 + l];
              var got = [].map.call(cell.querySelectorAll('.s'), function (s) { return s.textContent; }).join(' ');
              if (got !== b[n].text[langs[l]]) return 'row ' + n + ' ' + langs[l] + ': ' + JSON.stringify(got) + ' for ' + JSON.stringify(b[n].text[langs[l]]);
            }
            if (rows[n].classList.contains('checked') !== !!b[n].checked) return 'row ' + n + ' checked class';
          }
          return '';""")

    def row(n):
        return driver.find_elements(By.CSS_SELECTOR, "main .unit")[n]

    def click_row(n):  # as a user would: scroll it out from under the sticky header, click its number
        r = row(n)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
        r.find_element(By.CSS_SELECTOR, ".id b").click()

    def keys(*ks):
        ActionChains(driver).send_keys(*ks).perform()

    def chord(*ks):  # modifiers held while the last key is pressed
        a = ActionChains(driver)
        for k in ks[:-1]:
            a = a.key_down(k)
        a = a.send_keys(ks[-1])
        for k in reversed(ks[:-1]):
            a = a.key_up(k)
        a.perform()

    def status():
        return driver.find_element(By.ID, "status").text

    # -- 1. real clicks and keys
    click_row(1)
    check("a click selects: aria-selected and the current mark",
          row(1).get_attribute("aria-selected") == "true" and "current" in row(1).get_attribute("class")
          and api("selected()") == 1)
    check("the selection is announced in the aria-live status line",
          "unit 2 of 6" in status() and driver.find_element(By.ID, "status").get_attribute("aria-live") == "polite",
          status())
    keys("m")
    check("m merges with the next bead", sides() == ["0:0", "1,2:1,2", "3:3", "4:4", "5:5"], str(sides()))
    keys("s")
    form = driver.find_element(By.CSS_SELECTOR, "form.splitform")
    selects = form.find_elements(By.TAG_NAME, "select")
    check("s opens the split form, one choice per language", form.is_displayed() and len(selects) == 2)
    Select(selects[1]).select_by_value("2")  # kk keeps both sentences, en keeps 1 (the default)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    check("the split form splits per language", sides() == ["0:0", "1:1,2", "2:", "3:3", "4:4", "5:5"], str(sides()))
    keys("2", "]")  # kk: the last kk sentence of bead 1 to bead 2
    check("2 then ] moves the last kk sentence to the next bead",
          sides() == ["0:0", "1:1", "2:2", "3:3", "4:4", "5:5"], str(sides()))
    keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    check("arrow keys move the selection", api("selected()") == 3 and row(3).get_attribute("aria-selected") == "true")
    keys("D")  # kk still active: kk 3 stands alone after bead 3
    check("D: the last kk sentence stands alone (0-1)",
          sides() == ["0:0", "1:1", "2:2", "3:", ":3", "4:4", "5:5"], str(sides()))
    chord(Keys.CONTROL, "z")
    undone = sides()
    chord(Keys.CONTROL, Keys.SHIFT, "z")
    check("Ctrl+Z undoes, Ctrl+Shift+Z redoes",
          undone == ["0:0", "1:1", "2:2", "3:3", "4:4", "5:5"] and sides() == ["0:0", "1:1", "2:2", "3:", ":3", "4:4", "5:5"],
          f"{undone} / {sides()}")
    click_row(6)
    keys("c")
    click_row(0)
    keys("c")
    check("c marks checked", [b.get("checked", False) for b in api("beads()")] == [True] + [False] * 5 + [True])
    driver.find_element(By.XPATH, "//div[@class='editbar']//button[starts-with(normalize-space(.), 'Undo')]").click()
    beads = api("beads()")
    expected = [  # (en, kk, confidence, edited, checked)
        ([0], [0], 0.9, False, False), ([1], [1], 1.0, True, False), ([2], [2], 1.0, True, False),
        ([3], [], 1.0, True, False), ([], [3], 1.0, True, False), ([4], [4], 0.7, False, False),
        ([5], [5], 0.6, False, True)]
    got = [(b["indices"]["en"], b["indices"]["kk"], b["confidence"], b.get("edited", False), b.get("checked", False))
           for b in beads]
    check("the Undo button undoes; the beads are the expected ones", got == expected, str(got))
    check("the rows show the beads", rows_match() == "", rows_match())
    check("the beads are valid", api("valid()") == "", api("valid()"))
    # A refused operation says why and changes nothing.
    click_row(6)
    keys("m")
    check("a refused operation is announced and changes nothing", "last" in status() and api("beads()") == beads, status())

    # -- 3. hostile text stays text
    counts = driver.execute_script("""
      var all = document.getElementsByTagName('*'), handlers = 0;
      for (var i = 0; i < all.length; ++i)
        for (var j = 0; j < all[i].attributes.length; ++j) if (/^on/i.test(all[i].attributes[j].name)) handlers++;
      return [document.scripts.length, document.images.length, handlers, document.querySelector('main').textContent];""")
    check("hostile text is inert after edits (1 script, no img, no handler)", counts[:3] == [1, 0, 0], str(counts[:3]))
    check("hostile text is shown as text", all(s in counts[3] for s in (EN[1], KK[1], KK[2], EN[2])))

    # -- 4a. beforeunload while unsaved
    prevented = driver.execute_script(
        "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")
    check("beforeunload is cancelled while edits are unsaved", prevented is True)

    # -- 2. save
    driver.find_element(By.XPATH, "//div[@class='editbar']//button[starts-with(normalize-space(.), 'Save JSON')]").click()
    saved = os.path.join(downloads, "doc.en.aligned.json")
    check("Save JSON downloads doc.en.aligned.json", eb.wait_file(saved), str(os.listdir(downloads)))
    keys("T")
    saved_tmx = os.path.join(downloads, "doc.en.aligned.tmx")
    check("T downloads doc.en.aligned.tmx", eb.wait_file(saved_tmx), str(os.listdir(downloads)))
    prevented = driver.execute_script(
        "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;")
    check("no beforeunload warning once saved", prevented is False)
    text = open(saved, encoding="utf-8").read()
    check("the download is window.tilmash.exportJson()", text == api("exportJson()"))
    again = os.path.join(scratch, "again.json")
    tm("align", "--langs", "en,kk", "--segmented", en_path, kk_path, "--from-json", saved, "--format", "json", "-o", again)
    check("align --from-json reads the saved JSON and writes it back byte for byte",
          open(again, encoding="utf-8").read() == text)
    want_units = sorted([(EN[0], KK[0], False, False), (EN[1], KK[1], True, False), (EN[2], KK[2], True, False),
                         (EN[4], KK[4], False, False), (EN[5], KK[5], False, True)])

    def units_of_tmx(path):
        out = []
        for tu in ET.parse(path).getroot().iter("tu"):
            props = {p.get("type"): p.text for p in tu.findall("prop")}
            segs = {v.get("{http://www.w3.org/XML/1998/namespace}lang"): "".join(v.find("seg").itertext()) for v in tu.findall("tuv")}
            if len(segs) < 2:
                continue
            out.append((segs.get("en"), segs.get("kk"), props.get("x-tilmash-edited") == "true",
                        props.get("x-tilmash-checked") == "true"))
        return sorted(out)

    db = os.path.join(scratch, "tm.db")
    tm("tm", "import", "--db", db, "--format", "json", saved)
    exported = os.path.join(scratch, "tm.tmx")
    tm("tm", "export", "--db", db, "-o", exported)
    got_units = units_of_tmx(exported)
    check("tm import --format json of the download holds the expected units, edited/checked as props",
          got_units == want_units, f"{got_units}")
    r = eb.run(["xmllint", "--noout", "--dtdvalid", dtd, saved_tmx])
    check("the TMX download is valid TMX 1.4b (xmllint --dtdvalid tmx14.dtd)", r.returncode == 0, r.stderr[:500])
    check("the TMX download keeps the one-sided beads (x-tilmash-bead)",
          open(saved_tmx, encoding="utf-8").read().count('<prop type="x-tilmash-bead">') == 2)
    db2 = os.path.join(scratch, "tm2.db")
    tm("tm", "import", "--db", db2, saved_tmx)
    exported2 = os.path.join(scratch, "tm2.tmx")
    tm("tm", "export", "--db", db2, "-o", exported2)
    check("tm import of the TMX download holds the same units", units_of_tmx(exported2) == want_units,
          str(units_of_tmx(exported2)))
    r = tm("check", "--no-terms", "--json", saved, ok=(0, 1))
    kinds = sorted((f["kind"], f["term"]) for f in json.loads(r.stdout))
    check("check reads the saved JSON: the omitted and the added sentence the edits made",
          ("omitted-sentence", EN[3]) in kinds and ("added-sentence", KK[3]) in kinds, str(kinds))

    # -- 5. re-opened from the saved JSON
    page2 = os.path.join(scratch, "reopened.html")
    tm("align", "--langs", "en,kk", "--segmented", en_path, kk_path, "--from-json", saved, "--format", "html", "-o", page2)
    state_before_reload = api("exportJson()")
    driver.get("file://" + page2)
    eb.wait_ready(driver)
    check("the re-opened page holds the saved beads", api("exportJson()") == text)
    check("the re-opened page marks edited and checked rows",
          len(driver.find_elements(By.CSS_SELECTOR, "main .unit.edited")) == 4
          and len(driver.find_elements(By.CSS_SELECTOR, "main .unit.checked")) == 1)
    check("no autosave offer where the page already holds the edits",
          not driver.find_elements(By.CSS_SELECTOR, ".offer"))

    # -- 4b. autosave after a reload of the first page
    driver.get("file://" + page)
    eb.wait_ready(driver)
    offers = driver.find_elements(By.CSS_SELECTOR, ".offer")
    check("the first page, reloaded, offers the autosaved edits", len(offers) == 1 and offers[0].is_displayed())
    if offers:
        offers[0].find_element(By.XPATH, ".//button[normalize-space(.)='Restore them']").click()
        check("Restore brings the edits back", api("exportJson()") == state_before_reload)
        check("the restored rows show the beads", rows_match() == "", rows_match())
        chord(Keys.CONTROL, "z")
        check("the restore can be undone", api("exportJson()") == init)
        driver.get("file://" + page)
        eb.wait_ready(driver)
        offers = driver.find_elements(By.CSS_SELECTOR, ".offer")
        if offers:
            offers[0].find_element(By.XPATH, ".//button[normalize-space(.)='Discard']").click()
        driver.get("file://" + page)
        eb.wait_ready(driver)
        check("Discard drops the autosave", not driver.find_elements(By.CSS_SELECTOR, ".offer"))

    logs = eb.console(driver)
    check("the editor pages wrote nothing to the console", not logs, str(logs[:3]))

    # -- 6. three languages: the property test and a ru-consistent edit
    corpus = os.path.join(shared, "corpus")
    page3 = os.path.join(scratch, "three.html")
    if os.path.exists(os.path.join(corpus, "000.en.sent")):
        tm("align", "--langs", "en,kk,ru", "--segmented", *(os.path.join(corpus, f"000.{l}.sent") for l in ("en", "kk", "ru")),
           "--format", "html", "-o", page3)
    else:
        paths = []
        for l in ("en", "kk", "ru"):
            paths.append(write("gen." + l, "".join(f"{l} sentence {i} about 19{i:02d} <x>.\n" for i in range(40))))
        tm("align", "--langs", "en,kk,ru", "--segmented", *paths, "--format", "html", "-o", page3)
    driver.get("file://" + page3)
    eb.wait_ready(driver)
    first3 = api("exportJson()")
    n3 = len(api("beads()"))
    # A three-way edit on the en-kk side: kk's last sentence of bead 0 to bead 1; ru stays whole.
    before = api("beads()")
    click_row(0)
    keys("2", "]")
    after = api("beads()")
    ru_same = [i for b in before for i in b["indices"]["ru"]] == [i for b in after for i in b["indices"]["ru"]]
    check("three languages: a kk move keeps every ru sentence in one bead, in order", ru_same and api("valid()") == "")
    # Empty ru side: the page says what that means.
    driver.execute_script("window.tilmash.undo()")
    click_row(0)
    b0 = api("beads()")[0]
    if len(b0["indices"]["ru"]) >= 1 and len(b0["indices"]["en"]) + len(b0["indices"]["kk"]) >= 1:
        keys("3", "D")
        check("three languages: a bead left without ru is explained",
              "no ru sentence" in status() or "stands alone" in status(), status())
        driver.execute_script("window.tilmash.undo()")
    check("three languages: undo restores the page", api("exportJson()") == first3)
    with open(os.path.join(here, "editor_property.js"), encoding="utf-8") as f:
        prop = f.read()
    result = driver.execute_script(prop + """
      var rowsMatch = function () {
        var b = window.tilmash.beads(), rows = document.querySelectorAll("main .unit");
        if (rows.length !== b.length) return rows.length + ' rows for ' + b.length + ' beads';
        var langs = Object.keys(b[0].text);
        for (var n = 0; n < b.length; ++n)
          for (var l = 0; l < langs.length; ++l) {
            var got = [].map.call(rows[n].children[1 + l].querySelectorAll('.s'), function (s) { return s.textContent; }).join(' ');
            if (got !== b[n].text[langs[l]]) return 'row ' + n + ' ' + langs[l] + ' differs from its bead';
          }
        return window.tilmash.valid();
      };
      var out = {ops: 0, refused: 0, failures: []};
      for (var seed = 1; seed <= 8; ++seed) {
        var r = editorProperty(window.tilmash, seed, 150, rowsMatch);
        out.ops += r.ops; out.refused += r.refused; out.failures = out.failures.concat(r.failures);
        while (window.tilmash.undo());  // the next seed starts from the page as it came
      }
      return out;""")
    print(f"     property test in Chromium: {n3} beads in 3 languages, {result['ops']} random operations "
          f"({result['refused']} refused as invalid)")
    check("property test in the page: invariants, rows and undo/redo hold", not result["failures"],
          "; ".join(result["failures"][:5]))
    check("the three-language page is as it was after undoing everything", api("exportJson()") == first3)
    logs = eb.console(driver)
    check("the three-language page wrote nothing to the console", not logs, str(logs[:3]))

    # A long page (rows in blocks of 100): the property test again, rows compared with the beads.
    paths = []
    for l in ("en", "kk"):
        paths.append(write("long." + l, "".join(f"{l} {i} <b>&amp; \"x\"</b>.\n" for i in range(450))))
    beads = []
    i = 0
    while i < 450:  # 1-1, 2-2, 1-1 … : 300 beads
        k = 2 if len(beads) % 2 else 1
        beads.append(list(range(i, min(i + k, 450))))
        i += k
    with open(paths[0], encoding="utf-8") as f:
        en_l = f.read().splitlines()
    with open(paths[1], encoding="utf-8") as f:
        kk_l = f.read().splitlines()
    long_json = write("long.json", "[\n" + ",\n".join(
        f'  {{"confidence": 0.500, "indices": {{"en": {b}, "kk": {b}}}, "text": {{"en": {js_string(" ".join(en_l[j] for j in b))}, '
        f'"kk": {js_string(" ".join(kk_l[j] for j in b))}}}}}' for b in beads) + "\n]\n")
    long_page = os.path.join(scratch, "long.html")
    tm("align", "--langs", "en,kk", "--segmented", *paths, "--from-json", long_json, "--no-glossary", "--format", "html", "-o", long_page)
    driver.get("file://" + long_page)
    eb.wait_ready(driver)
    check("a long page puts its rows in blocks", len(driver.find_elements(By.CSS_SELECTOR, "main > .blk")) == 3)
    click_row(1)  # a 2-2 bead: s, then Enter in the split form keeps 1 of each
    keys("s")
    keys(Keys.ENTER)
    got = [b["indices"]["en"] for b in api("beads()")[1:3]]
    check("s then Enter splits with the form's choices", got == [[1], [2]] and len(api("beads()")) == len(beads) + 1, str(got))
    driver.execute_script("window.tilmash.undo()")
    result = driver.execute_script(prop + """
      var rowsMatch = function () {
        var b = window.tilmash.beads(), rows = document.querySelectorAll('main .unit');
        if (rows.length !== b.length) return rows.length + ' rows for ' + b.length + ' beads';
        for (var n = 0; n < b.length; ++n)
          for (var l = 0; l < 2; ++l) {
            var got = [].map.call(rows[n].children[1 + l].querySelectorAll('.s'), function (s) { return s.textContent; }).join(' ');
            if (got !== b[n].text[['en', 'kk'][l]]) return 'row ' + n + ' differs from its bead';
          }
        return window.tilmash.valid();
      };
      var out = {ops: 0, failures: []};
      for (var seed = 11; seed <= 13; ++seed) {
        var r = editorProperty(window.tilmash, seed, 100, rowsMatch);
        out.ops += r.ops; out.failures = out.failures.concat(r.failures);
        while (window.tilmash.undo());
      }
      return out;""")
    check(f"property test on a {len(beads)}-bead page in blocks ({result['ops']} operations)", not result["failures"],
          "; ".join(result["failures"][:5]))
    done_numbering = driver.execute_async_script("""
      var done = arguments[arguments.length - 1];
      window.tilmash.merge(0);
      setTimeout(function () {
        var rows = document.querySelectorAll('main .unit'), bad = [];
        for (var i = 0; i < rows.length; ++i) if (rows[i].querySelector('.id b').textContent !== String(i + 1)) bad.push(i);
        window.tilmash.undo();
        done(bad.length);
      }, 500);""")
    check("row numbers are all right once the page has caught up", done_numbering == 0, str(done_numbering))

    if screenshot:  # the three-language page with an edit, a checked bead and the selection
        driver.get("file://" + page3)
        eb.wait_ready(driver)
        driver.execute_script("var t = window.tilmash; t.merge(2); t.check(1); t.select(2); t.language('kk');")
        driver.save_screenshot(screenshot)
        print("screenshot: " + screenshot)
finally:
    driver.quit()
    shutil.rmtree(scratch, ignore_errors=True)

if failures:
    print(f"{len(failures)} failing: " + ", ".join(failures), file=sys.stderr)
    sys.exit(1)
print("editor OK")
