/* The alignment editor's model (issue 20): beads over the sentences of 2 or 3 languages, the
   edit operations, undo/redo, and the JSON and TMX a reviewer downloads. No DOM: the page
   (review.js) draws it, and tests run it in node as well as in Chromium.

   A bead holds, per language, a contiguous range of sentence numbers: start s[l], count n[l].
   Invariants, per language l, kept by every operation and checked by valid():
     beads[0].s[l] == 0, beads[i+1].s[l] == beads[i].s[l] + beads[i].n[l], and the last bead
     ends at the language's sentence count (so beads are monotone and every sentence is in
     exactly one bead), and no bead is without sentences.
   Bead objects are never changed: an operation replaces beads by new ones (one splice), which
   is also what undo and redo replay. */
var TilmashModel = (function () {
  'use strict';

  var EDITED = 1, CHECKED = 2;

  // The JSON string literal io::json_string writes: " \ and control characters escaped,
  // everything else as it is.
  function jsonString(text) {
    return '"' + text.replace(/["\\\u0000-\u001f]/g, function (c) {
      if (c === '"') return '\\"';
      if (c === '\\') return '\\\\';
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }

  // Text for XML element content, characters outside XML 1.0 Char removed (as TmxWriter does).
  function xmlText(text) {
    return text
      .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, '$1')
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  function Bead(s, n, flags, conf) {
    this.s = s; this.n = n; this.flags = flags; this.conf = conf;
  }
  Bead.prototype.size = function () {
    var t = 0;
    for (var l = 0; l < this.n.length; ++l) t += this.n[l];
    return t;
  };
  function edited(s, n) { return new Bead(s, n, EDITED, '1.000'); }

  // data: {langs, hash, document, sentences: [[text…] per language], beads: [[n per language…,
  // flags, "confidence"] …]} as io::write_review_html embeds it.
  function Model(data) {
    this.langs = data.langs.slice();
    this.hash = data.hash || '';
    this.document = data.document || '';
    this.sentences = data.sentences;
    this.beads = this.fromCounts(data.beads);
    this.initial = this.beads.slice();
    this.done = [];    // undo stack: {at, removed, inserted, what}
    this.undone = [];  // redo stack
    this.version = 0;  // changes with every operation, undo and redo (autosave, dirty marks)
    this.listeners = [];
  }

  // Beads from rows [n per language…, flags, conf]; throws when they break an invariant.
  Model.prototype.fromCounts = function (rows) {
    var L = this.langs.length, next = [], out = [];
    for (var l = 0; l < L; ++l) next.push(0);
    for (var i = 0; i < rows.length; ++i) {
      var r = rows[i], s = [], n = [];
      if (!Array.isArray(r) || r.length !== L + 2) throw new Error('bead ' + i + ': malformed');
      for (l = 0; l < L; ++l) {
        var c = r[l];
        if (typeof c !== 'number' || c < 0 || c !== Math.floor(c)) {
          throw new Error('bead ' + i + ': bad sentence count');
        }
        s.push(next[l]); n.push(c); next[l] += c;
      }
      var b = new Bead(s, n, r[L] & (EDITED | CHECKED), String(r[L + 1]));
      if (b.size() === 0) throw new Error('bead ' + i + ' has no sentence');
      out.push(b);
    }
    for (l = 0; l < L; ++l) {
      if (next[l] !== this.sentences[l].length) {
        throw new Error('the beads cover ' + next[l] + ' of the ' + this.sentences[l].length +
                        ' ' + this.langs[l] + ' sentences');
      }
    }
    return out;
  };

  Model.prototype.counts = function (beads) {
    return (beads || this.beads).map(function (b) {
      return b.n.concat([b.flags, b.conf]);
    });
  };

  // The invariants (see the top of this file); returns '' or what is wrong.
  Model.prototype.valid = function () {
    var L = this.langs.length, next = [];
    for (var l = 0; l < L; ++l) next.push(0);
    for (var i = 0; i < this.beads.length; ++i) {
      var b = this.beads[i];
      if (b.size() === 0) return 'bead ' + i + ' has no sentence';
      for (l = 0; l < L; ++l) {
        if (b.s[l] !== next[l]) return 'bead ' + i + ' ' + this.langs[l] + ' starts at ' + b.s[l] +
                                       ', not ' + next[l];
        if (b.n[l] < 0) return 'bead ' + i + ': negative count';
        next[l] += b.n[l];
      }
    }
    for (l = 0; l < L; ++l) {
      if (next[l] !== this.sentences[l].length) return this.langs[l] + ': ' + next[l] + ' of ' +
                                                        this.sentences[l].length + ' sentences';
    }
    return '';
  };

  Model.prototype.lang = function (lang) {
    var l = typeof lang === 'number' ? lang : this.langs.indexOf(lang);
    if (!(l >= 0 && l < this.langs.length)) throw new Error('no language ' + lang + ' on this page');
    return l;
  };
  Model.prototype.bead = function (n) {
    if (!(n >= 0 && n < this.beads.length && n === Math.floor(n))) {
      throw new Error('no bead ' + n + ' (beads are numbered 0 to ' + (this.beads.length - 1) + ')');
    }
    return this.beads[n];
  };

  Model.prototype.onChange = function (f) { this.listeners.push(f); };

  // Replaces beads[at … at+removed.length) by `inserted`; the one primitive of every change.
  Model.prototype.splice = function (at, removed, inserted) {
    var args = [at, removed.length].concat(inserted);
    Array.prototype.splice.apply(this.beads, args);
    this.version++;
    for (var i = 0; i < this.listeners.length; ++i) this.listeners[i](at, removed, inserted);
  };
  Model.prototype.apply = function (at, count, inserted, what) {
    var removed = this.beads.slice(at, at + count);
    this.splice(at, removed, inserted);
    this.done.push({at: at, removed: removed, inserted: inserted, what: what});
    this.undone.length = 0;
    return at;
  };
  Model.prototype.undo = function () {
    var op = this.done.pop();
    if (!op) return null;
    this.splice(op.at, op.inserted, op.removed);
    this.undone.push(op);
    return op;
  };
  Model.prototype.redo = function () {
    var op = this.undone.pop();
    if (!op) return null;
    this.splice(op.at, op.removed, op.inserted);
    this.done.push(op);
    return op;
  };

  // Bead n and bead n+1 become one.
  Model.prototype.merge = function (n) {
    var a = this.bead(n);
    if (n + 1 >= this.beads.length) throw new Error('bead ' + n + ' is the last: nothing to merge with');
    var b = this.beads[n + 1], count = [];
    for (var l = 0; l < a.n.length; ++l) count.push(a.n[l] + b.n[l]);
    return this.apply(n, 2, [edited(a.s.slice(), count)], 'merged beads ' + n + ' and ' + (n + 1));
  };

  // Bead n keeps the first k sentences of `lang` (or, with an object {lang: k, …}, of each
  // language named; the others keep all theirs); the rest become bead n+1.
  Model.prototype.split = function (n, lang, k) {
    var b = this.bead(n), keep = b.n.slice(), spec = {};
    if (lang !== null && typeof lang === 'object') spec = lang; else spec[lang] = k;
    for (var name in spec) {
      if (!Object.prototype.hasOwnProperty.call(spec, name)) continue;
      var l = this.lang(name), kk = spec[name];
      if (!(kk >= 0 && kk <= b.n[l] && kk === Math.floor(kk))) {
        throw new Error('bead ' + n + ' has ' + b.n[l] + ' ' + this.langs[l] +
                        ' sentences: keep 0 to ' + b.n[l] + ', not ' + kk);
      }
      keep[l] = kk;
    }
    var s2 = [], n2 = [], first = 0, rest = 0;
    for (l = 0; l < b.n.length; ++l) {
      s2.push(b.s[l] + keep[l]); n2.push(b.n[l] - keep[l]);
      first += keep[l]; rest += b.n[l] - keep[l];
    }
    if (first === 0 || rest === 0) {
      throw new Error('a split must leave sentences in both beads (bead ' + n + ')');
    }
    return this.apply(n, 1, [edited(b.s.slice(), keep), edited(s2, n2)], 'split bead ' + n);
  };

  // The first sentence of `lang` in bead n moves to the end of bead n-1 (which "first"), or the
  // last one to the start of bead n+1 ("last"). A bead left without sentences goes.
  Model.prototype.move = function (n, lang, which) {
    var b = this.bead(n), l = this.lang(lang);
    if (b.n[l] === 0) throw new Error('bead ' + n + ' has no ' + this.langs[l] + ' sentence');
    var s = b.s.slice(), c = b.n.slice();
    if (which === 'first') {
      if (n === 0) throw new Error('bead 0 has no previous bead: use detach to let it stand alone');
      var p = this.beads[n - 1], pc = p.n.slice();
      pc[l]++; s[l]++; c[l]--;
      var both = [edited(p.s.slice(), pc)];
      if (b.size() > 1) both.push(edited(s, c));
      return this.apply(n - 1, 2, both, this.langs[l] + ' sentence ' + b.s[l] + ' moved to bead ' + (n - 1));
    }
    if (which === 'last') {
      if (n + 1 >= this.beads.length) throw new Error('bead ' + n + ' is the last: use detach to let it stand alone');
      var q = this.beads[n + 1], qs = q.s.slice(), qc = q.n.slice();
      c[l]--; qs[l]--; qc[l]++;
      var out = b.size() > 1 ? [edited(s, c)] : [];
      out.push(edited(qs, qc));
      return this.apply(n, 2, out, this.langs[l] + ' sentence ' + (b.s[l] + b.n[l] - 1) +
                        ' moved to bead ' + (out.length === 2 ? n + 1 : n));
    }
    throw new Error('which must be "first" or "last", not ' + which);
  };

  // The first ("first") or last ("last") sentence of `lang` in bead n becomes a bead of its own
  // (1-0 / 0-1: an omitted or added sentence), placed before or after bead n.
  Model.prototype.detach = function (n, lang, which) {
    var b = this.bead(n), l = this.lang(lang);
    if (b.n[l] === 0) throw new Error('bead ' + n + ' has no ' + this.langs[l] + ' sentence');
    if (b.size() === 1) throw new Error('bead ' + n + ' already stands alone');
    var s = b.s.slice(), c = b.n.slice(), one = [], oc = [];
    if (which === 'first') {
      for (var k = 0; k < c.length; ++k) { one.push(s[k]); oc.push(k === l ? 1 : 0); }
      s[l]++; c[l]--;
      this.apply(n, 1, [edited(one, oc), edited(s, c)], this.langs[l] + ' sentence ' + b.s[l] +
                 ' stands alone as bead ' + n);
      return n;
    }
    if (which === 'last') {
      c[l]--;
      for (k = 0; k < c.length; ++k) { one.push(s[k] + c[k]); oc.push(k === l ? 1 : 0); }
      this.apply(n, 1, [edited(s, c), edited(one, oc)], this.langs[l] + ' sentence ' +
                 (b.s[l] + b.n[l] - 1) + ' stands alone as bead ' + (n + 1));
      return n + 1;
    }
    throw new Error('which must be "first" or "last", not ' + which);
  };

  // Marks bead n checked (a human confirmed it), or unmarks it: `on` true, false, or toggles.
  Model.prototype.check = function (n, on) {
    var b = this.bead(n);
    var want = on === undefined ? !(b.flags & CHECKED) : !!on;
    if (want === !!(b.flags & CHECKED)) return n;
    var c = new Bead(b.s, b.n, want ? b.flags | CHECKED : b.flags & ~CHECKED, b.conf);
    return this.apply(n, 1, [c], (want ? 'checked bead ' : 'unchecked bead ') + n);
  };

  // Replaces every bead by `rows` (counts as Model.prototype.counts gives them): an autosave
  // restored, as one operation that can be undone.
  Model.prototype.restore = function (rows) {
    var beads = this.fromCounts(rows);
    return this.apply(0, this.beads.length, beads, 'restored the autosaved edits');
  };

  // The text of bead b's side l: its sentences joined by a space, as align::side_text does.
  Model.prototype.text = function (b, l) {
    var out = '';
    for (var i = b.s[l]; i < b.s[l] + b.n[l]; ++i) {
      var t = this.sentences[l][i];
      out = out.length ? out + ' ' + t : t;
    }
    return out;
  };

  // Bead n as in `align --format json` (numbers 0-based; confidence a number).
  Model.prototype.json = function (n) {
    var b = this.bead(n), indices = {}, text = {};
    for (var l = 0; l < this.langs.length; ++l) {
      var list = [];
      for (var i = 0; i < b.n[l]; ++i) list.push(b.s[l] + i);
      indices[this.langs[l]] = list;
      text[this.langs[l]] = this.text(b, l);
    }
    var out = {confidence: Number(b.conf), indices: indices, text: text};
    if (b.flags & EDITED) out.edited = true;
    if (b.flags & CHECKED) out.checked = true;
    return out;
  };
  Model.prototype.list = function () {
    var out = [];
    for (var n = 0; n < this.beads.length; ++n) out.push(this.json(n));
    return out;
  };

  // The file Save downloads: byte for byte what `tilmash align --format json` writes for the
  // same beads, plus "edited": true and "checked": true after "text".
  Model.prototype.exportJson = function () {
    var parts = [], L = this.langs.length;
    for (var n = 0; n < this.beads.length; ++n) {
      var b = this.beads[n], ind = [], txt = [];
      for (var l = 0; l < L; ++l) {
        var list = [];
        for (var i = 0; i < b.n[l]; ++i) list.push(b.s[l] + i);
        ind.push(jsonString(this.langs[l]) + ': [' + list.join(', ') + ']');
        txt.push(jsonString(this.langs[l]) + ': ' + jsonString(this.text(b, l)));
      }
      parts.push('  {"confidence": ' + b.conf + ', "indices": {' + ind.join(', ') +
                 '}, "text": {' + txt.join(', ') + '}' +
                 (b.flags & EDITED ? ', "edited": true' : '') +
                 (b.flags & CHECKED ? ', "checked": true' : '') + '}');
    }
    return parts.length ? '[\n' + parts.join(',\n') + '\n]\n' : '[]\n';
  };

  // TMX 1.4b: one <tu> per bead, as `tilmash align --format tmx` writes them (tuid tuN for bead N, props
  // x-tilmash-confidence, x-document, x-origin; one-sided beads kept with x-tilmash-bead), plus
  // x-tilmash-edited / x-tilmash-checked. `stamp` is the creation date, YYYYMMDDThhmmssZ.
  // Beads with no source sentence and no x-tilmash-bead cannot occur (a side is only empty in
  // a one-sided bead); exact duplicates of an earlier full bead are left out as align does.
  Model.prototype.exportTmx = function (stamp) {
    var L = this.langs.length, seen = {}, out = [], n, l;
    out.push('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
             '  <header creationtool="tilmash" creationtoolversion="review page" segtype="sentence"' +
             ' o-tmf="tilmash" adminlang="en" srclang="' + xmlText(this.langs[0]) +
             '" datatype="plaintext" o-encoding="UTF-8" creationdate="' + stamp + '">\n' +
             '  </header>\n  <body>\n');
    for (n = 0; n < this.beads.length; ++n) {
      var b = this.beads[n], texts = [], shape = [], full = true;
      for (l = 0; l < L; ++l) {
        var t = this.text(b, l).replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '');
        texts.push(t);
        shape.push(b.n[l]);
        if (!t) full = false;
      }
      var nonEmpty = texts.filter(function (x) { return x; }).length;
      if (nonEmpty === 0) continue;
      if (full) {
        var key = JSON.stringify(texts);
        if (seen[key]) continue;
        seen[key] = true;
      }
      var tu = '    <tu tuid="tu' + (n + 1) + '" creationdate="' + stamp + '">\n' +
               '      <prop type="x-tilmash-confidence">' + String(Number(b.conf)) + '</prop>\n';
      if (this.document) tu += '      <prop type="x-document">' + xmlText(this.document) + '</prop>\n';
      tu += '      <prop type="x-origin">tilmash align</prop>\n';
      if (!full) tu += '      <prop type="x-tilmash-bead">' + shape.join('-') + '</prop>\n';
      if (b.flags & EDITED) tu += '      <prop type="x-tilmash-edited">true</prop>\n';
      if (b.flags & CHECKED) tu += '      <prop type="x-tilmash-checked">true</prop>\n';
      for (l = 0; l < L; ++l) {
        if (!texts[l]) continue;
        tu += '      <tuv xml:lang="' + xmlText(this.langs[l]) + '"><seg>' + xmlText(texts[l]) +
              '</seg></tuv>\n';
      }
      out.push(tu + '    </tu>\n');
    }
    out.push('  </body>\n</tmx>\n');
    return out.join('');
  };

  // True when the beads differ from those the page was opened with.
  Model.prototype.changed = function () {
    if (this.beads.length !== this.initial.length) return true;
    for (var i = 0; i < this.beads.length; ++i) if (this.beads[i] !== this.initial[i]) return true;
    return false;
  };
  Model.prototype.sameAs = function (rows) {
    var mine = this.counts();
    if (rows.length !== mine.length) return false;
    for (var i = 0; i < rows.length; ++i) {
      if (JSON.stringify(rows[i]) !== JSON.stringify(mine[i])) return false;
    }
    return true;
  };

  return {Model: Model, EDITED: EDITED, CHECKED: CHECKED, jsonString: jsonString, xmlText: xmlText};
})();
if (typeof module !== 'undefined' && module.exports) module.exports = TilmashModel;
