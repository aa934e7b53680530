/* The forecast's stand-in page: the bundle's own tag (tag.js as shipped) runs once per
   visitor-page against a page that is only what the tag reads (window, document, location,
   history, storage, clock, fetch, URL and Object: see PageURL and PageObject), and loads
   draw.js and the stylesheet from the bundle's files as a browser does (integrity checked)
   once an engagement is to show; the drawing is counted rather than painted (countedDrawing,
   below), so impressions are the tag's own.
   The visitor's signals are the events a real page would fire: the site's pushes, scroll,
   the tag's one-second timer, exit intent, a click on Close.
   The decision is the tag's; this file only plays the page and writes down what it saw.
   Run by designer/preview/forecast_engine.py in blank QtWebEngine pages; see forecast_engine.py. */
var ForecastHarness = (function () {
  "use strict";
  var RealDate = Date, tagFactory = null, files = {}, tagName = "", manifestName = "", site = "", sitePages = [];
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

  /* The page's DOM, only as far as tag.js and draw.js use it: nodes in a tree, shadow roots,
     events, and the head that loads a <script> (draw.js) the tag appends. */
  var style = { setProperty: noop }, classList = { add: noop };
  function Node(tag) {
    this.tagName = tag; this.children = []; this.parentNode = null; this.listeners = null;
    this.attrs = {}; this.style = style; this.classList = classList; this.className = ""; this.textContent = "";
    this.shadowRoot = null; this.host = null;
  }
  Node.prototype.setAttribute = function (k, v) { this.attrs[k] = String(v); };
  Node.prototype.getAttribute = function (k) { return k in this.attrs ? this.attrs[k] : null; };
  Node.prototype.appendChild = function (c) {
    if (c.parentNode) c.parentNode.removeChild(c);
    c.parentNode = this; this.children.push(c);
    return c;
  };
  Node.prototype.removeChild = function (c) {
    var i = this.children.indexOf(c);
    if (i >= 0) this.children.splice(i, 1);
    c.parentNode = null;
    return c;
  };
  Node.prototype.remove = function () { if (this.parentNode) this.parentNode.removeChild(this); };
  Node.prototype.attachShadow = function () {
    var root = new Node("#shadow-root");
    root.host = this;
    return (this.shadowRoot = root);
  };
  Object.defineProperty(Node.prototype, "isConnected", {
    get: function () {
      for (var n = this; n; n = n.parentNode || n.host) if (n.tagName === "#document") return true;
      return false;
    }
  });
  Node.prototype.addEventListener = function (name, fn) {
    this.listeners = this.listeners || {};
    (this.listeners[name] = this.listeners[name] || []).push(fn);
  };
  Node.prototype.fire = function (name, ev) {
    ((this.listeners || {})[name] || []).slice().forEach(function (fn) { fn(ev); });
  };
  Node.prototype.find = function (test) {  // depth first, into open shadow roots too
    if (test(this)) return this;
    var kids = this.shadowRoot ? this.children.concat([this.shadowRoot]) : this.children;
    for (var i = 0; i < kids.length; i++) { var hit = kids[i].find(test); if (hit) return hit; }
    return null;
  };
  Node.prototype.showPopover = noop;
  Node.prototype.getBoundingClientRect = function () { return { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 }; };
  Node.prototype.clientWidth = 0;
  function StyleSheet() {}  // the tag's constructable stylesheet: nothing is painted here
  StyleSheet.prototype.replaceSync = noop;

  /* Promises settled at once: the bundle's files are here already, so fetch and the script
     load complete without a wait (a page whose network answers instantly). */
  function Soon(run) {
    var self = this;
    this.state = 0; this.value = undefined; this.waiting = null; this.busy = 0;
    if (!run) return;  // settled by its maker (then, resolve, reject)
    try { run(function (v) { self.settle(1, v); }, function (e) { self.settle(2, e); }); } catch (e) { self.settle(2, e); }
  }
  Soon.prototype.settle = function (state, value) {
    var self = this, waiting = this.waiting;
    if (this.state || this.busy) return;
    if (state === 1 && value && typeof value.then === "function") {
      this.busy = 1;
      value.then(function (v) { self.busy = 0; self.settle(1, v); }, function (e) { self.busy = 0; self.settle(2, e); });
      return;
    }
    this.state = state; this.value = value; this.waiting = null;
    if (waiting) waiting.forEach(function (fn) { fn(); });
  };
  function follow(from, next, ok, fail) {  // next settles as `from.then(ok, fail)` would
    var fn = from.state === 1 ? ok : fail, value;
    if (typeof fn !== "function") { next.settle(from.state, from.value); return; }
    try { value = fn(from.value); } catch (e) { next.settle(2, e); return; }
    next.settle(1, value);
  }
  Soon.prototype.then = function (ok, fail) {
    var self = this, next = new Soon(null);
    if (this.state) follow(this, next, ok, fail);
    else (this.waiting = this.waiting || []).push(function () { follow(self, next, ok, fail); });
    return next;
  };
  Soon.prototype["catch"] = function (fail) { return this.then(undefined, fail); };
  Soon.resolve = function (v) { var s = new Soon(null); s.settle(1, v); return s; };
  Soon.reject = function (e) { var s = new Soon(null); s.settle(2, e); return s; };
  Soon.all = function (items) {
    return new Soon(function (resolve, reject) {
      var out = [], left = items.length;
      if (!left) resolve(out);
      items.forEach(function (p, i) { Soon.resolve(p).then(function (v) { out[i] = v; if (--left === 0) resolve(out); }, reject); });
    });
  };

  /* The bundle's files, served at their exported names and checked as a browser checks them. */
  function served(url, integrity) {
    var name = String(url).split("/").pop(), file = files[name];
    if (!file) return null;
    return integrity && integrity !== file.integrity ? null : file;
  }
  function fetchFile(url, options) {
    var file = served(url, options && options.integrity);
    if (!file) return Soon.reject(new TypeError("Failed to fetch"));
    return Soon.resolve({
      ok: true, status: 200,
      json: function () { return Soon.resolve(file.data); }, text: function () { return Soon.resolve(file.text); }
    });
  }
  function loadScript(win, doc, location, s) {  // a <script src> the tag appended (draw.js), run as a browser would
    var file = served(s.src, s.integrity), before = doc.currentScript;
    if (!file || !file.run) { if (s.onerror) s.onerror({}); return; }
    doc.currentScript = s;
    try { file.run(win, doc, location); } finally { doc.currentScript = before; }
    if (s.onload) s.onload({});
  }

  /* Drawing, counted rather than painted: the tag still loads draw.js (its integrity checked)
     and hands it its context, but what runs is this stand-in, which puts a host element where
     draw.js puts it (the top layer, or the page element) and gives a proactive design with a
     Close element the visitor's click. A design the shipped draw.js cannot draw (tried once per
     engine, in load) fails here with draw.js's own message, so the tag's reasons are the same. */
  var cannotDraw = new Map();
  function countedDrawing(win, doc) {
    doc.currentScript.define(function (tag) {
      var layer = null;
      function draw(e, design) {
        if (cannotDraw.has(design)) throw new Error(cannotDraw.get(design));
        var host = doc.createElement("ed-engagement");
        if (e.zone === "proactive" && (design.elements || []).some(function (el) { return el.kind === "close"; })) {
          Object.assign(host, { close: function () { tag.decline(e); } });  // see pageWorld
        }
        if (e.zone === "embedded") return doc.getElementById(e.element_id).appendChild(host);
        if (!layer || !layer.isConnected) layer = doc.documentElement.appendChild(doc.createElement("ed-layer"));
        return layer.appendChild(host);
      }
      return { draw: draw, arrange: noop, follow: noop };
    });
  }
  function tryDrawing(data, real) {  // the shipped draw.js on a scratch page, each design once
    var doc = new Node("#document"), html = doc.appendChild(new Node("html")), win = new Node("#window"), factory = null;
    doc.documentElement = html; doc.head = html.appendChild(new Node("head")); doc.body = html.appendChild(new Node("body"));
    doc.createElement = function (tag) { return new Node(tag); };
    doc.getElementById = function () { return doc.body.appendChild(new Node("div")); };
    doc.currentScript = { define: function (fn) { factory = fn; } };
    win.innerWidth = 1280; win.innerHeight = 800;
    real(win, doc, new URL(site + "/"));
    if (!factory) throw new Error("draw.js defined no drawing code");  // the tag will say so, painting
    var drawer = factory({
      sheet: new StyleSheet(), asset: function (path) { return new URL(path, site + "/_engagements/").href; },
      act: noop, decline: noop, shown: {}, window_target: function () { return ["embedded", ""]; },
      say: String, blocked: "", files: data.files || {}, nonce: ""
    });
    (data.engagements || []).forEach(function (e) {
      Object.keys(e.designs || {}).forEach(function (state) {
        try { drawer.draw(e, e.designs[state]); } catch (err) { cannotDraw.set(e.designs[state], err.message); }
      });
    });
  }

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

  /* Object as the tag sees it: the page's own, but for the getter and setter the tag puts on
     window.EngagementTag. A real window keeps them in an accessor pair; V8 allocates that pair
     long-lived, and it would keep the page, and the tag on it, alive until a full collection
     (see pageWorld). Here the property takes what the getter gives (the tag's API), which is
     all a page reads of it after the tag has run (the site's later `= []` is not played). */
  var PageObject = Object.create(Object, {
    defineProperty: {
      value: function (o, name, d) {
        if (name !== "EngagementTag" || !(o instanceof Node) || !d.get) return Object.defineProperty(o, name, d);
        o[name] = d.get();
        return o;
      }
    }
  });

  /* URL as the tag sees it: the browser's own parsing, once per address and base (the same few
     addresses come back on every visitor-page), given as a plain object with every field of a
     URL. A real URL's fields are read through the browser's bindings, a new string each time;
     the tag reads them in every decision. Nothing changes a URL after it is made, so one
     object serves every page that asks for the same address. */
  var URL_FIELDS = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];
  var urlShape = { toString: function () { return this.href; }, toJSON: function () { return this.href; } };
  var parsedUrls = new Map();
  function PageURL(url, base) {
    var key = base === undefined ? String(url) : url + "\n" + base, out = parsedUrls.get(key);
    if (out) return out;
    var real = base === undefined ? new URL(url) : new URL(url, base);  // throws as the browser does
    out = Object.create(urlShape);
    URL_FIELDS.forEach(function (k) { out[k] = real[k]; });
    out.searchParams = real.searchParams;
    if (parsedUrls.size >= 10000) parsedUrls.clear();  // a site of many addresses: parsed again
    parsedUrls.set(key, Object.freeze(out));
    return out;
  }

  var SCREENS = { desktop: [1920, 1080, 1280, 800], tablet: [820, 1180, 820, 1180], phone: [390, 844, 390, 844] };

  /* One visitor-page: a fresh page with the tag on it; returns the impressions it made. */
  // The page a visitor-page happens on: its document, window, storage and screen.
  // The functions its objects carry are given in object literals, never written one by one
  // (`doc.f = function ...`): V8 allocates a function written straight into a property as
  // long-lived, and such a function keeps its page, and the tag on it, alive until a full
  // collection (the minor collections then copied every page: a third of the engines' time).
  function pageWorld(v, p, index, rnd) {
    var info = sitePages[p.p], screenSize = SCREENS[v.device] || SCREENS.desktop, touch = v.device !== "desktop";
    var width = v.device === "phone" && !v.meta ? 980 : screenSize[2], height = screenSize[3];
    var doc = new Node("#document"), html = doc.appendChild(new Node("html"));
    var head = html.appendChild(new Node("head")), body = html.appendChild(new Node("body"));
    var win = new Node("#window"), script = new Node("script"), timers = [], ids = {};
    var location = new PageURL(site + info.path + (index === 0 ? v.query || "" : ""));
    (info.element_ids || []).forEach(function (id) { ids[id] = body.appendChild(new Node("div")); });
    script.src = site + "/_engagements/" + tagName;
    script.setAttribute("data-manifest", manifestName);
    head.appendChild(script);
    Object.assign(head, {
      appendChild: function (c) {  // a script the tag adds loads and runs (draw.js)
        Node.prototype.appendChild.call(this, c);
        if (c.tagName === "script" && c.src) loadScript(win, doc, location, c);
        return c;
      }
    });
    html.scrollHeight = 3000;
    Object.assign(doc, {
      currentScript: script, body: body, head: head, documentElement: html,
      referrer: index === 0 ? v.referrer || "" : site + sitePages[v.pages[index - 1].p].path,
      createElement: function (tag) { return new Node(tag); },
      getElementById: function (id) { return ids[id] && ids[id].isConnected ? ids[id] : null; },
      querySelector: function (sel) { return /viewport/.test(sel) && v.meta ? head : null; }
    });
    Object.assign(win, {
      localStorage: new Storage(v.local), sessionStorage: new Storage(v.session),
      crypto: { getRandomValues: function (bytes) { for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256); return bytes; } },
      matchMedia: function (q) { return { matches: touch && /coarse/.test(q) }; },
      innerWidth: width, innerHeight: height, scrollY: 0,
      setInterval: function (fn) { timers.push(fn); return timers.length; },
      requestAnimationFrame: function (fn) { fn(); return 1; },
      console: { warn: function (m) { if (warnings.length < 20 && warnings.indexOf(String(m)) < 0) warnings.push(String(m)); }, error: noop, log: noop },
      open: function () { return null; }
    });
    return {
      doc: doc, html: html, win: win, location: location, timers: timers, height: height, info: info,
      history: { pushState: noop, replaceState: noop },  // a multi-page site: no route changes within a page
      nav: { maxTouchPoints: touch ? 5 : 0 }, scr: { width: screenSize[0], height: screenSize[1] }
    };
  }

  // The visitor's time on the page: the tag's timers, a scroll, a close of what shows, an exit.
  function playVisit(world, p, clock) {
    var html = world.html, win = world.win, doc = world.doc;
    var start = clock.t, seconds = p.s, end = start + seconds * 1000;
    function tick(at) { clock.t = Math.max(clock.t, at); world.timers.forEach(function (fn) { fn(); }); }
    function declineShown() {  // the visitor closes the invitation, as a real one clicks its Close
      if (!(p.f & 1)) return;
      html.children.forEach(function (layer) {
        if (layer.tagName !== "ed-layer") return;
        layer.children.slice().forEach(function (host) {
          if (host.close) { clock.t += 2000; host.close(); }
        });
      });
    }
    declineShown();
    var moments = tickAt.filter(function (s) { return s < seconds; }).map(function (s) { return { t: start + s * 1000 }; });
    if (p.sc && reads.scroll) moments.push({ t: start + Math.min(seconds / 2, 20) * 1000, scroll: true });
    moments.sort(function (a, b) { return a.t - b.t; });
    moments.forEach(function (m) {
      if (m.scroll) {
        clock.t = Math.max(clock.t, m.t);
        win.scrollY = (p.sc / 100) * Math.max(0, doc.documentElement.scrollHeight - world.height);
        win.fire("scroll", {});
      } else tick(m.t);
      declineShown();
    });
    if (p.f & 2 && reads.exit) { clock.t = Math.max(clock.t, end - 1000); doc.fire("mouseout", { relatedTarget: null, clientY: 0 }); declineShown(); }
    clock.t = Math.max(clock.t, end);
  }

  // Each reason the tag gave for not showing an engagement, once per visitor.
  function tallyMisses(decisions, seen) {
    decisions.forEach(function (d) {
      if (d.shows) return;
      var s = sentenceId(d.reason);
      var mine = seen.misses[d.id] = seen.misses[d.id] || [];
      if (mine.indexOf(s) < 0) mine.push(s);
    });
  }

  function page(v, p, index, clock, rnd, seen) {
    var world = pageWorld(v, p, index, rnd), win = world.win, impressions = [];
    var queue = pushes(p, world.info);
    queue.push(function (api) {
      api.on("impression", function (d) { impressions.push([d.engagement, index, d.state === "online" ? 0 : d.state === "busy" ? 2 : 1, clock.t]); });
      api.on("decline", function (d) { seen.declined.push(d.engagement); });
    });
    win.EngagementTag = queue;  // the site's queue; the tag turns it into its API (PageObject)
    function FakeDate(value) { return arguments.length ? new RealDate(value) : new RealDate(clock.t); }
    Object.assign(FakeDate, { now: function () { return clock.t; } });  // see pageWorld
    tagFactory(win, world.doc, world.location, world.history, world.scr, world.nav, FakeDate, fetchFile, Soon, StyleSheet, PageObject, PageURL);
    var api = win.EngagementTag;
    playVisit(world, p, clock);
    tallyMisses(api.decisions(), seen);
    return impressions;
  }


  function visitorPage(p) {  // see forecast_population.PAGE_FIELDS
    return { p: p[0], t: p[1], s: p[2], f: p[3], sc: p[4], c: p[5] };
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
    return { shown: shown, misses: misses, declined: seen.declined };
  }

  return {
    standIns: { URL: PageURL, Object: PageObject },  // what the tag is given for the browser's own (tests compare them)
    /* factory: tag.js as a function of the page globals; bundle: {name: {integrity, text | data
       | run}}, the files the tag may load (run: draw.js as a function of window, document,
       location); names: the tag's and the manifest's. */
    load: function (factory, bundle, names, origin, pages) {
      tagFactory = factory; files = bundle; tagName = names.tag; manifestName = names.manifest;
      site = origin; sitePages = pages;
      var data = files[manifestName].data, drawing = files[names.draw];
      if (drawing && drawing.run) {
        try { tryDrawing(data, drawing.run); drawing.run = countedDrawing; } catch (e) { cannotDraw.clear(); }  // else painted
      }
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
      var out = JSON.parse(text).map(function (v) {  // see forecast_engine.wire
        return visitor({ seed: v[0], id: v[1], visits: v[2], device: v[3], meta: v[4], query: v[5], referrer: v[6], pages: v[7].map(visitorPage) });
      }), first = reported;
      reported = sentences.length;
      return JSON.stringify({ visitors: out, first: first, sentences: sentences.slice(first), warnings: warnings });
    }
  };
})();
