/* Property test of the alignment editor (issue 20): random edit sequences through an API with
   the shape of window.tilmash (beads, merge, split, move, detach, check, undo, redo,
   exportJson). After every step the beads must be monotone, hold every sentence exactly once
   and none may be empty; undoing everything must give back the first JSON byte for byte and
   redoing everything the last. Runs in node on the model alone (editor_model_test.js) and in
   Chromium on the page itself (editor_chromium.py), where `extra(api)` also compares the rows
   drawn with the beads. Returns {ops, refused, failures: [...]}. */
function editorProperty(api, seed, steps, extra) {
  'use strict';
  var state = seed >>> 0 || 1;
  function rand(n) {  // xorshift32
    state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    return state % n;
  }
  var failures = [], ops = 0, refused = 0;
  var first = api.exportJson();
  var total = null;  // sentences per language, from the first beads
  function invariants(where) {
    var beads = api.beads(), langs = Object.keys(beads.length ? beads[0].indices : {});
    var next = {};
    langs.forEach(function (l) { next[l] = 0; });
    for (var n = 0; n < beads.length; ++n) {
      var b = beads[n], any = false;
      for (var i = 0; i < langs.length; ++i) {
        var l = langs[i], side = b.indices[l];
        for (var j = 0; j < side.length; ++j) {
          if (side[j] !== next[l]) {
            return where + ': bead ' + n + ' ' + l + ' has sentence ' + side[j] + ' where ' + next[l] + ' belongs';
          }
          next[l]++;
          any = true;
        }
      }
      if (!any) return where + ': bead ' + n + ' is empty';
      if (b.edited && b.confidence !== 1) return where + ': edited bead ' + n + ' has confidence ' + b.confidence;
    }
    if (total === null) total = next;
    for (var k in total) {
      if (next[k] !== total[k]) return where + ': ' + k + ' covers ' + next[k] + ' of ' + total[k] + ' sentences';
    }
    if (extra) {
      var e = extra(api);
      if (e) return where + ': ' + e;
    }
    return '';
  }
  var bad = invariants('start');
  if (bad) failures.push(bad);
  for (var s = 0; s < steps && !failures.length; ++s) {
    var beads = api.beads(), n = rand(beads.length + 2) - 1;  // sometimes out of range
    var langs = Object.keys(beads[0].indices), lang = langs[rand(langs.length)];
    var which = rand(2) ? 'first' : 'last', what;
    var kind = rand(10);
    try {
      ops++;
      if (kind === 0) { what = 'merge(' + n + ')'; api.merge(n); }
      else if (kind === 1) {
        var k = n >= 0 && n < beads.length ? rand(beads[n].indices[lang].length + 1) : 0;
        what = 'split(' + n + ', ' + lang + ', ' + k + ')'; api.split(n, lang, k);
      } else if (kind === 2) {
        var spec = {};
        langs.forEach(function (l) { spec[l] = n >= 0 && n < beads.length ? rand(beads[n].indices[l].length + 1) : 0; });
        what = 'split(' + n + ', ' + JSON.stringify(spec) + ')'; api.split(n, spec);
      } else if (kind === 3 || kind === 4) { what = 'move(' + n + ', ' + lang + ', ' + which + ')'; api.move(n, lang, which); }
      else if (kind === 5 || kind === 6) { what = 'detach(' + n + ', ' + lang + ', ' + which + ')'; api.detach(n, lang, which); }
      else if (kind === 7) { what = 'check(' + n + ')'; api.check(n); }
      else if (kind === 8) { what = 'undo()'; api.undo(); }
      else { what = 'redo()'; api.redo(); }
    } catch (err) {
      refused++;  // refusing is fine (nothing to merge with, bead out of range …); breaking is not
    }
    bad = invariants('step ' + s + ' ' + what);
    if (bad) failures.push(bad);
  }
  var last = api.exportJson();
  var undone = 0;
  while (api.undo()) undone++;
  if (api.exportJson() !== first) failures.push('undoing all ' + undone + ' operations did not restore the first JSON');
  bad = invariants('after undoing all');
  if (bad) failures.push(bad);
  for (var r = 0; r < undone; ++r) {
    if (!api.redo()) { failures.push('redo ' + r + ' of ' + undone + ' refused'); break; }
  }
  if (api.exportJson() !== last) failures.push('redoing what was undone did not give the last JSON');
  return {ops: ops, refused: refused, failures: failures};
}
if (typeof module !== 'undefined' && module.exports) module.exports = editorProperty;
