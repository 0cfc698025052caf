#!/usr/bin/python3
"""Scale of the alignment editor (issue 20): a page of N beads (default 10,000) in headless
chromium, against a page of 100 beads measured in the same run.

  tests/e2e/editor_bench.py TILMASH [N] [REPS]      (scripts/bench.sh editor)

Prints the page's size and the time tilmash takes to write it, the time until the page's
script is ready, and per operation (merge, split, move, detach, check, undo, redo, near the
top of the page, where the most rows are renumbered) the median and worst time of
  sync:  the call plus a forced style and layout (what the page itself costs), and
  frame: from the call to the next frame drawn after it (what a user waits for; includes the
         wait for the frame, up to 16.7 ms at 60 Hz),
with the ratio to the 100-bead page and to the 100 ms budget of the issue. A benchmark, not a
test: it never fails on time."""
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import editor_browser as eb  # noqa: E402

tilmash = os.path.abspath(sys.argv[1])
big = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 15
what = eb.missing()
if what:
    print(f"editor bench: {what} is not installed (apt-get install chromium chromium-driver python3-selenium)")
    sys.exit(2)

scratch = tempfile.mkdtemp(prefix="tilmash-editor-bench-")
WORDS_EN = "the camp people were held in detention and their families said that officials had".split()
WORDS_KK = "лагерь адамдар ұсталды және олардың отбасылары шенеуніктер айтты бұл туралы жылы".split()


