#!/usr/bin/env python3
"""Number check on the UDHR TMX (scripts/demo.sh writes tmx/udhr.en-kk-ru.tmx): how many
number-mismatch findings `tilmash check` gives on
  as-is     the TMX as it is (every finding is a false flag or a real inconsistency);
  words     article headings 1-10 with the number written as an ordinal («Статья первая»,
            «Бірінші бап») and ten units with an appended clause carrying the same number in
            each language, written as translators write it (200,000 / 200 мың / 200 тысяч,
            2.5 million / 2,5 миллион / 2,5 млн, 28 January / қаңтардың 28-і / 28 января ...):
            every finding is a false flag;
  errors    the same, plus a planted wrong number in the kk or ru side of 20 units: each
            must be found (recall).
usage: scripts/eval_numbers.py TILMASH TMX
"""
import json
import re
import subprocess
import sys
import tempfile

ORD_RU = ["первая", "вторая", "третья", "четвёртая", "пятая", "шестая", "седьмая", "восьмая",
          "девятая", "десятая"]
ORD_KK = ["Бірінші", "Екінші", "Үшінші", "Төртінші", "Бесінші", "Алтыншы", "Жетінші",
          "Сегізінші", "Тоғызыншы", "Оныншы"]
# (en, kk, ru) clauses with one quantity, and a wrong version of kk or ru for the error set.
CLAUSES = [
    ("about 200,000 people", "шамамен 200 мың адам", "около 200 тысяч человек",
     ("ru", "около 20 тысяч человек")),
    ("1 million Uyghurs", "1 млн ұйғыр", "1 миллион уйгуров", ("kk", "10 млн ұйғыр")),
    ("2.5 million people", "2,5 миллион адам", "2,5 млн человек", ("ru", "25 млн человек")),
    ("on 28 January", "қаңтардың 28-і күні", "28 января", ("kk", "ақпанның 28-і күні")),
    ("5 per cent", "5 пайыз", "5 процентов", ("ru", "15 процентов")),
    ("two brothers and 3 sisters", "екі ағайынды және 3 әпке-сіңлі", "двое братьев и 3 сестры",
     ("kk", "екі ағайынды және 4 әпке-сіңлі")),
    ("1,500 detainees", "1 500 тұтқын", "1\u00a0500 задержанных", ("ru", "1\u00a0600 задержанных")),
    ("10 thousand", "10 мың", "10 тыс.", ("kk", "100 мың")),
    ("in March 2018", "2018 жылғы наурызда", "в марте 2018 года", ("ru", "в мае 2018 года")),
    ("3 million", "үш миллион", "три миллиона", ("ru", "4 миллиона")),
]


def units_of(tmx):
    return re.findall(r"<tu .*?</tu>", tmx, re.S)


def set_seg(tu, lang, fn):
    def sub(m):
        return m.group(1) + fn(m.group(2)) + m.group(3)
    return re.sub(r'(xml:lang="%s"[^>]*>\s*<seg>)(.*?)(</seg>)' % lang, sub, tu, count=1, flags=re.S)


def variant(tmx, errors):
    out, planted = tmx, []
    tus = units_of(tmx)
    headings = [t for t in tus if re.search(r'xml:lang="en"[^>]*>\s*<seg>Article (\d+)</seg>', t)]
    for t in headings:
        n = int(re.search(r"Article (\d+)</seg>", t).group(1))
        tid = re.search(r'tuid="([^"]+)"', t).group(1)
        new = t
        if n <= 10:
            new = set_seg(new, "ru", lambda s: re.sub(r"\d+", ORD_RU[n - 1], s))
            new = set_seg(new, "kk", lambda s: re.sub(r"^\d+ бап", ORD_KK[n - 1] + " бап", s))
        elif errors and n <= 20:
            lang = "kk" if n % 2 else "ru"
            new = set_seg(new, lang, lambda s: re.sub(r"\d+", str(n + 1), s))
            planted.append((tid, lang))
        out = out.replace(t, new)
    others = [t for t in tus if t not in headings and 'xml:lang="ru"' in t and 'xml:lang="kk"' in t]
    for t, (en, kk, ru, wrong) in zip(others[::5], CLAUSES):
        tid = re.search(r'tuid="([^"]+)"', t).group(1)
        texts = {"en": en, "kk": kk, "ru": ru}
        if errors:
            texts[wrong[0]] = wrong[1]
            planted.append((tid, wrong[0]))
        new = t
        for lang, clause in texts.items():
            new = set_seg(new, lang, lambda s, c=clause: s.rstrip() + " (" + c + ")")
        out = out.replace(t, new)
    return out, planted


def check(tilmash, path):
    r = subprocess.run([tilmash, "check", "--no-terms", "--json", path], capture_output=True, text=True)
    if r.returncode > 1:
        sys.exit(r.stderr)
    return [f for f in json.loads(r.stdout) if f["kind"] == "number-mismatch"]


def main():
    tilmash, path = sys.argv[1], sys.argv[2]
    tmx = open(path, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as d:
        for name in ("as-is", "words", "errors"):
            text, planted = (tmx, []) if name == "as-is" else variant(tmx, name == "errors")
            p = f"{d}/{name}.tmx"
            open(p, "w", encoding="utf-8").write(text)
            found = check(tilmash, p)
            hit = {(f["tuid"], f["lang"]) for f in found}
            false = [f for f in found if (f["tuid"], f["lang"]) not in set(planted)]
            recall = f"  planted found {sum(p in hit for p in planted)}/{len(planted)}" if planted else ""
            print(f"{name:7} {len(units_of(text))} units: {len(found)} number findings, "
                  f"{len(false)} not planted{recall}")
            for f in false:
                print(f"          {f['tuid']} {f['lang']}: {f['message']}")


if __name__ == "__main__":
    main()
