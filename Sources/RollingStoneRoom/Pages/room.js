// The room's pages: the projector (/) and the phone (/j/CODE).
// One script for both; the page is told by <body data-page="…">.
// Every text that comes from the API is put in with textContent: never markup.
'use strict';

(() => {
  // ---------------------------------------------------------------------------
  // Labels: one complete table per language.

  const LABELS = {
    en: {
      pageProjector: 'RollingStone — live',
      pagePhone: 'RollingStone — send a tip',
      itemOf: 'Item {n}/{count}',
      theme: 'Theme',
      lesson: 'Lesson',
      floor: 'Speaking',
      next: 'Next',
      timeLeft: 'Time left',
      overTime: 'OVER',
      stopped: 'Clock stopped',
      noTimeBox: 'Time spent',
      noItem: 'Waiting for the first item',
      ended: 'The meeting has ended',
      noEntries: 'Nothing captured for this item yet. Send a tip from your phone!',
      older: '+{n} earlier',
      fromRoom: 'from the room',
      joinTitle: 'Join with your phone',
      joinCode: 'Code',
      joinScan: 'Scan the QR code or go to',
      qrAlt: 'QR code of the phone address',
      phonesOff: 'Phones are off: the room is served on this laptop only.',
      pending: '{n} waiting for review',
      reconnecting: 'Reconnecting…',
      kind_tip: 'Tip',
      kind_idea: 'Idea',
      kind_quote: 'Quote',
      kind_note: 'Note',
      kind_action: 'Action',
      kind_question: 'Question',
      now: 'Now',
      yourName: 'Your name',
      nameHint: 'So the facilitator knows who it is from. Asked only once.',
      pickYourself: 'Or pick yourself:',
      continue: 'Continue',
      sendingAs: 'Sending as',
      changeName: 'Change',
      kindLegend: 'What are you sharing?',
      textLabel: 'Your message',
      ph_tip: 'What worked for you? What would you recommend to others?',
      ph_idea: 'What could we try?',
      ph_question: 'What would you like to ask the group?',
      counter: '{n} / {max}',
      send: 'Send',
      sending: 'Sending…',
      sentOk: 'Sent. The facilitator will look at it.',
      sentTitle: 'Sent',
      nothingSent: 'Nothing sent yet.',
      status_pending: 'Pending',
      status_accepted: 'Accepted',
      status_rejected: 'Rejected',
      errEmptyName: 'Please type your name first.',
      errEmptyText: 'Please write something first.',
      errTooLong: 'That is more than {max} characters. Please shorten it.',
      errNetwork: 'Cannot reach the laptop. Check that you are on the same Wi-Fi and try again.',
      err400: 'The message was not accepted. Check your name and text and try again.',
      err403: 'The join code is missing or wrong. Scan the QR code on the screen again.',
      err413: 'The message is too long. Please shorten it.',
      err429: 'You sent a lot in a short time. Wait a minute and try again.',
      err421: 'Open the room by the address on the screen (scan the QR code again).',
      err503: 'The laptop could not save it just now. Nothing was lost: try again in a moment.',
      errOther: 'Sending did not work (error {status}). Try again.',
      endedPhone: 'The meeting has ended. Thank you!',
      noscript: 'This page needs JavaScript.',
    },
    nl: {
      pageProjector: 'RollingStone — live',
      pagePhone: 'RollingStone — stuur een tip',
      itemOf: 'Agendapunt {n} van {count}',
      theme: 'Thema',
      lesson: 'Les',
      floor: 'Aan het woord',
      next: 'Daarna',
      timeLeft: 'Tijd over',
      overTime: 'Over de tijd',
      stopped: 'Klok staat stil',
      noTimeBox: 'Verstreken',
      noItem: 'Wacht op het eerste agendapunt',
      ended: 'De bijeenkomst is afgelopen',
      noEntries: 'Nog niets genoteerd bij dit agendapunt. Stuur een tip met je telefoon!',
      older: '+{n} eerder',
      fromRoom: 'uit de zaal',
      joinTitle: 'Doe mee met je telefoon',
      joinCode: 'Code',
      joinScan: 'Scan de QR-code of ga naar',
      qrAlt: 'QR-code van het telefoonadres',
      phonesOff: 'Telefoons staan uit: de zaal draait alleen op deze laptop.',
      pending: '{n} nog te beoordelen',
      reconnecting: 'Verbinding herstellen…',
      kind_tip: 'Tip',
      kind_idea: 'Idee',
      kind_quote: 'Citaat',
      kind_note: 'Notitie',
      kind_action: 'Actie',
      kind_question: 'Vraag',
      now: 'Nu',
      yourName: 'Je naam',
      nameHint: 'Zo weet de gespreksleider van wie het komt. We vragen het maar één keer.',
      pickYourself: 'Of kies jezelf:',
      continue: 'Verder',
      sendingAs: 'Je stuurt als',
      changeName: 'Wijzig',
      kindLegend: 'Wat wil je delen?',
      textLabel: 'Je bericht',
      ph_tip: 'Wat werkte bij jullie? Wat zou je een ander aanraden?',
      ph_idea: 'Wat zouden we kunnen proberen?',
      ph_question: 'Wat wil je aan de groep vragen?',
      counter: '{n} / {max}',
      send: 'Versturen',
      sending: 'Bezig met versturen…',
      sentOk: 'Verstuurd. De gespreksleider bekijkt het.',
      sentTitle: 'Verstuurd',
      nothingSent: 'Nog niets verstuurd.',
      status_pending: 'Nog te beoordelen',
      status_accepted: 'Opgenomen',
      status_rejected: 'Afgewezen',
      errEmptyName: 'Vul eerst je naam in.',
      errEmptyText: 'Schrijf eerst iets.',
      errTooLong: 'Dat is meer dan {max} tekens. Maak het wat korter.',
      errNetwork: 'De laptop is niet bereikbaar. Controleer of je op hetzelfde wifi-netwerk zit en probeer het opnieuw.',
      err400: 'Het bericht is niet aangenomen. Controleer je naam en tekst en probeer het opnieuw.',
      err403: 'De deelnamecode ontbreekt of klopt niet. Scan de QR-code op het scherm opnieuw.',
      err413: 'Het bericht is te lang. Maak het wat korter.',
      err429: 'Je hebt veel verstuurd in korte tijd. Wacht een minuut en probeer het opnieuw.',
      err421: 'Open de zaal via het adres op het scherm (scan de QR-code opnieuw).',
      err503: 'De laptop kon het nu niet bewaren. Er is niets verloren: probeer het zo opnieuw.',
      errOther: 'Versturen is niet gelukt (fout {status}). Probeer het opnieuw.',
      endedPhone: 'De bijeenkomst is afgelopen. Bedankt!',
      noscript: 'Deze pagina heeft JavaScript nodig.',
    },
  };

  const KINDS = ['tip', 'idea', 'quote', 'note', 'action', 'question'];
  const SEND_KINDS = ['tip', 'idea', 'question'];
  const STATUSES = ['pending', 'accepted', 'rejected'];
  const MAX_TEXT = 2000;
  const PROJECTOR_ENTRIES = 8;

  let lang = 'en';

  function t(key, vars) {
    let s = LABELS[lang][key];
    if (s === undefined) s = LABELS.en[key];
    if (s === undefined) s = key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
    return s;
  }

  // Before the first state: the language last seen, else the phone's own.
  function firstLanguage() {
    const stored = store.get('rs_lang', '');
    if (stored === 'nl' || stored === 'en') return stored;
    const nav = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    return /^nl\b/i.test(nav) ? 'nl' : 'en';
  }

  function languageOf(state) {
    const l = state && state.meeting && state.meeting.language;
    return l === 'nl' || l === 'en' ? l : 'en';
  }

  // Sets the language and every static label (data-i18n*) of the page.
  function setLanguage(next, force) {
    if (next !== 'nl' && next !== 'en') next = 'en';
    if (next === lang && !force) return false;
    lang = next;
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-alt]')) el.alt = t(el.dataset.i18nAlt);
    document.title = t(page === 'phone' ? 'pagePhone' : 'pageProjector');
    store.set('rs_lang', lang);
    return true;
  }

  // ---------------------------------------------------------------------------
  // Small helpers.

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function show(e, visible) {
    if (e) e.hidden = !visible;
  }

  function str(v) {
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  }

  function kindLabel(kind) {
    return KINDS.includes(kind) ? t('kind_' + kind) : str(kind);
  }

  function kindClass(kind) {
    return 'kind kind-' + (KINDS.includes(kind) ? kind : 'other');
  }

  function mmss(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const m = Math.floor(s / 60);
    return String(m).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  }

  // localStorage that never throws (private mode, storage full, disabled).
  const store = {
    get(key, fallback) {
      try {
        const v = window.localStorage.getItem(key);
        return v === null ? fallback : v;
      } catch (_) {
        return fallback;
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(key, value);
      } catch (_) { /* not kept: fine */ }
    },
    remove(key) {
      try {
        window.localStorage.removeItem(key);
      } catch (_) { /* ignore */ }
    },
    getJSON(key, fallback) {
      try {
        const v = JSON.parse(this.get(key, 'null'));
        return v === null ? fallback : v;
      } catch (_) {
        return fallback;
      }
    },
    setJSON(key, value) {
      this.set(key, JSON.stringify(value));
    },
  };

  // ---------------------------------------------------------------------------
  // The live connection: GET /api/state once, then SSE /api/events.
  // A whole state is shown only when it is newer (seq) than the one shown,
  // except after a `reset` or a fresh start, which start again from it. Other
  // events bring the change and the status after it, which the page applies
  // to the state it shows; one that does not follow on (a gap) has the page
  // take the state afresh.

  // The change of one event, applied to `state`, which is the state of the event before.
  function applyChange(state, change, status) {
    if (status && typeof status === 'object') {
      for (const key of ['seq', 'meeting', 'item', 'lesson', 'pending', 'speakers']) {
        if (key in status) state[key] = status[key];
        else delete state[key];
      }
    }
    if (!Array.isArray(state.entries)) state.entries = [];
    if (!Array.isArray(state.participants)) state.participants = [];
    if (!Array.isArray(state.submissions)) state.submissions = [];
    const current = state.item && typeof state.item === 'object' ? state.item.number : null;
    const entry = change.entry && typeof change.entry === 'object' ? change.entry : null;
    if (entry) {
      state.entries = state.entries.filter((e) => e && e.number !== entry.number);
      if (entry.item === current) {
        state.entries.push(entry);
        state.entries.sort((a, b) => a.number - b.number);
      }
    }
    if (change.type === 'delete') state.entries = state.entries.filter((e) => e && e.number !== change.number);
    const person = change.participant && typeof change.participant === 'object' ? change.participant : null;
    if (change.type === 'join' && person) {
      state.participants = state.participants.filter((p) => p && p.id !== person.id);
      state.participants.push(person);
      state.participants.sort((a, b) => a.id - b.id);
    }
    const sub = change.submission && typeof change.submission === 'object' ? change.submission : null;
    if (sub) {
      state.submissions = state.submissions.filter((s) => s && s.number !== sub.number);
      state.submissions.push(sub);
      state.submissions.sort((a, b) => a.number - b.number);
    }
  }

  function connect({ query, onState, onChange, onStatus }) {
    let shown = null;
    let lastSeq = -Infinity;
    let source = null;
    let retry = 1000;
    let retryTimer = null;

    function apply(state, change, force) {
      if (!state || typeof state !== 'object') return;
      const seq = typeof state.seq === 'number' ? state.seq : null;
      if (!force && seq !== null && seq <= lastSeq) return;
      if (seq !== null) lastSeq = seq;
      shown = state;
      onState(state, change || null);
    }

    function loadState(force) {
      return fetch('/api/state' + query, { cache: 'no-store', credentials: 'same-origin' })
        .then((res) => {
          if (res.status === 403) onStatus('forbidden');
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.json();
        })
        .then(
          (state) => apply(state, null, force),
          (err) => {
            if (!/HTTP 403/.test(String(err && err.message))) onStatus('offline');
            scheduleRestart();
          });
    }

    function onEvent(ev) {
      let data;
      try {
        data = JSON.parse(ev.data);
      } catch (_) {
        return;
      }
      if (!data || typeof data !== 'object') return;
      const change = data.change && typeof data.change === 'object' ? data.change : {};
      if (onChange) onChange(change);
      if (data.state) {
        apply(data.state, change, change.type === 'reset');
        return;
      }
      const seq = typeof data.seq === 'number' ? data.seq : null;
      // Nothing shown yet to apply it to: the reset or GET /api/state brings it.
      if (seq === null || !shown || seq <= lastSeq) return;
      if (seq !== lastSeq + 1) {
        loadState(false);
        return;
      }
      lastSeq = seq;
      applyChange(shown, change, data.status);
      onState(shown, change);
    }

    function open() {
      if (source) source.close();
      source = new EventSource('/api/events' + query);
      source.addEventListener('change', onEvent);
      source.onmessage = onEvent; // in case the event has no name
      source.onopen = () => {
        retry = 1000;
        onStatus('live');
      };
      source.onerror = () => {
        onStatus('reconnecting');
        // EventSource reconnects by itself (sending Last-Event-ID) unless the
        // server refused it; then start again, and take the state afresh.
        if (source && source.readyState === EventSource.CLOSED) scheduleRestart();
      };
    }

    function scheduleRestart() {
      if (retryTimer) return;
      retryTimer = window.setTimeout(() => {
        retryTimer = null;
        retry = Math.min(retry * 2, 15000);
        open();
        loadState(true);
      }, retry);
    }

    // A phone that slept may have missed a lot: look again when it wakes up.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      if (!source || source.readyState === EventSource.CLOSED) scheduleRestart();
      else loadState(false);
    });

    open();
    loadState(false);
  }

  let forbidden = false;

  function showConnection(status) {
    if (status === 'forbidden') forbidden = true;
    else if (status === 'live') forbidden = false;
    const badge = $('conn');
    if (badge) show(badge, status !== 'live' && !forbidden);
    document.body.classList.toggle('is-offline', status !== 'live');
    const problem = $('ph-problem');
    if (problem) {
      // A wrong join code: say what to do, not just "reconnecting".
      problem.textContent = forbidden ? t('err403') : '';
      show(problem, forbidden);
    }
  }

  // ---------------------------------------------------------------------------
  // Projector.

  function projector() {
    const entryNodes = new Map(); // entry number -> <li>
    const clock = { remaining: null, spentAt: 0, at: 0, running: false, planned: null, shown: '' };

    function renderClock() {
      const box = $('pj-timer');
      const label = $('pj-timer-label');
      const digits = $('pj-timer-digits');
      let text;
      let labelText;
      let state;
      const elapsed = clock.running ? (performance.now() - clock.at) / 1000 : 0;
      if (clock.planned === null) {
        if (clock.remaining === null && clock.spentAt === null) {
          text = '--:--';
          labelText = '';
          state = 'none';
        } else {
          text = mmss(clock.spentAt + elapsed);
          labelText = t('noTimeBox');
          state = 'free';
        }
      } else {
        const left = clock.remaining - elapsed;
        if (left > 0) {
          text = mmss(Math.ceil(left));
          labelText = t('timeLeft');
          state = left <= 120 && clock.planned >= 300 ? 'soon' : 'ok';
        } else {
          text = '+' + mmss(-left);
          labelText = t('overTime');
          state = 'over';
        }
      }
      if (!clock.running && (state === 'ok' || state === 'soon' || state === 'free')) labelText = t('stopped');
      const key = text + '|' + labelText + '|' + state + '|' + clock.running;
      if (key === clock.shown) return;
      clock.shown = key;
      digits.textContent = text;
      label.textContent = labelText;
      box.classList.toggle('is-over', state === 'over');
      box.classList.toggle('is-soon', state === 'soon');
      box.classList.toggle('is-stopped', !clock.running);
      box.classList.toggle('is-wide', text.length > 5);
    }

    function setClock(item) {
      clock.at = performance.now();
      clock.shown = '';
      if (!item) {
        clock.planned = null;
        clock.remaining = null;
        clock.spentAt = null;
        clock.running = false;
      } else {
        const spent = Number(item.secondsSpent) || 0;
        const planned = typeof item.plannedMinutes === 'number' && item.plannedMinutes > 0 ? item.plannedMinutes * 60 : null;
        clock.planned = planned;
        clock.spentAt = spent;
        clock.remaining = planned === null ? null : planned - spent;
        clock.running = item.running === true;
      }
      renderClock();
    }

    function fillEntry(li, entry) {
      const p = entry.participant;
      const sig = JSON.stringify([lang, entry.kind, entry.text, p && p.name, p && p.countryName, entry.fromRoom]);
      if (li.dataset.sig === sig) return;
      li.dataset.sig = sig;
      li.replaceChildren();
      li.className = 'entry' + (li.classList.contains('is-new') ? ' is-new' : '');
      li.append(el('span', kindClass(entry.kind), kindLabel(entry.kind)));
      const body = el('p', 'entry-text');
      body.append(el('span', 'entry-words', str(entry.text)));
      const who = el('span', 'entry-who');
      if (p && p.name) who.append(el('span', 'who-name', str(p.name)));
      if (p && (p.countryName || p.country)) who.append(el('span', 'who-country', str(p.countryName || p.country)));
      if (entry.fromRoom) who.append(el('span', 'who-room', t('fromRoom')));
      if (who.childNodes.length) body.append(document.createTextNode(' '), who);
      li.append(body);
    }

    function renderEntries(entries, change) {
      const list = $('pj-entries');
      const all = Array.isArray(entries) ? entries.filter((e) => e && typeof e === 'object') : [];
      const shown = all.slice(-PROJECTOR_ENTRIES).reverse(); // newest first
      const keep = new Set();
      let before = list.firstChild;
      for (const entry of shown) {
        const key = String(entry.number);
        keep.add(key);
        let li = entryNodes.get(key);
        if (!li) {
          li = el('li', 'entry');
          entryNodes.set(key, li);
        }
        fillEntry(li, entry);
        if (li !== before) list.insertBefore(li, before);
        else before = before.nextSibling;
      }
      for (const [key, li] of entryNodes) {
        if (!keep.has(key)) {
          li.remove();
          entryNodes.delete(key);
        }
      }
      if (change && change.type === 'capture' && change.entry) {
        const li = entryNodes.get(String(change.entry.number));
        if (li) {
          li.classList.add('is-new');
          window.setTimeout(() => li.classList.remove('is-new'), 4000);
        }
      }
      show($('pj-empty'), all.length === 0);
      entryCount = all.length;
      fitEntries();
    }

    // Entries that do not fit whole are not shown (no half lines on a
    // projector) and are counted as "+N earlier"; the newest is always shown,
    // faded out at the bottom if it alone is too long.
    let entryCount = 0;

    function fitEntries() {
      const list = $('pj-entries');
      const bottom = list.getBoundingClientRect().bottom;
      let visible = 0;
      let cut = false;
      list.querySelectorAll('li').forEach((li, i) => {
        li.classList.remove('is-cut');
        const fits = !cut && li.getBoundingClientRect().bottom <= bottom + 1;
        if (i === 0) {
          visible = 1;
          cut = !fits;
        } else if (fits) {
          visible += 1;
        } else {
          cut = true;
          li.classList.add('is-cut');
        }
      });
      const first = list.firstElementChild;
      list.classList.toggle('is-overfull', !!first && first.getBoundingClientRect().bottom > bottom + 1);
      const older = entryCount - visible;
      const more = $('pj-more');
      more.textContent = older > 0 ? t('older', { n: older }) : '';
      show(more, older > 0);
    }

    let qrFor = null;

    // Who has the floor and who is next: names only, as text.
    function renderSpeakers(speakers) {
      const valid = speakers && typeof speakers === 'object';
      const floor = valid && speakers.floor && typeof speakers.floor === 'object' ? speakers.floor : null;
      const queue = valid && Array.isArray(speakers.queue) ? speakers.queue.filter((w) => w && typeof w === 'object') : [];
      $('pj-floor-name').textContent = floor ? str(floor.name) : '';
      $('pj-next-names').textContent = queue.map((w) => (w.direct ? '! ' : '') + str(w.name)).join(', ');
      show($('pj-floor'), floor !== null);
      show($('pj-next'), queue.length > 0);
      show($('pj-speakers'), floor !== null || queue.length > 0);
    }

    function renderJoin(join) {
      const url = join && typeof join.phoneURL === 'string' && join.phoneURL ? join.phoneURL : null;
      show($('pj-join-on'), url !== null);
      show($('pj-join-off'), url === null);
      if (url === null) return;
      $('pj-code').textContent = str(join.code);
      // Break the address, when it must, before its path: "http://10.0.0.5:8080" "/j/K7Q2".
      const urlBox = $('pj-url');
      const cut = url.indexOf('/', url.indexOf('//') + 2);
      urlBox.replaceChildren(el('span', null, cut > 0 ? url.slice(0, cut) : url));
      if (cut > 0) urlBox.append(document.createElement('wbr'), el('span', null, url.slice(cut)));
      const qr = $('pj-qr');
      if (qrFor !== url) {
        // A changed address gets a new picture, not the cached one.
        qr.src = qrFor === null ? '/qr.svg' : '/qr.svg?v=' + encodeURIComponent(str(join.code));
        qrFor = url;
      }
    }

    function render(state, change) {
      if (setLanguage(languageOf(state))) {
        // Labels in the entries and clock are in the new language too.
        for (const li of entryNodes.values()) delete li.dataset.sig;
      }
      const m = state.meeting || {};
      const head = [str(m.series), m.number !== undefined && m.number !== null ? str(m.number) : ''].filter(Boolean).join(' ');
      $('pj-meeting').textContent = [head, str(m.title)].filter(Boolean).join(' · ');
      const item = state.item && typeof state.item === 'object' ? state.item : null;
      $('pj-itemno').textContent = item ? t('itemOf', { n: item.number, count: item.count }) : '';
      show($('pj-theme'), !!(item && item.theme));
      const title = item ? str(item.title) : m.ended ? t('ended') : t('noItem');
      const h1 = $('pj-title');
      h1.textContent = title;
      h1.classList.toggle('is-long', title.length > 38);
      h1.classList.toggle('is-very-long', title.length > 80);
      const lesson = state.lesson && typeof state.lesson === 'object' ? state.lesson : null;
      show($('pj-lesson'), lesson !== null);
      $('pj-lesson-title').textContent = lesson ? str(lesson.title) : '';
      renderSpeakers(state.speakers);
      show($('pj-ended'), !!m.ended && item !== null);
      setClock(item);
      renderEntries(state.entries, change);
      renderJoin(state.join);
      const pending = Number(state.pending) || 0;
      const pend = $('pj-pending');
      pend.textContent = pending > 0 ? t('pending', { n: pending }) : '';
      show(pend, pending > 0);
    }

    setLanguage(firstLanguage(), true);
    window.setInterval(renderClock, 250);
    window.addEventListener('resize', fitEntries);
    connect({ query: '', onState: render, onStatus: showConnection });
  }

  // ---------------------------------------------------------------------------
  // Phone.

  function phone() {
    const match = /^\/j\/([^/?#]+)/.exec(window.location.pathname);
    let code = '';
    try {
      code = match ? decodeURIComponent(match[1]).trim().toUpperCase() : '';
    } catch (_) { /* a broken address: no code, the cookie may still do */ }
    const query = code ? '?code=' + encodeURIComponent(code) : '';
    const sentKey = 'rs_sent_' + (code || 'local');
    let sent = store.getJSON(sentKey, []);
    if (!Array.isArray(sent)) sent = [];
    sent = sent.filter((s) => s && typeof s.number === 'number');
    // Statuses seen on the stream, kept briefly: the change can come before
    // the answer to the POST that caused it.
    const seenStatus = new Map();
    let name = store.get('rs_name', '').trim();
    let lastState = null;
    let sending = false;

    const form = $('send-form');
    const textarea = $('send-text');
    const counter = $('send-counter');
    const message = $('send-message');
    const button = $('send-button');

    function setMessage(text, kind) {
      message.textContent = text || '';
      message.className = 'send-message' + (kind ? ' is-' + kind : '');
      show(message, !!text);
    }

    function selectedKind() {
      const checked = form.querySelector('input[name="kind"]:checked');
      return checked && SEND_KINDS.includes(checked.value) ? checked.value : 'tip';
    }

    function updateCounter() {
      const n = textarea.value.length;
      counter.textContent = t('counter', { n, max: MAX_TEXT });
      counter.classList.toggle('is-near', n > MAX_TEXT * 0.9);
    }

    function updatePlaceholder() {
      textarea.placeholder = t('ph_' + selectedKind());
    }

    function renderStatic() {
      updateCounter();
      updatePlaceholder();
      button.textContent = sending ? t('sending') : t('send');
      renderSent();
    }

    // --- name -----------------------------------------------------------------

    function renderNameStep() {
      const hasName = name !== '';
      show($('name-step'), !hasName);
      show($('compose'), hasName);
      $('who-name').textContent = name;
      if (!hasName) $('name-input').value = $('name-input').value || '';
    }

    function setName(value) {
      const v = str(value).trim().slice(0, 120);
      if (!v) {
        $('name-error').textContent = t('errEmptyName');
        show($('name-error'), true);
        $('name-input').focus();
        return;
      }
      name = v;
      store.set('rs_name', name);
      show($('name-error'), false);
      renderNameStep();
      textarea.focus();
    }

    let participantsShown = null;

    function renderParticipants(participants) {
      const list = Array.isArray(participants) ? participants.filter((p) => p && p.name) : [];
      // Rebuilt only when they change: a button must not be replaced under a thumb.
      const sig = JSON.stringify(list.map((p) => [p.name, p.countryName || p.country]));
      if (sig === participantsShown) return;
      participantsShown = sig;
      const datalist = $('participant-names');
      datalist.replaceChildren();
      const picks = $('name-picks');
      picks.replaceChildren();
      for (const p of list) {
        const option = document.createElement('option');
        option.value = str(p.name);
        datalist.append(option);
        const li = el('li');
        const b = el('button', 'pick');
        b.type = 'button';
        b.append(el('span', 'pick-name', str(p.name)));
        if (p.countryName || p.country) b.append(el('span', 'pick-country', str(p.countryName || p.country)));
        b.addEventListener('click', () => setName(p.name));
        li.append(b);
        picks.append(li);
      }
      show($('name-picks-block'), list.length > 0);
    }

    // --- sent list ------------------------------------------------------------

    function rank(status) {
      return status === 'pending' ? 0 : STATUSES.includes(status) ? 1 : -1;
    }

    function saveSent() {
      store.setJSON(sentKey, sent.slice(0, 100));
    }

    function renderSent() {
      const list = $('sent-list');
      list.replaceChildren();
      for (const s of sent) {
        const status = STATUSES.includes(s.status) ? s.status : 'pending';
        const li = el('li', 'sent-item status-' + status);
        li.dataset.number = String(s.number);
        const top = el('p', 'sent-top');
        top.append(el('span', kindClass(s.kind), kindLabel(s.kind)));
        top.append(el('span', 'sent-status', t('status_' + status)));
        li.append(top);
        li.append(el('p', 'sent-text', str(s.text)));
        list.append(li);
      }
      show($('sent-empty'), sent.length === 0);
    }

    // `undo` (the facilitator took an accept or reject back) may go back to
    // pending; anything else never undoes a decision (a late "pending").
    function setStatus(number, status, undo) {
      if (typeof number !== 'number' || !STATUSES.includes(status)) return;
      const prev = seenStatus.get(number);
      if (undo || prev === undefined || rank(status) >= rank(prev)) seenStatus.set(number, status);
      if (seenStatus.size > 500) seenStatus.delete(seenStatus.keys().next().value);
      const s = sent.find((x) => x.number === number);
      if (!s || s.status === status) return;
      if (!undo && rank(status) < rank(s.status)) return;
      s.status = status;
      saveSent();
      renderSent();
      const li = $('sent-list').querySelector('li[data-number="' + number + '"]');
      if (li) {
        li.classList.add('is-changed');
        window.setTimeout(() => li.classList.remove('is-changed'), 4000);
      }
    }

    function onChange(change) {
      if (change.type !== 'submission' && change.type !== 'undo') return;
      const sub = change.submission && typeof change.submission === 'object' ? change.submission : null;
      if (sub) setStatus(sub.number, sub.status, change.type === 'undo');
    }

    // --- state ----------------------------------------------------------------

    function render(state) {
      lastState = state;
      if (setLanguage(languageOf(state))) renderStatic();
      const m = state.meeting || {};
      const head = [str(m.series), m.number !== undefined && m.number !== null ? str(m.number) : ''].filter(Boolean).join(' ');
      $('ph-meeting').textContent = [head, str(m.title)].filter(Boolean).join(' · ');
      const item = state.item && typeof state.item === 'object' ? state.item : null;
      show($('ph-now'), item !== null);
      if (item) {
        $('ph-itemno').textContent = t('itemOf', { n: item.number, count: item.count });
        $('ph-item').textContent = str(item.title);
      }
      const lesson = state.lesson && typeof state.lesson === 'object' ? state.lesson : null;
      show($('ph-lesson'), lesson !== null);
      $('ph-lesson-title').textContent = lesson ? str(lesson.title) : '';
      renderParticipants(state.participants);
      // The state is authoritative: it also brings decisions made while this phone slept.
      if (Array.isArray(state.submissions)) {
        for (const sub of state.submissions) {
          if (sub && typeof sub === 'object') setStatus(sub.number, sub.status, true);
        }
      }
      const ended = !!m.ended;
      show($('ph-ended'), ended);
      button.disabled = ended || sending;
      textarea.disabled = ended;
    }

    // --- sending --------------------------------------------------------------

    // The page's own words for what it knows, in the room's language; the
    // server's sentence (English, for scripts and curl) only for the rest.
    function errorText(status, body) {
      if ([400, 403, 413, 421, 429, 503].includes(status)) return t('err' + status);
      if (body && typeof body.error === 'string' && body.error.trim()) return body.error;
      return t('errOther', { status });
    }

    function submit(ev) {
      ev.preventDefault();
      if (sending) return;
      const text = textarea.value;
      const kind = selectedKind();
      if (!name) {
        renderNameStep();
        return;
      }
      if (!text.trim()) {
        setMessage(t('errEmptyText'), 'error');
        textarea.focus();
        return;
      }
      if (text.length > MAX_TEXT) {
        setMessage(t('errTooLong', { max: MAX_TEXT }), 'error');
        return;
      }
      const body = { name, kind, text };
      if (code) body.code = code;
      sending = true;
      button.disabled = true;
      button.textContent = t('sending');
      setMessage('', null);
      fetch('/api/submissions' + query, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
        body: JSON.stringify(body),
      })
        .then((res) =>
          res
            .json()
            .catch(() => null)
            .then((json) => ({ res, json })))
        .then(({ res, json }) => {
          if (res.ok && json && typeof json.number === 'number') {
            let status = STATUSES.includes(json.status) ? json.status : 'pending';
            const seen = seenStatus.get(json.number);
            if (seen && rank(seen) > rank(status)) status = seen;
            sent = sent.filter((s) => s.number !== json.number);
            sent.unshift({ number: json.number, kind, text, status, at: Date.now() });
            saveSent();
            renderSent();
            textarea.value = '';
            updateCounter();
            setMessage(t('sentOk'), 'ok');
          } else {
            setMessage(errorText(res.status, json), 'error');
          }
        })
        .catch(() => setMessage(t('errNetwork'), 'error'))
        .finally(() => {
          sending = false;
          button.textContent = t('send');
          button.disabled = !!(lastState && lastState.meeting && lastState.meeting.ended);
        });
    }

    // --- wiring ---------------------------------------------------------------

    $('name-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      setName($('name-input').value);
    });
    $('change-name').addEventListener('click', () => {
      $('name-input').value = name;
      name = '';
      renderNameStep();
      $('name-input').focus();
    });
    textarea.maxLength = MAX_TEXT;
    textarea.addEventListener('input', () => {
      updateCounter();
      if (message.classList.contains('is-ok')) setMessage('', null);
    });
    for (const radio of form.querySelectorAll('input[name="kind"]')) radio.addEventListener('change', updatePlaceholder);
    form.addEventListener('submit', submit);
    if (code) $('send-code').value = code;

    setLanguage(firstLanguage(), true);
    renderStatic();
    renderNameStep();
    connect({ query, onState: render, onChange, onStatus: showConnection });
  }

  // ---------------------------------------------------------------------------

  const page = document.body ? document.body.dataset.page : '';
  if (page === 'projector') projector();
  else if (page === 'phone') phone();
})();
