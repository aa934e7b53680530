/* The forecast's stand-in page: the bundle's own tag (tag.js as shipped) runs once per
   visitor-page against a page that is only what the tag reads (window, document, location,
   storage, clock), and the visitor's signals are the events a real page would fire:
   the site's pushes, scroll, the tag's one-second timer, exit intent, a click on Close.
   The decision is the tag's; this file only plays the page and writes down what it saw.
   Run by designer/preview/forecast_engine.py in a QJSEngine; see forecast_engine.py. */
var ForecastHarness = (function () {
  "use strict";
  var RealDate = Date, tagFactory = null, manifest = null, site = "", intl = null, sitePages = [];
  var sentences = [], sentenceIds = {}, warnings = [], tickAt = [], reads = {}, reported = 0;

  function sentenceId(text) {
    if (!(text in sentenceIds)) { sentenceIds[text] = sentences.length; sentences.push(text); }
    return sentenceIds[text];
  }
  function noop() {}

  function Storage(map) { this.map = map; }
  Storage.prototype.getItem = function (k) { return Object.prototype.hasOwnProperty.call(this.map, k) ? this.map[k] : null; };
  Storage.prototype.setItem = function (k, v) { this.map[k] = String(v); };
  Storage.prototype.removeItem = function (k) { delete this.map[k]; };

  var style = { setProperty: noop };
  function Node(tag) {
    this.tagName = tag; this.children = []; this.parentNode = null; this.listeners = null;
    this.attrs = {}; this.style = style; this.className = ""; this.textContent = "";
  }
  Node.prototype.setAttribute = function (k, v) { this.attrs[k] = String(v); };
  Node.prototype.getAttribute = function (k) { return k in this.attrs ? this.attrs[k] : null; };
  Node.prototype.appendChild = function (c) { c.parentNode = this; this.children.push(c); return c; };
  Node.prototype.removeChild = function (c) {
    var i = this.children.indexOf(c);
    if (i >= 0) this.children.splice(i, 1);
    c.parentNode = null;
    return c;
  };
  Node.prototype.addEventListener = function (name, fn) {
    this.listeners = this.listeners || {};
    (this.listeners[name] = this.listeners[name] || []).push(fn);
  };
  Node.prototype.fire = function (name, ev) {
    ((this.listeners || {})[name] || []).slice().forEach(function (fn) { fn(ev); });
  };
  Node.prototype.find = function (test) {
    if (test(this)) return this;
    for (var i = 0; i < this.children.length; i++) { var hit = this.children[i].find(test); if (hit) return hit; }
    return null;
  };
  Node.prototype.getBoundingClientRect = function () { return { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 }; };
  Node.prototype.clientWidth = 0;

  function syncThen(value) {  // fetch's promise, kept synchronous: the manifest is here already
    return { then: function (ok) { var r = ok(value); return r && typeof r.then === "function" ? r : syncThen(r); } };
  }
  function fetchManifest() { return syncThen({ ok: true, status: 200, json: function () { return manifest; } }); }

  function random(seed) {  // mulberry32: the visitor's browser randomness, the same every run
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function pushes(p, info) {  // what the site's data layer pushes on this page, before the tag loads
    var out = [];
    if (info.product) out.push({ type: "viewed_product", product: info.product });
    if (p.c) {
      if (p.c[1] != null) out.push({ type: "cart", value: p.c[1], products: p.c[2] });
      out.push({ type: "cart", value: p.c[0], products: p.c[2] });
    }
    return out;
  }

  var SCREENS = { desktop: [1920, 1080, 1280, 800], tablet: [820, 1180, 820, 1180], phone: [390, 844, 390, 844] };

  /* One visitor-page: a fresh page with the tag on it; returns the impressions it made. */
  function page(v, p, index, clock, rnd, seen) {
    var info = sitePages[p.p], screenSize = SCREENS[v.device] || SCREENS.desktop, touch = v.device !== "desktop";
    var width = v.device === "phone" && !v.meta ? 980 : screenSize[2], height = screenSize[3];
    var body = new Node("body"), head = new Node("head"), doc = new Node("#document"), win = new Node("#window");
    var script = new Node("script"), timers = [], ids = {};
    (info.element_ids || []).forEach(function (id) { ids[id] = body.appendChild(new Node("div")); });
    script.src = site + "/_engagements/tag.js";
    script.setAttribute("data-manifest", "engagements.json");
    doc.currentScript = script; doc.body = body; doc.head = head;
    doc.documentElement = { scrollHeight: 3000 };
    doc.referrer = index === 0 ? v.referrer || "" : site + sitePages[v.pages[index - 1].p].path;
    doc.createElement = function (tag) { return new Node(tag); };
    doc.getElementById = function (id) { return ids[id] || null; };
    doc.querySelector = function (sel) { return /viewport/.test(sel) && v.meta ? head : null; };
    win.localStorage = new Storage(v.local);
    win.sessionStorage = new Storage(v.session);
    win.crypto = { getRandomValues: function (bytes) { for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256); return bytes; } };
    win.matchMedia = function (q) { return { matches: touch && /coarse/.test(q) }; };
    win.innerWidth = width; win.innerHeight = height; win.scrollY = 0;
    win.setInterval = function (fn) { timers.push(fn); return timers.length; };
    win.requestAnimationFrame = function (fn) { fn(); return 1; };
    win.console = { warn: function (m) { if (warnings.length < 20 && warnings.indexOf(String(m)) < 0) warnings.push(String(m)); }, error: noop, log: noop };
    win.open = function () { return null; };
    var impressions = [];
    var queue = pushes(p, info);
    queue.push(function (api) {
      api.on("impression", function (d) { impressions.push([d.engagement, index, d.state === "online" ? 0 : d.state === "busy" ? 2 : 1, clock.t]); });
      api.on("decline", function (d) { seen.declined.push(d.engagement); });
    });
    win.EngagementTag = queue;
    function FakeDate(value) { return arguments.length ? new RealDate(value) : new RealDate(clock.t); }
    FakeDate.now = function () { return clock.t; };
    var location = new URL(site + info.path + (index === 0 ? v.query || "" : ""));
    var nav = { maxTouchPoints: touch ? 5 : 0 }, scr = { width: screenSize[0], height: screenSize[1] };
    tagFactory(win, doc, location, scr, nav, FakeDate, fetchManifest, intl);
    var api = win.EngagementTag, start = clock.t, seconds = p.s, end = start + seconds * 1000;
    function tick(at) { clock.t = Math.max(clock.t, at); timers.forEach(function (fn) { fn(); }); }
    function declineShown() {  // the visitor closes the invitation, as a real one clicks its Close
      if (!(p.f & 1)) return;
      body.children.slice().forEach(function (el) {
        if (!/ed-zone-proactive/.test(el.className)) return;
        var close = el.find(function (n) { return n.className === "ed-close"; });
        if (close) { clock.t += 2000; close.fire("click", { stopPropagation: noop }); }
      });
    }
    declineShown();
    var moments = tickAt.filter(function (s) { return s < seconds; }).map(function (s) { return { t: start + s * 1000 }; });
    if (p.sc && reads.scroll) moments.push({ t: start + Math.min(seconds / 2, 20) * 1000, scroll: true });
    moments.sort(function (a, b) { return a.t - b.t; });
    moments.forEach(function (m) {
      if (m.scroll) {
        clock.t = Math.max(clock.t, m.t);
        win.scrollY = (p.sc / 100) * Math.max(0, doc.documentElement.scrollHeight - height);
        win.fire("scroll", {});
      } else tick(m.t);
      declineShown();
    });
    if (p.f & 2 && reads.exit) { clock.t = Math.max(clock.t, end - 1000); doc.fire("mouseout", { relatedTarget: null, clientY: 0 }); declineShown(); }
    clock.t = Math.max(clock.t, end);
    var decisions = api.decisions(), last = [];
    decisions.forEach(function (d) {
      if (d.shows) { last.push(-1); return; }
      var s = sentenceId(d.reason);
      last.push(s);
      var mine = seen.misses[d.id] = seen.misses[d.id] || [];
      if (mine.indexOf(s) < 0) mine.push(s);
    });
    return impressions;
  }

  /* A visitor: their pages one after the other, the browser's storage kept between them. */
  function visitor(v) {
    var clock = { t: v.pages.length ? v.pages[0].t : 0 }, rnd = random(v.seed), seen = { misses: {}, declined: [] };
    var shown = [];
    v.local = v.visits ? { ed_visitor: JSON.stringify({ id: v.id, visits: v.visits }) } : {};
    v.session = {};
    v.pages.forEach(function (p, i) {
      clock.t = Math.max(clock.t, p.t);
      shown = shown.concat(page(v, p, i, clock, rnd, seen));
    });
    var misses = [];
    Object.keys(seen.misses).forEach(function (id) { misses.push([+id].concat(seen.misses[id])); });
    return { i: v.index, shown: shown, misses: misses, declined: seen.declined };
  }

  /* Intl.DateTimeFormat for an engine without Intl: the zones' UTC offsets, from Python's zoneinfo. */
  function zonesIntl(offsets) {
    var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    function two(n) { return (n < 10 ? "0" : "") + n; }
    function DateTimeFormat(locale, options) {
      var table = offsets[options.timeZone];
      if (!table) throw new RangeError("Invalid time zone specified: " + options.timeZone);
      this.table = table;
    }
    DateTimeFormat.prototype.formatToParts = function (at) {
      var t = at.getTime(), table = this.table, lo = 0, hi = table.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (table[mid][0] <= t) lo = mid; else hi = mid - 1; }
      var d = new RealDate(t + table[lo][1] * 60000);
      return [
        { type: "weekday", value: DAYS[d.getUTCDay()] }, { type: "month", value: two(d.getUTCMonth() + 1) },
        { type: "day", value: two(d.getUTCDate()) }, { type: "year", value: String(d.getUTCFullYear()) },
        { type: "hour", value: two(d.getUTCHours()) }, { type: "minute", value: two(d.getUTCMinutes()) }
      ];
    };
    return { DateTimeFormat: DateTimeFormat };
  }

  return {
    zones: zonesIntl,
    load: function (factory, data, origin, pages, intlShim) {
      tagFactory = factory; manifest = data; site = origin; sitePages = pages; intl = intlShim;
      // Events no rule reads change no decision: the page fires only those some behavior reads.
      var seconds = {};
      reads = {};
      (data.behaviors || []).forEach(function (b) {
        (b.conditions || []).forEach(function (c) {
          if (c.type === "time_on_entry_point") seconds[c.seconds] = 1;
          if (c.type === "scroll_depth") reads.scroll = true;
          if (c.type === "exit_intent") reads.exit = true;
        });
      });
      tickAt = Object.keys(seconds).map(Number).sort(function (a, b) { return a - b; });
    },
    run: function (text) {  // the sentences met for the first time in this batch come with it
      var out = JSON.parse(text).map(visitor), first = reported;
      reported = sentences.length;
      return JSON.stringify({ visitors: out, first: first, sentences: sentences.slice(first), warnings: warnings });
    }
  };
})();
