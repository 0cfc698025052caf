#!/usr/bin/env bash
# The review page in a real browser (issue 6): Debian's chromium, headless, loads the page that
# `tilmash align --format html` writes for ../shared/corpus/000 (en, kk, ru) and
#   1. renders it to PNG: the file exists, has the window's size and is not blank (> 30 KB);
#   2. reports no console message at all (a script error, or a request the page's CSP blocks:
#      the page may make none) and the page's script ran (<html data-review="ready">);
#   3. keyboard navigation works: a harness page (same folder) sends f, f, F and j to the page
#      in a frame and compares the highlighted unit (or the status line) with the units that
#      have findings / are weak, whatever their number;
#   4. a page built from hostile text (<script>, " onmouseover=) has exactly one <script>
#      element and no event-handler attribute once parsed by the browser.
#
#   tests/e2e/review_chromium.sh TILMASH [SCREENSHOT_OUT]   (SCREENSHOT_OUT: keep the PNG, e.g.
#                                                            docs/review-000.png)
# Exit 77 (skip) without chromium (scripts/setup.sh and .ci/run install it). Everything chromium
# writes (profile, HOME, caches) stays in a scratch folder that is removed afterwards.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tilmash=$(realpath "$1")
keep=${2:-}
corpus=${TILMASH_CORPUS:-$root/../shared/corpus}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then
  echo "SKIP: chromium not installed (apt-get install chromium)"; exit 77
fi
[[ -r $corpus/000.en.sent ]] || { echo "SKIP: no corpus at $corpus"; exit 77; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tilmash-review-chromium.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# chromium NAME ARGS… : one headless run with its own profile; stderr kept in NAME.log.
browse() {
  local name=$1; shift
  timeout -k 5 90 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-quic \
    --disable-extensions --user-data-dir="$scratch/profile-$name" \
    --crash-dumps-dir="$scratch/crash" --enable-logging=stderr --v=0 "$@" 2>"$scratch/$name.log"
}
# Console messages of the page (chromium logs them as ":CONSOLE(" or ":CONSOLE:" lines).
no_console() {
  if grep -q ':CONSOLE' "$scratch/$1.log"; then
    fail "$1: the page wrote to the console:"
    grep ':CONSOLE' "$scratch/$1.log" | head -n 5 >&2
  fi
}

# The page under test.
"$tilmash" align --langs en,kk,ru --segmented "$corpus/000.en.sent" "$corpus/000.kk.sent" \
  "$corpus/000.ru.sent" --format html -o "$scratch/page.html" \
  || { echo "FAIL: tilmash align --format html exited $?" >&2; exit 1; }

# 1. Screenshot.
browse shot --hide-scrollbars --window-size=1400,1000 --screenshot="$scratch/page.png" \
  "file://$scratch/page.html" >/dev/null || fail "chromium --screenshot exited $?"
no_console shot
if [[ ! -s $scratch/page.png ]]; then
  fail "no screenshot written"
else
  python3 - "$scratch/page.png" <<'PY' || fail "screenshot is not a 1400x1000 PNG of a page"
import struct, sys, os
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1400, 1000), (w, h)
assert len(data) > 30000, f"only {len(data)} bytes: a blank page?"
print(f"screenshot {w}x{h}, {len(data)} bytes")
PY
fi

# 2. The script ran, and nothing was logged.
browse dom --dump-dom "file://$scratch/page.html" >"$scratch/page.dom" || fail "--dump-dom exited $?"
no_console dom
grep -q '<html[^>]*data-review="ready"' "$scratch/page.dom" \
  || fail "the page's script did not run to its end (no data-review=\"ready\")"

# 3. Keyboard navigation, driven from a harness page that frames the review page.
cat >"$scratch/harness.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
<iframe id="f" src="page.html" style="width:1200px;height:800px"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var out = [];
  try {
    var d = this.contentDocument;
    var key = function (k) { d.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})); };
    var cur = function () { var c = d.querySelector('main .unit.current'); return c ? c.id : 'none'; };
    var ids = function (sel) { return [].map.call(d.querySelectorAll(sel), function (e) { return e.id; }); };
    var check = function (what, got, want) { out.push((got === want ? 'ok ' : 'FAIL ') + what + ': ' + got + (got === want ? '' : ' (want ' + want + ')')); };
    var found = ids('main .unit.has-findings'), weak = ids('main .unit.weak');
    var said = function (re) { return re.test(d.getElementById('status').textContent); };
    key('f');
    if (!found.length) {
      check('f (page without findings)', said(/No units with findings/), true);
    } else {
      check('f', cur(), found[0]);
      key('f');
      if (found.length > 1) check('f f', cur(), found[1]);
      else check('f f (only one)', said(/No further unit with findings below/), true);
      key('F');
      check('f f F', cur(), found[0]);
    }
    var start = found.length ? +found[0].slice(1) : -1;
    var next = weak.filter(function (id) { return +id.slice(1) > start; })[0];
    key('j');
    if (!weak.length) check('j (page without weak links)', said(/No weak links/), true);
    else if (next) check('j', cur(), next);
    else check('j (none below)', said(/No further weak link below/), true);
    out.push('done');
  } catch (e) {
    out.push('FAIL exception ' + e);
  }
  document.getElementById('out').textContent = out.join('\n');
});
</script></body></html>
HTML
# The corpus page may have no weak bead and no finding (that depends on the aligner and the
# glossary), so the keys are also tried on a page that has two of each for sure: check's page of
# a TMX with low confidences and numbers that differ.
cat >"$scratch/keys.tmx" <<'TMX'
<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="e2e" creationtoolversion="1" segtype="sentence"
 o-tmf="e2e" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu tuid="a"><prop type="x-tilmash-confidence">0.9</prop><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="kk"><seg>Бір.</seg></tuv></tu>
