/* The review page's script (io/html_review.cc embeds it after model.js). Without editor data
   (check --html) it adds keyboard navigation and a status line; with it (align --format html:
   <main data-editor="{…}">) it is also the alignment editor of issue 20 and exposes
   window.tilmash. Text from the documents only ever reaches the page through textContent. */
(function () {
  'use strict';
  var root = document.documentElement;
  var head = document.querySelector('header.top');
  var main = document.querySelector('main');
  var status = document.getElementById('status');
  var keysHelp = document.querySelector('.keys');
  var cur = null;        // the selected row (a section.unit)
  var editor = null;     // set below when the page has editor data

  function fit() { root.style.setProperty('--head', (head.offsetHeight + 8) + 'px'); }
  function say(text) { status.textContent = text || ''; status.className = text ? 'on' : ''; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // The rows in document order: main's children, or (in the editor) the rows of the model's beads.
  var rowList = {
    count: function () { return main.children.length; },
    at: function (i) { return main.children[i]; },
    index: function (r) { return r ? Array.prototype.indexOf.call(main.children, r) : -1; }
  };
  function indexOfRow(r) { return rowList.index(r); }
  function label(r) { return editor ? editor.label(r) : r.getAttribute('data-label'); }

  // Selects row r: marked (class current, aria-selected), announced in the status line unless
  // `what` is null, scrolled into view unless `scroll` is false. In the editor the focus stays on
  // <main> (a listbox) with aria-activedescendant naming the row: moving focus to a new row after
  // every edit cost a full layout of a 10,000-row page. DOM writes come first, then one read.
  function select(r, what, scroll) {
    if (!r) return;
    if (cur && cur !== r) {
      cur.classList.remove('current');
      if (editor) cur.setAttribute('aria-selected', 'false');
    }
    cur = r;
    r.classList.add('current');
    if (editor) {
      r.setAttribute('aria-selected', 'true');
      if (!r.id) r.id = editor.newId();
      main.setAttribute('aria-activedescendant', r.id);
      editor.selected(r);
    }
    if (what !== null) say((what ? what + ' \u2014 ' : '') + label(r));
    if (scroll === 'center') {
      r.scrollIntoView({block: 'center'});
    } else if (scroll !== false) {
      var box = r.getBoundingClientRect(), top = head.getBoundingClientRect().bottom;
      if (box.top < top || box.bottom > window.innerHeight) r.scrollIntoView({block: 'nearest'});
    }
    if (!editor) r.focus({preventScroll: true});
    else if (document.activeElement !== main) main.focus({preventScroll: true});
  }
  function step(cls, dir, one, many) {
    var list = main.querySelectorAll('.unit.' + cls);
    if (!list.length) { say('No ' + many + ' on this page.'); return; }
    var from = indexOfRow(cur), n = rowList.count();
    for (var i = from + dir; i >= 0 && i < n; i += dir) {
      var r = rowList.at(i);
      if (r.classList.contains(cls)) {
        select(r, one + ' ' + (Array.prototype.indexOf.call(list, r) + 1) + ' of ' +
               list.length, 'center');
        return;
      }
    }
    say('No further ' + one + (dir > 0 ? ' below.' : ' above.'));
  }
  function neighbour(dir) {
    var n = rowList.count();
    if (!n) return;
    var i = indexOfRow(cur);
    i = i < 0 ? (dir > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, i + dir));
    select(rowList.at(i), '');
  }

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (editor && editor.key(e)) { e.preventDefault(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === 'j' || k === 'n') step('weak', 1, 'weak link', 'weak links');
    else if (k === 'k' || k === 'p') step('weak', -1, 'weak link', 'weak links');
    else if (k === 'f') step('has-findings', 1, 'unit with findings', 'units with findings');
    else if (k === 'F') step('has-findings', -1, 'unit with findings', 'units with findings');
    else if (k === 'ArrowDown') neighbour(1);
    else if (k === 'ArrowUp') neighbour(-1);
    else if (k === 'Escape') say('');
    else if (k === '?') say(editor ? editor.help() : keysHelp.textContent);
    else return;
    e.preventDefault();
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest) return;
    var a = e.target.closest('a[href^="#u"]');
    var r = a ? document.getElementById(a.getAttribute('href').slice(1))
              : e.target.closest('main .unit');
    if (r && main.contains(r)) {
      if (editor && !a) editor.clicked(r, e.target);
      select(r, '', false);
    }
  });
  function show(e) {
    var m = e.target;
    if (m && m.tagName === 'MARK') say(m.getAttribute('title'));
  }
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
  window.addEventListener('resize', fit);

  /* ---------------------------------------------------------------- the editor */
  function Editor(data) {
    var M = TilmashModel, model = new M.Model(data), self = this;
    var L = model.langs.length, active = 0;
    var first = main.children, beads = model.beads;
    if (first.length !== beads.length) throw new Error('rows and beads differ');
    for (var i = 0; i < first.length; ++i) { beads[i].el = first[i]; first[i].tilmashBead = beads[i]; }
    // Each sentence's span as the page was written (with its glossary and finding marks), to be
    // cloned into the rows that edits draw; null where a cell had no spans.
    var spans = model.langs.map(function (lang, l) { return new Array(model.sentences[l].length); });
    for (i = 0; i < beads.length; ++i) {
      for (var l = 0; l < model.langs.length; ++l) {
        var cell = first[i].children[1 + l], got = cell ? cell.querySelectorAll(':scope > .s') : [];
        if (got.length !== beads[i].n[l]) continue;
        for (var j = 0; j < got.length; ++j) spans[l][beads[i].s[l] + j] = got[j];
      }
    }
    rowList = {
      count: function () { return model.beads.length; },
      at: function (i) { return model.beads[i].el; },
      index: function (r) { return r && r.tilmashBead ? model.beads.indexOf(r.tilmashBead) : -1; }
    };
    // Long pages: rows in blocks of 100 (each content-visibility: auto), so that an edit lays out
    // its block and the list of blocks, not every row of the page.
    var blocked = beads.length > 200;
    if (blocked) {
      var frag = document.createDocumentFragment(), blk = null;
      for (i = 0; i < beads.length; ++i) {
        if (i % 100 === 0) { blk = el('div', 'blk'); blk.setAttribute('role', 'none'); frag.appendChild(blk); }
        blk.appendChild(beads[i].el);
      }
      main.appendChild(frag);
    }
    var unitsPill = document.querySelector('.stats .pill');
    main.tabIndex = 0;
    var saved = model.beads.slice();  // what the last download (or the page) holds

    /* -- the bar: what is selected, the operations, save */
    var bar = el('div', 'editbar');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Alignment editor');
    var where = el('span', 'where', 'Select a unit (click, \u2191/\u2193) to edit it.');
    bar.appendChild(where);
    var langGroup = el('span', 'langs');
    langGroup.setAttribute('role', 'group');
    langGroup.setAttribute('aria-label', 'Language the sentence operations act on');
    var langButtons = model.langs.map(function (lang, l) {
      var b = el('button', 'lang', lang);
      b.type = 'button';
      b.title = 'Sentence operations act on ' + lang + ' (key ' + (l + 1) + ', or \u2190/\u2192)';
      b.addEventListener('click', function () { setLang(l); });
      langGroup.appendChild(b);
      return b;
    });
    bar.appendChild(langGroup);
    function button(text, key, title, f) {
      var b = el('button', 'op');
      b.type = 'button';
      b.appendChild(document.createTextNode(text + ' '));
      b.appendChild(el('kbd', '', key));
      b.title = title;
      b.addEventListener('click', function () { attempt(f); });
      bar.appendChild(b);
      return b;
    }
    function sel() { return indexOfRow(cur); }
    function lang() { return model.langs[active]; }
    button('Merge with next', 'm', 'Merge the selected unit with the next one', function () { api.merge(sel()); });
    button('Split\u2026', 's', 'Split the selected unit at a sentence boundary chosen per language', function () { openSplit(); });
    button('First \u2191', '[', 'Move the first sentence of the language to the previous unit', function () { api.move(sel(), lang(), 'first'); });
    button('Last \u2193', ']', 'Move the last sentence of the language to the next unit', function () { api.move(sel(), lang(), 'last'); });
    button('Alone: first', 'd', 'The first sentence of the language becomes a unit of its own (omitted or added: 1-0 / 0-1)', function () { api.detach(sel(), lang(), 'first'); });
    button('Alone: last', 'D', 'The last sentence of the language becomes a unit of its own (1-0 / 0-1)', function () { api.detach(sel(), lang(), 'last'); });
    button('Checked', 'c', 'Mark the selected unit checked (a human confirmed it), or unmark it', function () { api.check(sel()); });
    button('Undo', 'Ctrl+Z', 'Undo the last operation', function () { api.undo(); });
    button('Redo', 'Ctrl+Shift+Z', 'Redo what was undone', function () { api.redo(); });
    button('Save JSON', 'Ctrl+S', 'Download the alignment as JSON (the schema of tilmash align --format json)', function () { saveJson(); });
    button('Save TMX', 'T', 'Download the alignment as TMX 1.4b', function () { saveTmx(); });
    var state = el('span', 'state', '');
    state.setAttribute('aria-live', 'polite');
    bar.appendChild(state);

    /* -- the split form: one "keep the first k" choice per language */
    var form = el('form', 'splitform');
    form.hidden = true;
    form.setAttribute('aria-label', 'Split the selected unit');
    var selects = [];
    model.langs.forEach(function (lang) {
      var lab = el('label', '', lang + ' keeps ');
      var s = el('select');
      lab.appendChild(s);
      form.appendChild(lab);
      selects.push(s);
    });
    var ok = el('button', '', 'Split');
    ok.type = 'submit';
    var cancel = el('button', '', 'Cancel');
    cancel.type = 'button';
    form.appendChild(ok);
    form.appendChild(cancel);
    bar.appendChild(form);
    function closeSplit() { form.hidden = true; main.focus({preventScroll: true}); fit(); }
    function openSplit() {
      var n = sel();
      var b = model.bead(n);
      selects.forEach(function (s, l) {
        while (s.firstChild) s.removeChild(s.firstChild);
        for (var k = 0; k <= b.n[l]; ++k) {
          var o = el('option', '', k + ' of ' + b.n[l]);
          o.value = String(k);
          s.appendChild(o);
        }
        s.value = String(Math.ceil(b.n[l] / 2));
      });
      form.hidden = false;
      fit();
      selects[active].focus();
      say('Split unit ' + (n + 1) + ': choose how many sentences of each language stay in it; ' +
          'the rest start the next unit. Enter splits, Escape cancels.');
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var spec = {};
      selects.forEach(function (s, l) { spec[model.langs[l]] = Number(s.value); });
      var n = sel();
      closeSplit();
      attempt(function () { api.split(n, spec); });
    });
    cancel.addEventListener('click', function () { closeSplit(); say('Split cancelled.'); });
    form.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.preventDefault(); closeSplit(); say('Split cancelled.'); }
      // Enter in a choice splits (browsers submit a form on Enter only from a text field).
      if (e.key === 'Enter' && e.target.tagName === 'SELECT') { e.preventDefault(); ok.click(); }
    });

    head.insertBefore(bar, head.querySelector('.cols'));

    /* -- the autosave offer */
    var storeKey = 'tilmash-editor:' + model.hash, offer = null, timer = 0;
    function storage() { try { return window.localStorage; } catch (err) { return null; } }
    function autosave() {
      timer = 0;
      var ls = storage();
      if (!ls) return;
      try {
        if (!model.changed()) ls.removeItem(storeKey);
        else ls.setItem(storeKey, JSON.stringify({v: 1, time: Date.now(), edits: model.done.length,
                                                 beads: model.counts()}));
      } catch (err) {
        say('Autosave failed (' + err.message + '): save the JSON to keep your edits.');
      }
    }
    (function offerAutosave() {
      var ls = storage(), got = null;
      if (!ls) { state.textContent = 'no autosave in this browser'; return; }
      try { got = JSON.parse(ls.getItem(storeKey) || 'null'); } catch (err) { got = null; }
      if (!got || !Array.isArray(got.beads) || model.sameAs(got.beads)) return;
      offer = el('div', 'offer');
      offer.setAttribute('role', 'alert');
      offer.appendChild(document.createTextNode('Edits of this document autosaved in this browser on ' +
        new Date(got.time).toLocaleString() + ' are not in this page. '));
      var yes = el('button', '', 'Restore them'), no = el('button', '', 'Discard');
      yes.type = no.type = 'button';
      yes.addEventListener('click', function () {
        attempt(function () { model.restore(got.beads); announce('Restored the autosaved edits (undo: Ctrl+Z).'); });
        offer.remove(); offer = null; fit();
      });
      no.addEventListener('click', function () {
        try { ls.removeItem(storeKey); } catch (err) { /* nothing to drop */ }
        offer.remove(); offer = null; fit(); say('Autosaved edits discarded.');
      });
      offer.appendChild(yes);
      offer.appendChild(no);
      bar.parentNode.insertBefore(offer, bar);
    })();

    /* -- drawing */
    function sentenceRange(b, l) {
      if (!b.n[l]) return ' -';
      return ' ' + (b.s[l] + 1) + (b.n[l] > 1 ? '-' + (b.s[l] + b.n[l]) : '');
    }
    function detail(b) {
      return model.langs.map(function (lang, l) { return lang + sentenceRange(b, l); }).join(' \u00b7 ');
    }
    function draw(b) {
      var r = el('section', 'unit edited' + (b.flags & M.CHECKED ? ' checked' : ''));
      r.tabIndex = -1;
      r.setAttribute('role', 'option');
      r.setAttribute('aria-selected', 'false');
      var id = el('div', 'id');
      id.appendChild(el('b', '', ''));
      id.appendChild(el('small', '', detail(b)));
      var conf = el('span', 'conf');
      var meter = el('span', 'meter');
      var fill = el('span');
      fill.style.width = Math.round(Math.max(0, Math.min(1, Number(b.conf))) * 100) + '%';
      meter.appendChild(fill);
      conf.appendChild(meter);
      conf.appendChild(document.createTextNode(Number(b.conf).toFixed(2)));
      id.appendChild(conf);
      if (b.flags & M.EDITED) { id.appendChild(el('span', 'flag edited', 'edited')); id.appendChild(document.createTextNode(' ')); }
      if (b.flags & M.CHECKED) id.appendChild(el('span', 'flag checked', 'checked'));
      r.appendChild(id);
      for (var l = 0; l < L; ++l) {
        var cell = el('div');
        cell.lang = model.langs[l];
        if (!b.n[l]) cell.appendChild(el('span', 'none', '(no text)'));
        for (var i = 0; i < b.n[l]; ++i) {
          if (i) cell.appendChild(document.createTextNode(' '));
          var orig = spans[l][b.s[l] + i];
          cell.appendChild(orig ? orig.cloneNode(true) : el('span', 's', model.sentences[l][b.s[l] + i]));
        }
        r.appendChild(cell);
      }
      return r;
    }
    // Row of a checked-toggled bead: the same element, its flag and class changed.
    function restyle(r, b) {
      var on = !!(b.flags & M.CHECKED);
      r.classList.toggle('checked', on);
      var id = r.querySelector('.id'), flag = id.querySelector('.flag.checked');
      if (on && !flag) id.appendChild(el('span', 'flag checked', 'checked'));
      if (!on && flag) flag.remove();
    }
    // Row numbers from `from` on: the 80 rows from the edit at once (the ones on screen), the
    // rest in chunks after the edit has been drawn (rewriting 10,000 numbers in the edit took
    // 30 ms); label() counts from the beads, so announcements never read a stale number.
    var numberFrom = Infinity, numberTimer = 0, ids = 0;
    function number(from, to) {
      for (var i = from; i < to; ++i) {
        var b = model.beads[i].el.firstElementChild.firstElementChild, t = String(i + 1);
        if (b.textContent !== t) b.textContent = t;
      }
    }
    function numberRest() {
      numberTimer = 0;
      var end = Math.min(model.beads.length, numberFrom + 2000);
      number(numberFrom, end);
      numberFrom = end < model.beads.length ? end : Infinity;
      if (numberFrom !== Infinity) numberTimer = setTimeout(numberRest, 0);
    }
    function renumber(from) {
      var end = Math.min(model.beads.length, from + 80);
      number(from, end);
      if (end < model.beads.length) {
        numberFrom = Math.min(numberFrom, end);
        if (!numberTimer) numberTimer = setTimeout(numberRest, 0);
      }
    }
    this.newId = function () { return 'e' + (++ids); };
    model.onChange(function (at, removed, inserted) {
      var wasCur = cur;
      if (!timer) timer = setTimeout(autosave, 300);
      if (removed.length === 1 && inserted.length === 1 && removed[0].s === inserted[0].s &&
          removed[0].n === inserted[0].n) {  // check(): same sentences, other flags
        var r = removed[0].el;
        inserted[0].el = r; r.tilmashBead = inserted[0];
        restyle(r, inserted[0]);
        return;
      }
      var next = model.beads[at + inserted.length], after = next ? next.el : null;
      for (var i = 0; i < removed.length; ++i) removed[i].el.remove();
      var frag = document.createDocumentFragment();
      for (i = 0; i < inserted.length; ++i) {
        var b = inserted[i];
        if (!b.el) { b.el = draw(b); b.el.tilmashBead = b; }
        b.el.classList.remove('current');
        b.el.setAttribute('aria-selected', 'false');
        frag.appendChild(b.el);
      }
      if (after) after.parentNode.insertBefore(frag, after);
      else (blocked ? main.lastElementChild : main).appendChild(frag);
      renumber(at);
      if (wasCur && !wasCur.parentNode) cur = null;
      var count = model.beads.length;
      unitsPill.textContent = count + (count === 1 ? ' unit' : ' units');
    });
    function dirty() {
      if (saved.length !== model.beads.length) return true;
      for (var i = 0; i < saved.length; ++i) if (saved[i] !== model.beads[i]) return true;
      return false;
    }
    function showState() {
      state.textContent = (model.done.length ? model.done.length + (model.done.length === 1 ? ' edit' : ' edits') : 'no edits') +
        (dirty() ? ', not saved' : ', saved');
      state.className = 'state' + (dirty() ? ' dirty' : '');
    }
    window.addEventListener('beforeunload', function (e) {
      if (!dirty()) return undefined;
      e.preventDefault();
      e.returnValue = '';
      return '';
    });

    /* -- selection and the active language */
    function setLang(l) {
      active = (l + L) % L;
      langButtons.forEach(function (b, k) { b.setAttribute('aria-pressed', k === active ? 'true' : 'false'); });
      if (cur) markLang(cur);
      say('Sentence operations act on ' + model.langs[active] + '.');
    }
    var litCell = null;
    function markLang(r) {
      if (litCell) litCell.classList.remove('active');
      litCell = r.children[1 + active] || null;
      if (litCell) litCell.classList.add('active');
    }
    this.selected = function (r) {
      markLang(r);
      where.textContent = 'Unit ' + (indexOfRow(r) + 1) + ' (' + detail(r.tilmashBead) + ')';
    };
    this.clicked = function (r, target) {
      var cell = target.closest && target.closest('.unit > div[lang]');
      if (cell && cell.parentNode === r) {
        var l = Array.prototype.indexOf.call(r.children, cell) - 1;
        if (l >= 0 && l < L && l !== active) {
          active = l;
          langButtons.forEach(function (b, k) { b.setAttribute('aria-pressed', k === active ? 'true' : 'false'); });
        }
      }
    };
    this.label = function (r) {
      var b = r.tilmashBead, n = indexOfRow(r), c = Number(b.conf);
      return 'unit ' + (n + 1) + ' of ' + model.beads.length + ': ' + detail(b) + ', confidence ' + c.toFixed(2) +
        (r.classList.contains('weak') ? ', weak link' : '') + (b.flags & M.EDITED ? ', edited' : '') +
        (b.flags & M.CHECKED ? ', checked' : '') + '. Sentence operations act on ' + model.langs[active] + '.';
    };

    /* -- operations: the API, buttons and keys all come here */
    function announce(text) { showState(); say(text); }
    function afterOp(n, what) {
      var r = model.beads[Math.max(0, Math.min(model.beads.length - 1, n))].el;
      select(r, null);
      var msg = what + ' (undo: Ctrl+Z).';
      if (L > 2) {  // three languages: say where a side is now empty
        var b = r.tilmashBead, empty = [], full = [];
        for (var l = 0; l < L; ++l) (b.n[l] ? full : empty).push(model.langs[l]);
        if (empty.length && full.length > 1) {
          msg += ' Unit ' + (n + 1) + ' has no ' + empty.join(' or ') + ' sentence: it is a ' +
            full.join('\u2013') + ' unit now, and check will report an omitted ' + empty.join('/') +
            ' sentence if one belongs there (move one in with [ or ] in its column).';
        }
      }
      announce(msg + ' ' + label(r));
      return n;
    }
    function attempt(f) {
      try { return f(); } catch (err) { say(err.message + '.'); return undefined; }
    }
    var api = {
      beads: function () { return model.list(); },
      merge: function (n) {
        model.merge(n);
        return afterOp(n, 'Merged units ' + (n + 1) + ' and ' + (n + 2));
      },
      split: function (n, lang, k) {
        model.split(n, lang, k);
        return afterOp(n, 'Split unit ' + (n + 1) + ' into units ' + (n + 1) + ' and ' + (n + 2));
      },
      move: function (n, lang, which) {
        var before = model.beads.length;
        model.move(n, lang, which);
        var gone = model.beads.length < before;
        var to = which === 'first' ? n - 1 : n + 1;
        return afterOp(gone ? (which === 'first' ? n - 1 : n) : n,
          'Moved the ' + which + ' ' + lang + ' sentence of unit ' + (n + 1) + ' to unit ' + (to + 1) +
          (gone ? ' (unit ' + (n + 1) + ' had no other sentence and is gone)' : ''));
      },
      detach: function (n, lang, which) {
        var alone = model.detach(n, lang, which);
        return afterOp(which === 'first' ? n + 1 : n, 'The ' + which + ' ' + lang + ' sentence of unit ' +
          (n + 1) + ' stands alone as unit ' + (alone + 1));
      },
      check: function (n, on) {
        model.check(n, on);
        var b = model.bead(n);
        return afterOp(n, (b.flags & M.CHECKED ? 'Checked' : 'Unchecked') + ' unit ' + (n + 1));
      },
      undo: function () {
        var op = model.undo();
        if (!op) { say('Nothing to undo.'); return false; }
        afterOp(op.at, 'Undone: ' + op.what);
        return true;
      },
      redo: function () {
        var op = model.redo();
        if (!op) { say('Nothing to redo.'); return false; }
        afterOp(op.at, 'Redone: ' + op.what);
        return true;
      },
      select: function (n) { select(model.bead(n).el, ''); return n; },
      selected: function () { return sel(); },
      language: function (l) { if (l !== undefined) setLang(model.lang(l)); return model.langs[active]; },
      valid: function () { return model.valid(); },
      exportJson: function () { return model.exportJson(); },
      exportTmx: function () { return model.exportTmx(stamp()); },
      saveJson: function () { return saveJson(); },
      saveTmx: function () { return saveTmx(); }
    };
    function stamp() { return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, ''); }
    function fileBase() { return (model.document || 'alignment').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_'); }
    function download(name, text, type) {
      var a = el('a');
      a.href = URL.createObjectURL(new Blob([text], {type: type}));
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
      return name;
    }
    function saveJson() {
      var name = download(fileBase() + '.aligned.json', model.exportJson(), 'application/json');
      saved = model.beads.slice();
      announce('Saved ' + name + ': import it with tilmash tm import --format json, or check it with tilmash check.');
      return name;
    }
    function saveTmx() {
      var name = download(fileBase() + '.aligned.tmx', model.exportTmx(stamp()), 'application/x-tmx+xml');
      saved = model.beads.slice();
      announce('Saved ' + name + ' (TMX 1.4b).');
      return name;
    }

    /* -- keys; true when the key was the editor's */
    this.key = function (e) {
      var k = e.key, ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && !e.altKey && (k === 'z' || k === 'Z')) { attempt(e.shiftKey ? api.redo : api.undo); return true; }
      if (ctrl && !e.altKey && (k === 'y' || k === 'Y')) { attempt(api.redo); return true; }
      if (ctrl && !e.altKey && (k === 's' || k === 'S')) { attempt(saveJson); return true; }
      if (ctrl || e.altKey) return false;
      if (k >= '1' && k <= String(L)) { setLang(Number(k) - 1); return true; }
      if (k === 'ArrowLeft') { setLang(active - 1); return true; }
      if (k === 'ArrowRight') { setLang(active + 1); return true; }
      if (k === 'T') { attempt(saveTmx); return true; }
      var ops = {m: 1, s: 1, '[': 1, ']': 1, d: 1, D: 1, c: 1};
      if (!ops[k]) return false;
      if (!cur) { say('Select a unit first (click it, or \u2191/\u2193, j/k).'); return true; }
      var n = sel(), lg = lang();
      attempt(function () {
        if (k === 'm') api.merge(n);
        else if (k === 's') openSplit();
        else if (k === '[') api.move(n, lg, 'first');
        else if (k === ']') api.move(n, lg, 'last');
        else if (k === 'd') api.detach(n, lg, 'first');
        else if (k === 'D') api.detach(n, lg, 'last');
        else if (k === 'c') api.check(n);
      });
      return true;
    };
    this.help = function () {
      return 'Keys: j/n, k/p next/previous weak link; f/F next/previous finding; \u2191/\u2193 select a unit; ' +
        '\u2190/\u2192 or 1\u2013' + L + ' the language sentence operations act on.\n' +
        'Edit the selected unit: m merge with the next; s split (choose per language how many ' +
        'sentences stay); [ move the first sentence of the language to the previous unit; ] move the ' +
        'last one to the next unit; d / D the first / last sentence stands alone (an omitted or added ' +
        'sentence, 1-0 / 0-1); c checked.\nCtrl+Z undo, Ctrl+Shift+Z (or Ctrl+Y) redo; Ctrl+S save ' +
        'JSON, T save TMX. Edits are autosaved in this browser. Esc hides this line.';
    };
    keysHelp.textContent += ' Edit the selected unit: m merge, s split, [ ] move a sentence, d D ' +
      'stand alone, c checked, Ctrl+Z undo; ? lists every key.';
    window.tilmash = api;
    setLang(0);
    say('');
    showState();
  }

  var data = main && main.getAttribute('data-editor');
  if (data) {
    try {
      editor = new Editor(JSON.parse(data));
    } catch (err) {
      editor = null;
      say('The editor is off: ' + err.message + '.');
    }
  }
  fit();
  root.setAttribute('data-review', 'ready');
})();
