/* Engagement Designer runtime tag: decides which engagements show and renders them.
   Plain JavaScript, no dependencies, no eval, no innerHTML, no style attributes:
   it runs under a strict nonce-based Content-Security-Policy. See MANIFEST.md. */
(function () {
  "use strict";
  var W = window, D = document;
  if (W.EngagementTag && W.EngagementTag.decisions) return;
  var script = D.currentScript;
  var base = script ? script.src.replace(/[^/]*([?#].*)?$/, "") : "";
  var nonce = script ? script.nonce || script.getAttribute("nonce") || "" : "";
  var queued = Array.isArray(W.EngagementTag) ? W.EngagementTag : [];
  var manifest = null, preview = {}, listeners = {}, transport = null, windowModule = null;
  var shown = {}, regexCache = {}, fmtCache = {}, undrawable = {};
  var loadedAt = Date.now();
  var visitor = {
    attributes: {}, sections: [], cart: null, cartBefore: null, viewed: [], errors: [],
    activities: [], keywords: [], source: "", geo: "", customer: {}, agentStates: {},
    exitIntent: false, scroll: 0
  };
  var WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  /* ---------- storage that never throws (private modes, sandboxed frames) ---------- */
  var memory = {};
  function store(kind) {
    var s = null;
    try { s = W[kind]; s.setItem("ed_probe", "1"); s.removeItem("ed_probe"); } catch (e) { s = null; }
    return {
      get: function (k, d) {
        try { var v = s ? s.getItem(k) : memory[kind + k]; return v == null ? d : JSON.parse(v); } catch (e) { return d; }
      },
      set: function (k, v) {
        var text = JSON.stringify(v);
        try { if (s) s.setItem(k, text); else memory[kind + k] = text; } catch (e) { memory[kind + k] = text; }
      }
    };
  }
  var local = store("localStorage"), session = store("sessionStorage");

  function hash(text) {  // FNV-1a, 32 bits: a stable number for a visitor and a purpose
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }
  function randomId() {
    var bytes = new Uint8Array(16);
    W.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  var profile = local.get("ed_visitor", null);
  if (!profile || typeof profile.id !== "string") profile = { id: randomId(), visits: 0 };
  profile.visits = +profile.visits || 0;
  var visit = session.get("ed_visit", null), LISTS = ["pages", "exposed", "clicked", "declined", "closed", "goals"];
  if (!visit || typeof visit !== "object" || !LISTS.every(function (k) { return Array.isArray(visit[k]); })) {
    profile.visits += 1;  // a new visit (or a record someone damaged: started afresh)
    visit = { displays: {} };
    LISTS.forEach(function (k) { visit[k] = []; });
  }
  if (!visit.displays || typeof visit.displays !== "object") visit.displays = {};
  local.set("ed_visitor", profile);
  visit.pages.push(location.pathname + location.search);
  if (visit.pages.length > 100) visit.pages.shift();
  function saveVisit() { session.set("ed_visit", visit); }
  saveVisit();

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { W.console.error(e); }
    });
  }
  function mark(list, id) { if (visit[list].indexOf(id) < 0) { visit[list].push(id); saveVisit(); } }
  function quote(text) { return "\u201c" + text + "\u201d"; }
  function lower(v) { return String(v == null ? "" : v).toLowerCase(); }
  function list(v) { return Array.isArray(v) ? v : v == null || v === "" ? [] : [v]; }
  function anyIn(wanted, have) {
    have = have.map(lower);
    return list(wanted).some(function (w) { return have.indexOf(lower(w)) >= 0; });
  }

  /* ---------- the visitor's circumstances ---------- */
  function visitorId() { return preview.visitor_id ? String(preview.visitor_id) : profile.id; }
  function now() { return preview.now != null ? new Date(preview.now) : new Date(); }
  function pageUrl() { return preview.url ? new URL(preview.url, location.href) : location; }
  function device() {
    if (preview.device) return preview.device;
    // a touch laptop's primary pointer is still fine: only a coarse primary pointer is a phone or tablet
    var touch = W.matchMedia ? W.matchMedia("(pointer: coarse)").matches : (navigator.maxTouchPoints || 0) > 0;
    var short = Math.min(screen.width, screen.height);
    return !touch ? "desktop" : short < 600 ? "phone" : "tablet";
  }
  function returning() { return preview.returning != null ? !!preview.returning : profile.visits > 1; }
  function secondsOnPage() {
    return preview.time_on_page != null ? preview.time_on_page : (Date.now() - loadedAt) / 1000;
  }
  function scrollDepth() { return preview.scroll_depth != null ? preview.scroll_depth : visitor.scroll; }
  function exitIntent() { return preview.exit_intent != null ? !!preview.exit_intent : visitor.exitIntent; }
  function referrer() { return preview.referrer != null ? preview.referrer : D.referrer; }
  function externalReferrer() {
    var r = referrer();
    try { return r && new URL(r).host !== location.host ? r : ""; } catch (e) { return ""; }
  }
  function marketingSource() {
    if (visitor.source) return visitor.source;
    var params = pageUrl().search ? new URLSearchParams(pageUrl().search) : new URLSearchParams("");
    var medium = lower(params.get("utm_medium"));
    if (medium) {
      if (/cpc|ppc|paid/.test(medium)) return "paid_search";
      if (/mail/.test(medium)) return "email";
      if (/display|banner/.test(medium)) return "display";
      if (/social/.test(medium)) return "social";
      return params.get("utm_source") || medium;
    }
    var ref = externalReferrer();
    if (!ref) return "direct";
    return /google\.|bing\.|duckduckgo\.|yahoo\.|ecosia\./.test(ref) ? "search" : "referral";
  }
  function searchKeywords() {
    var words = visitor.keywords.slice();
    try {
      var q = new URL(externalReferrer()).searchParams;
      ["q", "p", "query", "text"].forEach(function (k) { if (q.get(k)) words = words.concat(q.get(k).split(/\s+/)); });
    } catch (e) { /* no referrer or not a URL: only pushed keywords count */ }
    return words;
  }

  /* ---------- time: the campaign's and the scheduler's local clock ---------- */
  function localTime(zone, at) {
    var key = zone || "UTC", fmt = fmtCache[key];
    if (!fmt) {
      fmt = fmtCache[key] = new Intl.DateTimeFormat("en-US", {
        timeZone: key, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", weekday: "short"
      });
    }
    var p = {};
    fmt.formatToParts(at).forEach(function (part) { p[part.type] = part.value; });
    var date = p.year + "-" + p.month + "-" + p.day, time = p.hour + ":" + p.minute;
    return {
      date: date, stamp: date + "T" + time, minute: +p.hour * 60 + +p.minute, text: time,
      weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday)
    };
  }
  function inShifts(shifts, t) {
    return shifts.some(function (s) { return s.start <= t.minute && t.minute < s.end; });
  }
  function timeFrameReason(campaign, at) {
    var tf = campaign.time_frame || {}, zone = tf.time_zone || "UTC", t;
    try { t = localTime(zone, at); } catch (e) {
      return "The campaign's time zone " + quote(zone) + " is unknown to this browser, so it never shows.";
    }
    if (tf.starts_at && t.stamp < tf.starts_at) {
      return "The campaign " + quote(campaign.name) + " starts " + tf.starts_at.replace("T", " ") + " (" + zone + ").";
    }
    if (tf.ends_at && t.stamp > tf.ends_at) {
      return "The campaign " + quote(campaign.name) + " ended " + tf.ends_at.replace("T", " ") + " (" + zone + ").";
    }
    var occasion = (tf.special_occasions || []).filter(function (o) { return o.date === t.date; })[0];
    var when = WEEKDAYS[t.weekday] + " " + t.text + " (" + zone + ")";
    if (occasion) {
      if (occasion.closed) return "The campaign is closed today for " + quote(occasion.name) + ".";
      return inShifts([occasion], t) ? null
        : "The campaign's hours for " + quote(occasion.name) + " do not include " + t.text + " (" + zone + ").";
    }
    var mode = tf.hours_mode || "all_hours", shifts = tf.shifts || [];
    if (mode === "weekly") shifts = shifts.filter(function (s) { return s.weekday === t.weekday; });
    if (mode !== "all_hours" && !inShifts(shifts, t)) return "The campaign's hours do not include " + when + ".";
    return null;
  }
  function agentState(engagement, at) {
    var skill = engagement.skill, forced = preview.agent_state;
    if (forced) return forced;
    var pushed = visitor.agentStates[skill == null ? "*" : skill] || visitor.agentStates["*"];
    if (pushed) return pushed;
    var acc = manifest.account, sched = acc.scheduler || {}, all = sched.shifts || [];
    if (!all.length) return "online";  // no scheduler: agents are always there
    var t;
    try { t = localTime(acc.time_zone, at); } catch (e) { return "offline"; }
    var mine = function (x) { return skill == null || x.skill == null || x.skill === skill; };
    var holiday = (sched.holidays || []).some(function (h) { return h.date === t.date && mine(h); });
    if (holiday) return "offline";
    return inShifts(all.filter(function (s) { return s.weekday === t.weekday && mine(s); }), t) ? "online" : "offline";
  }

  /* ---------- entry points ---------- */
  function regex(pattern) {
    if (!(pattern in regexCache)) {
      try { regexCache[pattern] = new RegExp(pattern); } catch (e) { regexCache[pattern] = null; }
    }
    return regexCache[pattern];
  }
  function ruleMatches(rule, url) {
    var value = String(rule.value || ""), full = /^https?:/i.test(value);
    var subject = full ? url.href.replace(/#.*$/, "") : rule.match === "contains" ? url.pathname + url.search : url.pathname;
    switch (rule.match) {
      case "equals": return subject === value;
      case "contains": return subject.indexOf(value) >= 0;
      case "starts_with": return subject.indexOf(value) === 0;
      case "wildcard": {
        var pattern = "^" + value.split("*").map(function (part) {
          return part.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
        }).join(".*") + "$";
        var re = regex(pattern);
        return !!re && re.test(subject);
      }
      case "regex": { var r = regex(value); return !!r && r.test(subject); }
      default: return false;
    }
  }
  function ruleWords(rule) {
    return ({ equals: "is", contains: "contains", starts_with: "starts with", wildcard: "matches", regex: "matches the pattern" })[rule.match] + " " + rule.value;
  }
  function entryPointReason(ep, url, sections) {
    var rules = ep.rules || [], include = rules.filter(function (r) { return !r.exclude; });
    var excluded = rules.filter(function (r) { return r.exclude && ruleMatches(r, url); })[0];
    if (excluded) return "The page is excluded by the entry point " + quote(ep.name) + " (URL " + ruleWords(excluded) + ").";
    if (!include.some(function (r) { return ruleMatches(r, url); })) {
      var unreadable = include.filter(function (r) { return r.match === "regex" && !regex(String(r.value || "")); })[0];
      if (unreadable) return "The entry point " + quote(ep.name) + " has a pattern this browser cannot read (" + unreadable.value + "); correct it in the designer.";
      return "The page " + url.pathname + " is not in the entry point " + quote(ep.name) + (include.length ? "." : ", which has no URL yet.");
    }
    if ((ep.sections || []).length && !anyIn(ep.sections, sections)) {
      return "The page does not declare the section " + ep.sections.join(" or ") + " of the entry point " + quote(ep.name) + ".";
    }
    return null;
  }

  /* ---------- target audiences and behaviors: each test says what is missing, or null ---------- */
  var AUDIENCE = {
    referral: function (c) {
      return externalReferrer().indexOf(c.contains || "") >= 0 && externalReferrer() ? null : "did not come from a site containing " + quote(c.contains || "");
    },
    search_keywords: function (c) { return anyIn(c.keywords, searchKeywords()) ? null : "did not search for " + list(c.keywords).join(", "); },
    platform: function (c) { return anyIn(c.platforms, [device()]) ? null : "uses a " + device() + ", not a " + list(c.platforms).join(" or "); },
    marketing_source: function (c) {
      var src = marketingSource(), ok = anyIn(c.sources, [src]) || (anyIn(c.sources, ["custom"]) && c.custom && lower(src) === lower(c.custom));
      return ok ? null : "arrived through " + src + ", not " + list(c.sources).join(" or ");
    },
    geo: function (c) {
      var geo = preview.geo || visitor.geo;
      if (!geo) return "has no known location (the site pushes {type: \"geo\"})";
      return anyIn(c.places, [geo]) ? null : "is in " + geo + ", not " + list(c.places).join(" or ");
    },
    visitor_type: function (c) {
      var kind = returning() ? "returning" : "new";
      return kind === (c.visitor || "returning") ? null : "is a " + kind + " visitor, not a " + c.visitor + " one";
    },
    customer_type: function (c) { return anyIn(c.values, [visitor.customer.type]) ? null : "is not a " + list(c.values).join(" or ") + " customer"; },
    customer_status: function (c) { return anyIn(c.values, [visitor.customer.status]) ? null : "does not have the status " + list(c.values).join(" or "); },
    attribute: function (c) {
      var have = visitor.attributes[c.name], want = c.value, ok;
      if (have == null) return "has no engagement attribute " + quote(c.name);
      if (c.op === "contains") ok = lower(have).indexOf(lower(want)) >= 0;
      else if (c.op === "at least") ok = +have >= +want;
      else if (c.op === "at most") ok = +have <= +want;
      else ok = lower(have) === lower(want);
      return ok ? null : "has " + c.name + " " + quote(have) + ", not " + (c.op || "equals") + " " + quote(want);
    }
  };
  var BEHAVIOR = {
    time_on_entry_point: function (c) {
      var s = Math.floor(secondsOnPage());
      return s >= c.seconds ? null : "has spent " + s + " of " + c.seconds + " seconds on the entry point";
    },
    visited_entry_point: function (c) {
      var ep = manifest.entry_points.filter(function (e) { return e.name === c.entry_point || e.id === c.entry_point; })[0];
      var seen = !!ep && visit.pages.some(function (p) { return !entryPointReason(ep, new URL(p, location.href), ["*"].concat(ep.sections || [])); });
      var want = c.mode !== "did not visit";
      return seen === want ? null : (want ? "has not visited " : "visited ") + "the entry point " + quote(c.entry_point);
    },
    flow: function (c) {
      var i = 0, pages = list(c.pages);
      visit.pages.forEach(function (p) { if (i < pages.length && p.indexOf(pages[i]) >= 0) i++; });
      return i >= pages.length ? null : "has not gone through the pages " + pages.join(", ") + " in that order";
    },
    exit_intent: function () { return exitIntent() ? null : "is not about to leave the page"; },
    cart_value: function (c) {
      var cart = visitor.cart, value = cart ? +cart.value || 0 : 0;
      if (value < c.minimum || value > (c.maximum == null ? Infinity : c.maximum)) {
        return "has a cart worth " + value + ", outside " + c.minimum + " to " + c.maximum;
      }
      if (c.decreased && !(visitor.cartBefore && value < (+visitor.cartBefore.value || 0))) return "has not decreased the cart value";
      return null;
    },
    products_in_cart: function (c) {
      return anyIn(c.products, list(visitor.cart && visitor.cart.products)) ? null : "has none of " + list(c.products).join(", ") + " in the cart";
    },
    viewed_product: function (c) { return anyIn(c.products, visitor.viewed) ? null : "has not viewed " + list(c.products).join(" or "); },
    visitor_error: function (c) {
      var hit = visitor.errors.some(function (e) {
        return (!c.message || lower(e.message).indexOf(lower(c.message)) >= 0) && (!c.code || String(e.code) === String(c.code));
      });
      return hit ? null : "has not seen an error like " + quote(c.message || c.code || "any");
    },
    engaged_in_session: function (c) {
      var lists = { exposed: "exposed", declined: "declined", clicked: "clicked" };
      return visit[lists[c.state] || "exposed"].length ? null : "was not " + c.state + " an engagement in this visit";
    },
    service_activity: function (c) {
      return visitor.activities.some(function (a) { return !c.activity || lower(a).indexOf(lower(c.activity)) >= 0; }) ? null
        : "has not reported the service activity " + quote(c.activity);
    },
    scroll_depth: function (c) {
      var d = Math.round(scrollDepth());
      return d >= c.percent ? null : "has scrolled " + d + "% of the page, not " + c.percent + "%";
    },
    pages_viewed: function (c) {
      var n = preview.pages_viewed != null ? preview.pages_viewed : visit.pages.length;
      return n >= c.count ? null : "has viewed " + n + " of " + c.count + " pages";
    }
  };
  function ruleReason(tests, rule, what) {
    var conditions = rule.conditions || [], misses = [];
    if (!conditions.length) return null;
    for (var i = 0; i < conditions.length; i++) {
      var test = tests[conditions[i].type];
      var miss = test ? test(conditions[i]) : "meets an unknown condition " + quote(conditions[i].type);
      if (!miss && rule.match === "any") return null;
      if (miss) misses.push(miss);
      if (miss && rule.match !== "any") break;
    }
    if (!misses.length) return null;
    var head = "The visitor does not match the " + what + " " + quote(rule.name) + ": ";
    return head + (rule.match === "any" ? "none of its conditions holds (the visitor " + misses.join("; the visitor ") + ")." : "the visitor " + misses[0] + ".");
  }

  /* ---------- the decision ---------- */
  function inGroup(purpose, percent, forced) {
    if (forced === "in") return true;
    if (forced === "out") return false;
    return hash(visitorId() + "|" + purpose) % 10000 < (percent || 0) * 100;
  }
  function byId(items) { var m = {}; (items || []).forEach(function (x) { m[x.id] = x; }); return m; }
  function stateWords(state) { return state === "busy" ? "busy" : "offline"; }

  function decide() {
    if (!manifest) return [];
    var at = now(), url = pageUrl(), acc = manifest.account;
    var campaigns = byId(manifest.campaigns), eps = byId(manifest.entry_points), behaviors = byId(manifest.behaviors);
    var sections = visitor.sections.concat(list(preview.sections));
    var cgForced = preview.control_group;
    var accountOut = inGroup("account", acc.control_group_percent, cgForced);
    var campaignCache = {}, epCache = {}, behaviorCache = {}, stateCache = {}, out = [], contenders = {};
    var declined = declinedKinds();
    function decideOne(e) {
      var campaign = campaigns[e.campaign], reason = null, state = null, design = null;
      if (!campaign) reason = "The engagement's campaign is missing from the bundle.";
      else if (e.enabled === false) reason = "The engagement is turned off in the designer.";
      else if (undrawable[e.id]) reason = undrawable[e.id];
      if (!reason) {
        if (!(e.campaign in campaignCache)) {
          var cr = timeFrameReason(campaign, at);
          if (!cr && accountOut) cr = "The visitor is in the account's control group (" + acc.control_group_percent + "% of visitors see no engagement).";
          if (!cr && inGroup("campaign:" + campaign.id, campaign.control_group_percent, cgForced)) {
            cr = "The visitor is in the campaign " + quote(campaign.name) + "'s control group (" + campaign.control_group_percent + "% of visitors).";
          }
          if (!cr && campaign.audience) cr = ruleReason(AUDIENCE, campaign.audience, "target audience");
          campaignCache[e.campaign] = cr;
        }
        reason = campaignCache[e.campaign];
      }
      if (!reason && e.entry_point != null) {  // the same page for every engagement: decided once per entry point
        if (!(e.entry_point in epCache)) {
          epCache[e.entry_point] = eps[e.entry_point] ? entryPointReason(eps[e.entry_point], url, sections) : "The engagement's entry point is missing from the bundle.";
        }
        reason = epCache[e.entry_point];
      }
      if (!reason && e.behavior != null && behaviors[e.behavior]) {
        if (!(e.behavior in behaviorCache)) behaviorCache[e.behavior] = ruleReason(BEHAVIOR, behaviors[e.behavior], "behavior");
        reason = behaviorCache[e.behavior];
      }
      if (!reason) {
        if (!(e.skill in stateCache)) stateCache[e.skill] = agentState(e, at);
        state = stateCache[e.skill];
        design = (e.designs || {})[state];
        if (!design) reason = "Agents are " + stateWords(state) + " and this engagement hides when they are.";
      }
      var current = shown[e.zone_key] && shown[e.zone_key].id === e.id;
      if (!reason && visit.closed.indexOf(e.id) >= 0) reason = "The visitor closed this engagement in this visit.";
      if (!reason && e.format === "toaster" && device() === "phone") reason = "A toaster is not shown on phones: it is not accessible on mobile web.";
      if (!reason && e.zone === "proactive" && !current) {
        var kind = e.kind === "content" ? "content" : "conversation";
        if (!(acc.invite_after_decline || {})[kind] && declined[kind]) {
          reason = "The visitor declined a " + kind + " engagement in this visit and the account does not invite again after a decline.";
        }
        var limit = (acc.displays_per_visit || {})[kind], seen = visit.displays[kind] || 0;
        if (!reason && limit != null && seen >= limit) {
          reason = "The visitor has already seen " + seen + " proactive " + kind + " engagement" + (seen === 1 ? "" : "s") + " in this visit, the account's limit.";
        }
      }
      if (!reason && e.zone === "embedded" && !D.getElementById(e.element_id)) {
        reason = "The page has no element with id " + quote(e.element_id) + " to hold this embedded engagement.";
      }
      var d = { id: e.id, name: e.name, shows: !reason, reason: reason || "", state: state, zone: e.zone_key };
      out.push(d);
      if (!reason) {
        (contenders[e.zone_key] = contenders[e.zone_key] || []).push({ d: d, e: e, w: typeof campaign.weight === "number" && campaign.weight >= 0 ? campaign.weight : 10, current: current, design: design });
      }
    }
    manifest.engagements.forEach(function (e) {
      try { decideOne(e); } catch (err) {  // a damaged entry hides itself, never the others
        out.push({ id: e && e.id, name: e && e.name, shows: false, state: null, zone: e && e.zone_key,
          reason: "The bundle's data for this engagement is damaged (" + err.message + "); export the bundle again." });
      }
    });
    Object.keys(contenders).forEach(function (zone) {
      var group = contenders[zone], winner = group.filter(function (c) { return c.current; })[0], why = " already shows";
      if (!winner) {
        var total = group.reduce(function (s, c) { return s + c.w; }, 0);
        var pick = (hash(visitorId() + "|zone|" + zone) / 4294967296) * total;
        winner = group[0];  // all weights 0: the first in the manifest
        for (var i = 0; i < group.length && total > 0; i++) { pick -= group[i].w; if (pick < 0) { winner = group[i]; break; } }
        why = " was chosen by priority";
      }
      group.forEach(function (c) {
        if (c === winner) { c.d.design = c.design; return; }
        c.d.shows = false;
        c.d.reason = "Another engagement, " + quote(winner.e.name) + "," + why + " in the " + zone.replace("embedded:", "embedded element ") + " zone.";
      });
    });
    return out;
  }
  function declinedKinds() {  // which kinds of proactive engagement the visitor declined in this visit
    var kinds = {};
    manifest.engagements.forEach(function (e) {
      if (e.zone === "proactive" && visit.declined.indexOf(e.id) >= 0) kinds[e.kind === "content" ? "content" : "conversation"] = true;
    });
    return kinds;
  }

  /* ---------- rendering: the design as absolutely positioned elements ---------- */
  function css(el, props) { Object.keys(props).forEach(function (k) { el.style.setProperty(k, String(props[k])); }); return el; }
  function make(tag, cls, text) {
    var el = D.createElement(tag);
    if (cls) el.className = cls;
    if (text != null) el.textContent = text;
    return el;
  }
  function asset(path) { return new URL(path, base || location.href).href; }
  function safeUrl(raw) {
    try {
      var u = new URL(String(raw), location.href);
      return /^(https?|mailto|tel):$/.test(u.protocol) ? u.href : "";
    } catch (e) { return ""; }
  }
  function cssUrl(path) { return 'url("' + asset(path).replace(/["\\\n\r]/g, encodeURIComponent) + '")'; }
  function font(el, p) {
    return css(el, {
      "font-family": p.font || "system-ui", "font-size": (p.font_size || 16) + "px",
      "font-weight": p.bold ? "700" : "400", color: p.color || "#1f1f1f"
    });
  }

  function renderElement(e, el, ctx) {
    var p = el.props || {}, node;
    var box = { position: "absolute", left: (p.x || 0) + "px", top: (p.y || 0) + "px", width: (p.width || 1) + "px", height: (p.height || 1) + "px", margin: "0", "box-sizing": "border-box" };
    var inline = ctx.launcher ? "span" : "div";
    if (el.kind === "text") {
      node = font(make(inline, "ed-text", p.text), p);
      css(node, { "text-align": p.align || "left", "white-space": "pre-wrap", overflow: "hidden", "line-height": "1.25" });
    } else if (el.kind === "image") {
      var src = p.src && typeof p.src === "object" ? p.src : null;
      if (!src) return null;
      node = make("img", "ed-image");
      node.src = asset(src.src);
      if (src.src2x) node.srcset = asset(src.src) + " 1x, " + asset(src.src2x) + " 2x";
      node.alt = p.decorative ? "" : p.alt || "";
      if (p.decorative) node.setAttribute("aria-hidden", "true");
      css(node, { "object-fit": "contain" });
    } else if (el.kind === "button") {
      node = font(make(ctx.launcher ? "span" : "button", "ed-button", p.text), p);
      if (!ctx.launcher) node.type = "button";
      css(node, { background: p.fill || "#1a56db", "border-radius": (p.radius || 0) + "px", border: "0", padding: "0 8px", cursor: "pointer", display: "flex", "align-items": "center", "justify-content": "center" });
      if (!ctx.launcher) node.addEventListener("click", function () { act(e, p.action, p.url, node); });
    } else if (el.kind === "shape") {
      node = make(inline, "ed-shape");
      node.setAttribute("aria-hidden", "true");
      if (p.shape === "line") css(node, { background: p.stroke, height: Math.max(1, p.stroke_width || 1) + "px" });
      else css(node, { background: p.fill, border: (p.stroke_width || 0) + "px solid " + p.stroke, "border-radius": p.shape === "ellipse" ? "50%" : (p.radius || 0) + "px" });
    } else if (el.kind === "close") {
      node = make("button", "ed-close", "\u00d7");
      node.type = "button";
      node.setAttribute("aria-label", p.label || "Close");
      css(node, { color: p.color || "#1f1f1f", background: "transparent", border: "0", cursor: "pointer", "font-size": Math.max(14, Math.round((p.height || 24) * 0.7)) + "px", "line-height": "1", padding: "0" });
      node.addEventListener("click", function (ev) { ev.stopPropagation(); decline(e); });
    } else {
      return null;
    }
    return css(node, box);
  }

  function hasAction(design) {
    return (design.elements || []).some(function (el) { return el.kind === "button"; });
  }
  function placement(e, p, root, scale) {
    var fixed = { position: "fixed", "z-index": "2147483000" }, gap = 24;
    if (e.zone === "embedded") return css(root, { position: "relative", "max-width": "100%" });
    if (p.placement === "custom") {
      var a = p.anchor || "bottom-right", ox = (p.offset_x || 0) + "px", oy = (p.offset_y || 0) + "px";
      if (a === "center") { fixed.left = "50%"; fixed.top = "50%"; fixed.transform = "translate(-50%, -50%) translate(" + ox + ", " + oy + ")"; }
      else { fixed[a.indexOf("top") === 0 ? "top" : "bottom"] = oy; fixed[/left$/.test(a) ? "left" : "right"] = ox; }
    } else if (e.zone === "left" || e.zone === "right") {
      fixed[e.zone] = "0"; fixed.top = "50%"; fixed.transform = "translateY(-50%)";
      if (e.format === "sticky_button") { delete fixed.top; fixed.transform = "none"; fixed.bottom = gap + "px"; fixed[e.zone] = gap + "px"; }
    } else if (e.format === "toaster") { fixed.right = gap + "px"; fixed.bottom = gap + "px"; }
    else if (e.format === "peeling_corner") { fixed.right = "0"; fixed.top = "0"; }
    else { fixed.left = "50%"; fixed.top = "50%"; fixed.transform = "translate(-50%, -50%)"; }
    if (scale < 1) fixed.transform = (fixed.transform && fixed.transform !== "none" ? fixed.transform + " " : "") + "scale(" + scale + ")";
    return css(root, fixed);
  }

  function render(e, design) {
    var p = design.props || {}, launcher = !hasAction(design);
    var root = make(launcher ? "button" : "div", "ed-engagement ed-zone-" + e.zone + " ed-format-" + e.format);
    root.setAttribute("data-engagement", String(e.id));
    if (launcher) {
      root.type = "button";
      root.setAttribute("aria-label", p.label || e.name);
      root.addEventListener("click", function () { act(e, e.kind === "content" ? "open_url" : "start_conversation", e.content_url, root); });
      css(root, { cursor: "pointer", font: "inherit", "text-align": "left" });
    } else {
      root.setAttribute("role", "region");
      root.setAttribute("aria-label", p.label || e.name);
    }
    var width = p.width || 160, height = p.height || 48;
    var scale = e.zone === "embedded" ? 1 : Math.min(1, (W.innerWidth - 16) / width);
    var bg = p.background === "gradient" ? "linear-gradient(135deg, " + p.background_color + ", " + p.gradient_to + ")"
      : p.background === "image" && p.background_image && p.background_image.src ? cssUrl(p.background_image.src) : "none";
    css(root, {
      width: width + "px", height: height + "px", padding: "0", margin: "0", "box-sizing": "border-box",
      "background-color": p.background_color || "transparent", "background-image": bg, "background-size": "cover",
      "border-radius": (p.radius || 0) + "px", border: (p.border_width || 0) + "px solid " + (p.border_color || "transparent"),
      "box-shadow": p.shadow ? "0 6px 24px rgba(0, 0, 0, 0.22)" : "none", overflow: "hidden", display: "block"
    });
    placement(e, p, root, scale);
    if (scale < 1) css(root, { "transform-origin": "center" });
    var elements = (design.elements || []).map(function (el, i) { return { el: el, z: i }; });
    elements.sort(function (a, b) { return ((a.el.props || {}).reading_order || 0) - ((b.el.props || {}).reading_order || 0) || a.z - b.z; });
    elements.forEach(function (item) {
      var node = renderElement(e, item.el, { launcher: launcher });
      if (node) root.appendChild(css(node, { "z-index": String(item.z + 1) }));
    });
    return root;
  }

  function act(e, action, url, from) {
    if (action === "close") { decline(e); return; }
    mark("clicked", e.id);
    recordClick(e);
    emit("click", { engagement: e.id, name: e.name, action: action });
    if (action === "open_url") {
      var href = safeUrl(url || e.content_url);
      if (href) W.open(href, "_blank", "noopener");
    } else openWindow(e, from);
    evaluate();
  }
  function decline(e) {
    mark("declined", e.id);
    mark("closed", e.id);
    emit("decline", { engagement: e.id, name: e.name });
    evaluate();
  }

  function evaluate() {
    var wanted = {};
    decide().forEach(function (d) { if (d.shows) wanted[d.zone] = d; });
    Object.keys(shown).forEach(function (zone) {
      var s = shown[zone], w = wanted[zone];
      if (!w || w.id !== s.id || w.state !== s.state) { if (s.el.parentNode) s.el.parentNode.removeChild(s.el); delete shown[zone]; }
    });
    var engagements = byId(manifest ? manifest.engagements : []), exposedNow = false, redo = false;
    Object.keys(wanted).forEach(function (zone) {
      var d = wanted[zone], e = engagements[d.id];
      if (shown[zone]) return;
      var el;
      try { el = render(e, d.design); } catch (err) {
        undrawable[e.id] = "The engagement could not be drawn (" + err.message + "); export the bundle again.";
        W.console.warn("Engagement tag: " + quote(e.name) + " could not be drawn (" + err.message + "); export the bundle again.");
        redo = true;
        return;
      }
      var host = e.zone === "embedded" ? D.getElementById(e.element_id) : D.body;
      host.appendChild(el);
      var room = e.zone === "embedded" ? host.clientWidth : 0, width = (d.design.props || {}).width || 0;
      if (room && room < width) css(el, { zoom: String(room / width) });  // a banner wider than its slot fits it
      shown[zone] = { id: e.id, state: d.state, el: el };
      if (visit.exposed.indexOf(e.id) < 0 && e.zone === "proactive") {
        var kind = e.kind === "content" ? "content" : "conversation";
        visit.displays[kind] = (visit.displays[kind] || 0) + 1;
      }
      exposedNow = exposedNow || visit.exposed.indexOf(e.id) < 0;
      mark("exposed", e.id);
      emit("impression", { engagement: e.id, name: e.name, zone: zone, state: d.state });
    });
    if (exposedNow || redo) evaluate();  // "engaged in session: exposed" may now hold; a zone may have a next choice
  }

  /* ---------- the conversation window (window.js, loaded on the first click) ---------- */
  function loadWindowModule(done) {
    if (windowModule) { done(); return; }
    var files = manifest.files || {}, s = D.createElement("script");
    s.src = asset(files.window || "window.js");
    if (files.window_integrity) { s.integrity = files.window_integrity; s.crossOrigin = "anonymous"; }
    if (nonce) s.nonce = nonce;
    s.onload = function () { if (windowModule) done(); };
    s.onerror = function () { W.console.warn("Engagement tag: the conversation window could not be loaded from " + s.src + "."); };
    D.head.appendChild(s);
  }
  function windowTarget(e) {
    var viewportMeta = !!D.querySelector('meta[name="viewport"]');
    if (device() === "phone" && !viewportMeta) return "tab";
    return e.window_opens_as === "separate_window" ? "window" : "embedded";
  }
  function openWindow(e, launcher) {
    var target = windowTarget(e), popup = null;
    if (target !== "embedded") {  // opened inside the click, before loading, so no popup blocker stops it
      var w = (e.window && e.window.width) || 360, h = (e.window && e.window.height) || 520;
      popup = target === "tab" ? W.open("", "_blank") : W.open("", "ed-conversation-" + e.id, "popup,width=" + w + ",height=" + h);
      if (!popup) target = "embedded";
    }
    loadWindowModule(function () {
      windowModule({
        engagement: e, account: manifest.account, target: target, popup: popup, launcher: launcher,
        base: base, nonce: nonce, css: manifest.files && manifest.files.css, css_integrity: manifest.files && manifest.files.css_integrity,
        transport: transport, emit: emit, asset: asset, safe_url: safeUrl, local: local, random_id: randomId,
        now: function () { return now().getTime(); }
      });
    });
  }

  /* ---------- conversions ---------- */
  function clicksSoFar() { var c = local.get("ed_clicks", []); return Array.isArray(c) ? c : []; }
  function recordClick(e) {
    var clicks = clicksSoFar();
    clicks.push({ id: e.id, name: e.name, campaign: e.campaign, at: now().getTime(), visit: visitToken() });
    local.set("ed_clicks", clicks.slice(-50));
  }
  function visitToken() {
    if (!visit.token) { visit.token = randomId(); saveVisit(); }
    return visit.token;
  }
  function conversion(event) {
    if (!manifest) return;
    var acc = manifest.account, days = acc.cross_session_days || 0, at = now().getTime();
    var clicks = clicksSoFar().filter(function (c) {
      return days ? at - c.at <= days * 86400000 : c.visit === visitToken();
    });
    if (!clicks.length) return;
    var model = acc.attribution_model || "last", credited;
    if (model === "first") credited = [clicks[0]];
    else if (model === "split") {
      var seen = {};
      credited = clicks.filter(function (c) { return seen[c.id] ? false : (seen[c.id] = true); });
    } else credited = [clicks[clicks.length - 1]];
    var campaigns = byId(manifest.campaigns), total = +event.total || 0;
    credited.forEach(function (c) {
      var campaign = campaigns[c.campaign];
      if (campaign && campaign.goal_once_per_visit) {
        if (visit.goals.indexOf(c.campaign) >= 0) return;
        visit.goals.push(c.campaign); saveVisit();
      }
      var detail = {
        engagement: c.id, name: c.name, campaign: c.campaign, model: model, total: total,
        credit: Math.round(total / credited.length * 100) / 100, currency: event.currency || acc.currency || "", visitor: profile.id
      };
      emit("conversion", detail);
      if (acc.collector_url && navigator.sendBeacon) {
        try { navigator.sendBeacon(acc.collector_url, JSON.stringify(detail)); } catch (e) { W.console.warn("Engagement tag: the conversion could not be sent to the collector."); }
      }
    });
  }

  /* ---------- the site's pushes ---------- */
  function push(item) {
    if (typeof item === "function") { item(api); return; }
    if (!item || typeof item !== "object") return;
    var t = item.type;
    if (t === "cart") { visitor.cartBefore = visitor.cart; visitor.cart = { value: +item.value || 0, products: list(item.products) }; }
    else if (t === "purchase") conversion(item);
    else if (t === "error") visitor.errors.push({ message: item.message || "", code: item.code == null ? "" : item.code });
    else if (t === "customer") visitor.customer = { type: item.customer_type || visitor.customer.type, status: item.status || visitor.customer.status };
    else if (t === "section" || t === "sections") visitor.sections = visitor.sections.concat(list(item.sections || item.section));
    else if (t === "viewed_product") visitor.viewed = visitor.viewed.concat(list(item.products || item.product));
    else if (t === "search") visitor.keywords = visitor.keywords.concat(list(item.keywords));
    else if (t === "marketing_source") visitor.source = String(item.source || "");
    else if (t === "service_activity") visitor.activities.push(String(item.activity || ""));
    else if (t === "geo") visitor.geo = String(item.country || item.place || "");
    else if (t === "agent_state") visitor.agentStates[item.skill == null ? "*" : item.skill] = item.state;
    else if (t === "attribute") visitor.attributes[item.name] = item.value;
    if (manifest) evaluate();
  }

  var api = {
    push: function () { Array.prototype.forEach.call(arguments, push); },
    decisions: function () {
      return decide().map(function (d) { return { id: d.id, name: d.name, shows: d.shows, reason: d.reason, state: d.state, zone: d.zone }; });
    },
    on: function (name, fn) { if (typeof fn === "function") (listeners[name] = listeners[name] || []).push(fn); },
    preview: function (options) {  // this visitor's simulation only; nothing is stored
      preview = options && typeof options === "object" ? Object.assign({}, options) : {};
      Object.keys(shown).forEach(function (zone) {  // a new simulation starts from an empty page
        var el = shown[zone].el;
        if (el.parentNode) el.parentNode.removeChild(el);
        delete shown[zone];
      });
      if (manifest) evaluate();
    },
    transport: function (t) { transport = t && typeof t.send === "function" ? t : null; },
    define_window: function (fn) { if (typeof fn === "function") windowModule = fn; },
    visitor_id: function () { return profile.id; }
  };
  W.EngagementTag = api;

  function track() {
    var ticking = false;
    W.addEventListener("scroll", function () {
      if (ticking) return;
      ticking = true;
      W.requestAnimationFrame(function () {
        ticking = false;
        var max = D.documentElement.scrollHeight - W.innerHeight;
        visitor.scroll = Math.max(visitor.scroll, max > 0 ? (W.scrollY / max) * 100 : 100);
        evaluate();
      });
    }, { passive: true });
    D.addEventListener("mouseout", function (ev) {
      if (!ev.relatedTarget && ev.clientY <= 0 && !visitor.exitIntent) { visitor.exitIntent = true; evaluate(); }
    });
    W.setInterval(evaluate, 1000);
  }

  function start(data) {
    if (!data || data.format !== "engagement-designer/manifest" || !Array.isArray(data.engagements)) {
      W.console.warn("Engagement tag: the manifest is not an engagement bundle manifest; nothing is shown.");
      return;
    }
    if (data.version > 1) {
      W.console.warn("Engagement tag: the manifest is version " + data.version + ", newer than this tag reads; export the bundle again.");
      return;
    }
    data.account = data.account || {};
    ["campaigns", "entry_points", "behaviors"].forEach(function (k) { data[k] = data[k] || []; });
    manifest = data;
    var files = data.files || {};
    if (files.css) {
      var link = D.createElement("link");
      link.rel = "stylesheet";
      link.href = asset(files.css);
      if (files.css_integrity) { link.integrity = files.css_integrity; link.crossOrigin = "anonymous"; }
      if (nonce) link.nonce = nonce;
      D.head.appendChild(link);
    }
    evaluate();
    track();
  }

  queued.forEach(push);
  var manifestUrl = script && script.getAttribute("data-manifest");
  if (manifestUrl) {
    var options = { credentials: "same-origin" }, integrity = script.getAttribute("data-manifest-integrity");
    if (integrity) options.integrity = integrity;
    var go = function () {
      fetch(asset(manifestUrl), options).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(start, function (err) {
        W.console.warn("Engagement tag: the manifest " + manifestUrl + " could not be loaded (" + err.message + "); nothing is shown.");
      });
    };
    if (D.body) go(); else D.addEventListener("DOMContentLoaded", go);
  }
})();