<tu tuid="b"><prop type="x-tilmash-confidence">0.2</prop><tuv xml:lang="en"><seg>Two.</seg></tuv><tuv xml:lang="kk"><seg>Екі.</seg></tuv></tu>
<tu tuid="c"><prop type="x-tilmash-confidence">0.8</prop><tuv xml:lang="en"><seg>In 2019, 12 people.</seg></tuv><tuv xml:lang="kk"><seg>2018 жылы 13 адам.</seg></tuv></tu>
<tu tuid="d"><prop type="x-tilmash-confidence">0.3</prop><tuv xml:lang="en"><seg>On 5 May.</seg></tuv><tuv xml:lang="kk"><seg>6 мамырда.</seg></tuv></tu>
<tu tuid="e"><prop type="x-tilmash-confidence">0.1</prop><tuv xml:lang="en"><seg>Five.</seg></tuv><tuv xml:lang="kk"><seg>Бес.</seg></tuv></tu>
</body></tmx>
TMX
"$tilmash" check --no-terms "$scratch/keys.tmx" --html "$scratch/keys.html" >/dev/null \
  2>"$scratch/keys.check.log"
[[ $? -le 1 && -s $scratch/keys.html ]] || fail "tilmash check --html (keys page) failed"
sed 's/src="page.html"/src="keys.html"/' "$scratch/harness.html" >"$scratch/harness-keys.html"
for h in harness harness-keys; do
  browse "$h" --allow-file-access-from-files --virtual-time-budget=5000 --dump-dom \
    "file://$scratch/$h.html" >"$scratch/$h.dom" || fail "--dump-dom ($h) exited $?"
  no_console "$h"
  result=$(sed -n '/<pre id="out">/,/<\/pre>/p' "$scratch/$h.dom")
  echo "$h:"; echo "$result" | sed 's/<[^>]*>//g; s/^/  /'
  grep -q 'done' <<<"$result" || fail "$h: the keyboard harness did not finish"
  grep -q 'FAIL' <<<"$result" && fail "$h: keyboard navigation"
done
grep -q 'ok f f: ' "$scratch/harness-keys.dom" && grep -q 'ok j: ' "$scratch/harness-keys.dom" \
  || fail "harness-keys: the page lacks the weak beads or findings it was made with"

# 4. Hostile text.
printf '%s\n' 'The <script>alert(1)</script> camp.' 'He said: " onmouseover="alert(2)" x' \
  >"$scratch/evil.en"
printf '%s\n' 'Лагерь <img src=x onerror=alert(3)>.' "Ол: ' onfocus='alert(4)' деді." \
  >"$scratch/evil.kk"
"$tilmash" align --langs en,kk --segmented "$scratch/evil.en" "$scratch/evil.kk" --format html \
  -o "$scratch/evil.html" || fail "tilmash align (hostile text) exited $?"
browse evil --dump-dom "file://$scratch/evil.html" >"$scratch/evil.dom" || fail "--dump-dom exited $?"
no_console evil
python3 - "$scratch/evil.dom" <<'PY' || fail "hostile text became markup"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.imgs, self.text = 0, [], 0, []
    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.imgs += tag == "img"
        self.handlers += [(tag, k) for k, _ in attrs if k.startswith("on")]
    def handle_data(self, d):
        self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
text = "".join(p.text)
assert p.scripts == 1, f"{p.scripts} script elements"
assert p.imgs == 0 and not p.handlers, (p.imgs, p.handlers)
for s in ("<script>alert(1)</script>", '" onmouseover="alert(2)"', "<img src=x onerror=alert(3)>",
          "' onfocus='alert(4)'"):
    assert s in text, f"{s!r} not shown as text"
print("hostile text: shown as text, one script element, no handlers")
PY

if [[ -n $keep && -s $scratch/page.png ]]; then
  cp "$scratch/page.png" "$keep" && echo "screenshot: $keep"
fi
((failures == 0)) || exit 1
echo "review page OK in $("$chromium" --version 2>/dev/null | head -n 1)"