def json_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_page(n_beads, seed):
    """A synthetic alignment of n_beads beads (1-1 mostly, some 2-1, 1-2 and 1-0) and its page."""
    rnd = random.Random(seed)
    en, kk, beads = [], [], []
    for b in range(n_beads):
        shape = rnd.choices([(1, 1), (2, 1), (1, 2), (1, 0), (0, 1)], [80, 7, 7, 3, 3])[0]
        side = []
        for lang, words, out, count in (("en", WORDS_EN, en, shape[0]), ("kk", WORDS_KK, kk, shape[1])):
            idx = []
            for _ in range(count):
                text = " ".join(rnd.choice(words) for _ in range(rnd.randint(6, 30))).capitalize() + f" {b}."
                idx.append(len(out))
                out.append(text)
            side.append(idx)
        beads.append(side)
    d = os.path.join(scratch, str(n_beads))
    os.makedirs(d)
    with open(os.path.join(d, "doc.en"), "w", encoding="utf-8") as f:
        f.write("\n".join(en) + "\n")
    with open(os.path.join(d, "doc.kk"), "w", encoding="utf-8") as f:
        f.write("\n".join(kk) + "\n")
    lines = []
    for b, (ei, ki) in enumerate(beads):
        conf = "%.3f" % rnd.random()
        lines.append(f'  {{"confidence": {conf}, "indices": {{"en": [{", ".join(map(str, ei))}], "kk": [{", ".join(map(str, ki))}]}}, '
                     f'"text": {{"en": {json_string(" ".join(en[i] for i in ei))}, "kk": {json_string(" ".join(kk[i] for i in ki))}}}}}')
    with open(os.path.join(d, "doc.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(lines) + "\n]\n")
    page = os.path.join(d, "page.html")
    t = time.perf_counter()
    r = eb.run([tilmash, "align", "--langs", "en,kk", "--segmented", os.path.join(d, "doc.en"), os.path.join(d, "doc.kk"),
                "--from-json", os.path.join(d, "doc.json"), "--no-glossary", "--format", "html", "-o", page])
    secs = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit("tilmash align --from-json failed: " + r.stderr)
    return page, secs


OPS = {
    "merge": "t.merge(n)",
    "split": "t.split(n, 'en', 1)",
    "move": "t.move(n, 'kk', 'last')",
    "detach": "t.detach(n, 'en', 'first')",
    "check": "t.check(n)",
}


def measure(driver, page, reps):
    t = time.perf_counter()
    driver.get("file://" + page)
    eb.wait_ready(driver, timeout=300)
    load = time.perf_counter() - t
    out = {"load": load}
    for name, call in OPS.items():
        sync, frame, usync, uframe = [], [], [], []
        for i in range(reps):
            n = 3 + i  # near the top: the most rows below to renumber
            setup = "var t = window.tilmash, n = %d; if (%r === 'split' && t.beads()[n].indices.en.length < 2) t.merge(n);" % (n, name)
            driver.execute_script(setup)
            res = driver.execute_async_script("""
              var done = arguments[arguments.length - 1], t = window.tilmash, n = %d, r = {};
              function timed(f, key, next) {
                var t0 = performance.now();
                f();
                document.body.getBoundingClientRect(); document.body.offsetHeight;  // style and layout now
                r[key + 'sync'] = performance.now() - t0;
                requestAnimationFrame(function () { setTimeout(function () { r[key + 'frame'] = performance.now() - t0; next(); }, 0); });
              }
              try {
                timed(function () { %s; }, 'op', function () {
                  timed(function () { t.undo(); }, 'undo', function () { done(r); });
                });
              } catch (e) { done({error: String(e)}); }""" % (n, call))
            if "error" in res:
                break
            sync.append(res["opsync"]); frame.append(res["opframe"])
            usync.append(res["undosync"]); uframe.append(res["undoframe"])
        out[name] = (sync, frame)
        out.setdefault("undo", ([], []))
        out["undo"][0].extend(usync); out["undo"][1].extend(uframe)
    # redo: undo then time redo
    sync, frame = [], []
    for i in range(reps):
        res = driver.execute_async_script("""
          var done = arguments[arguments.length - 1], t = window.tilmash, n = %d;
          t.merge(n); t.undo();
          var t0 = performance.now(); t.redo(); document.body.offsetHeight;
          var s = performance.now() - t0;
          requestAnimationFrame(function () { setTimeout(function () { var f = performance.now() - t0; t.undo(); done([s, f]); }, 0); });""" % (3 + i))
        sync.append(res[0]); frame.append(res[1])
    out["redo"] = (sync, frame)
    out["valid"] = driver.execute_script("return window.tilmash.valid()")
    out["beads"] = driver.execute_script("return document.querySelectorAll('main .unit').length")
    return out


driver = eb.start(scratch, os.path.join(scratch, "dl"))
try:
    small_page, small_gen = make_page(100, 1)
    big_page, big_gen = make_page(big, 2)
    small = measure(driver, small_page, reps)
    large = measure(driver, big_page, reps)
finally:
    driver.quit()

load = os.getloadavg()
print(f"editor bench (chromium {driver.capabilities.get('browserVersion', '?')}, {reps} edits per operation, near the top; "
      f"load average {load[0]:.1f} on {os.cpu_count()} CPUs: times grow with it)")
for label, page, gen, m in (("100 beads", small_page, small_gen, small), (f"{big} beads", big_page, big_gen, large)):
    print(f"  {label:>12}: page {os.path.getsize(page) / 1e6:.1f} MB written in {gen:.2f} s; "
          f"opened (script ready) in {m['load']:.2f} s; {m['beads']} rows; invariants {'hold' if not m['valid'] else m['valid']}")
print(f"  {'operation':<8} {'sync min/median/max (ms)':>26} {'frame min/median/max (ms)':>27}   "
      f"{'x 100 beads (median sync)':>26}  {'max frame / 100 ms':>18}")
worst = 0.0
for name in list(OPS) + ["undo", "redo"]:
    s, f = large[name]
    s0, _ = small[name]
    if not s:
        print(f"  {name:<8} (refused)")
        continue
    worst = max(worst, max(f))
    print(f"  {name:<8} {min(s):>8.1f} /{statistics.median(s):>6.1f} /{max(s):>6.1f}   {min(f):>9.1f} /{statistics.median(f):>6.1f} /{max(f):>6.1f}   "
          f"{statistics.median(s) / max(statistics.median(s0), 0.01):>26.1f}  {max(f) / 100:>18.2f}")
print(f"  worst edit on the {big}-bead page, to the next frame: {worst:.1f} ms ({worst / 100:.2f} of the 100 ms budget)")
shutil.rmtree(scratch, ignore_errors=True)
