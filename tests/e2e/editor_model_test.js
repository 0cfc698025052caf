// The alignment editor's model (src/io/review/model.js) in node: literal cases of every
// operation, then the property test (editor_property.js) on random documents and edit sequences.
//   node tests/e2e/editor_model_test.js        (exit 1 on a failure)
'use strict';
const path = require('path');
const assert = require('assert');
const M = require(path.join(__dirname, '../../src/io/review/model.js'));
const editorProperty = require(path.join(__dirname, 'editor_property.js'));

function api(model) {
  return {
    beads: () => model.list(),
    merge: (n) => model.merge(n),
    split: (n, l, k) => model.split(n, l, k),
    move: (n, l, w) => model.move(n, l, w),
    detach: (n, l, w) => model.detach(n, l, w),
    check: (n, on) => model.check(n, on),
    undo: () => !!model.undo(),
    redo: () => !!model.redo(),
    exportJson: () => model.exportJson(),
  };
}
const sides = (m) => m.list().map((b) => Object.values(b.indices).map((s) => s.join(',')).join(':'));

// Literal cases: en e0..e3, kk k0..k3, four 1-1 beads.
function page() {
  return new M.Model({langs: ['en', 'kk'], hash: 'x', document: 'd',
    sentences: [['E0 <script>alert(1)</script>', 'E1 "q" & \'a\'', 'E2 \u202eRTL', 'E3'], ['K0', 'K1', 'K2', 'K3']],
    beads: [[1, 1, 0, '0.900'], [1, 1, 0, '0.200'], [1, 1, 0, '0.700'], [1, 1, 0, '0.333']]});
}
let m = page();
m.merge(1);
assert.deepStrictEqual(sides(m), ['0:0', '1,2:1,2', '3:3']);
assert.strictEqual(m.list()[1].confidence, 1);
assert.strictEqual(m.list()[1].edited, true);
assert.strictEqual(m.list()[1].text.en, 'E1 "q" & \'a\' E2 \u202eRTL');
m.split(1, {en: 1, kk: 2});
assert.deepStrictEqual(sides(m), ['0:0', '1:1,2', '2:', '3:3']);
m.move(1, 'kk', 'last');
assert.deepStrictEqual(sides(m), ['0:0', '1:1', '2:2', '3:3']);
m.move(3, 'en', 'first');   // bead 3 keeps k3 only
assert.deepStrictEqual(sides(m), ['0:0', '1:1', '2,3:2', ':3']);
m.move(3, 'kk', 'first');   // bead 3 empties and goes
assert.deepStrictEqual(sides(m), ['0:0', '1:1', '2,3:2,3']);
m.detach(2, 'en', 'last');
assert.deepStrictEqual(sides(m), ['0:0', '1:1', '2:2,3', '3:']);
m.detach(2, 'kk', 'first');
assert.deepStrictEqual(sides(m), ['0:0', '1:1', ':2', '2:3', '3:']);
assert.throws(() => m.detach(2, 'kk', 'first'), /already stands alone/);
assert.throws(() => m.merge(4), /last/);
assert.throws(() => m.split(0, 'en', 1), /both beads/);
assert.throws(() => m.move(0, 'en', 'first'), /no previous/);
assert.throws(() => m.move(9, 'en', 'first'), /no bead 9/);
assert.throws(() => m.split(0, 'de', 0), /no language de/);
m.check(0);
assert.strictEqual(m.list()[0].checked, true);
assert.strictEqual(m.list()[0].edited, undefined);
assert.strictEqual(m.list()[0].confidence, 0.9);
assert.strictEqual(m.valid(), '');
while (m.undo());
assert.strictEqual(m.exportJson(), page().exportJson());
// The JSON of `tilmash align --format json`, escapes included.
assert.strictEqual(page().exportJson().split('\n')[1],
  '  {"confidence": 0.900, "indices": {"en": [0], "kk": [0]}, "text": {"en": "E0 <script>alert(1)</script>", "kk": "K0"}},');
assert.ok(page().exportJson().includes('"en": "E1 \\"q\\" & \'a\'"'));
// TMX: markup escaped, edited/checked as props.
m = page(); m.merge(0); m.check(0);
const tmx = m.exportTmx('20260101T000000Z');
assert.ok(tmx.includes('<seg>E0 &lt;script&gt;alert(1)&lt;/script&gt; E1 &quot;q&quot; &amp; \'a\'</seg>'));
assert.ok(tmx.includes('<prop type="x-tilmash-edited">true</prop>\n      <prop type="x-tilmash-checked">true</prop>'));
// tuid tuN names bead N, as align's TMX does: a duplicate bead 2 is left out, bead 3 stays tu3.
const dup = new M.Model({langs: ['en', 'kk'], sentences: [['A.', 'A.', 'B.'], ['Ә.', 'Ә.', 'Б.']],
  beads: [[1, 1, 0, '0.9'], [1, 1, 0, '0.9'], [1, 1, 0, '0.9']]}).exportTmx('20260101T000000Z');
assert.ok(dup.includes('tuid="tu1"') && !dup.includes('tuid="tu2"') && dup.includes('tuid="tu3"'), dup);
assert.strictEqual(M.xmlText('a\u0001b\ufffe\ud83d\ude00'), 'ab\ud83d\ude00');
// A page whose beads do not cover the sentences is refused.
assert.throws(() => new M.Model({langs: ['en', 'kk'], sentences: [['a', 'b'], ['c']], beads: [[1, 1, 0, '1']]}), /cover 1 of the 2/);

// Property test: random documents (2 or 3 languages), random first alignments, random edits.
let failures = 0, ops = 0, refused = 0;
for (let seed = 1; seed <= 200; ++seed) {
  let st = seed * 2654435761 >>> 0;
  const r = (n) => { st ^= st << 13; st >>>= 0; st ^= st >>> 17; st ^= st << 5; st >>>= 0; return st % n; };
  const L = 2 + (seed % 2), langs = ['en', 'kk', 'ru'].slice(0, L);
  const beads = [], sentences = langs.map(() => []);
  const count = 1 + r(30);
  for (let b = 0; b < count; ++b) {
    let row = langs.map(() => r(4) === 0 ? 0 : 1 + r(2));
    if (row.every((c) => c === 0)) row[0] = 1;
    row.forEach((c, l) => { for (let i = 0; i < c; ++i) sentences[l].push(langs[l] + sentences[l].length + (r(5) ? '' : ' <b>&"\'')); });
    beads.push(row.concat([0, (r(1000) / 1000).toFixed(3)]));
  }
  const model = new M.Model({langs, hash: 'h', document: 'd', sentences, beads});
  const res = editorProperty(api(model), seed, 300, () => model.valid());
  ops += res.ops; refused += res.refused;
  if (res.failures.length) { failures++; console.error('seed ' + seed + ': ' + res.failures.join('; ')); }
}
console.log(`model: literal cases ok; property test: 200 documents, ${ops} random operations ` +
            `(${refused} refused as invalid), ${failures} failing`);
process.exit(failures ? 1 : 0);
