/* Engagement Designer runtime tag, part 1 of 11 (see designer/bundle/runtime_scripts.py):
   the tag's state, storage that never throws, the visitor's profile and this visit.
   Plain JavaScript, no dependencies, no eval, no innerHTML, no style attributes:
   it runs under a strict nonce-based Content-Security-Policy. See MANIFEST.md. */
var W = window, D = document, GLOBAL = "EngagementTag";
if (W[GLOBAL] && W[GLOBAL].decisions) return;
var script = D.currentScript;
var base = script ? script.src.replace(/[^/]*([?#].*)?$/, "") : "";
var nonce = script ? script.nonce || script.getAttribute("nonce") || "" : "";
var queued = Array.isArray(W[GLOBAL]) ? W[GLOBAL] : [];
var manifest = null, preview = {}, listeners = {}, transport = null;
var byCampaign, byEp, byBehavior, byEngagement;  // the manifest's items by id (set by start)
var drawer = null, loading = 0, sheet = null, cssText = "", broken = null;  // draw.js and the stylesheet once loaded; why nothing shows
var shown = {}, regexCache = {}, undrawable = {}, talking = {};  // talking: engagement id -> its conversation window is open
var here = location.href, enteredAt = Date.now();  // the page as the site's router last set it, and since when
var visitor = {
  attributes: {}, sections: [], cart: null, before: null, viewed: [], errors: [],
  activities: [], keywords: [], source: "", geo: "", customer: {}, states: {},
  exit: false, scroll: 0
};

/* ---------- storage that never throws (private modes, sandboxed frames) ---------- */
var memory = {}, blocked = "";  // blocked: why this page may not keep anything (storage refused)
function store(kind) {
  var s = null;
  try { s = W[kind]; s.setItem("ed_probe", "1"); s.removeItem("ed_probe"); } catch (e) { s = null; blocked = blocked || e.name || "refused"; }
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
function pageView(url) {  // a page of this visit: on load, at each route change and {type: "page"} push
  visit.pages.push(url.pathname + url.search + (/^#!?\//.test(url.hash) ? url.hash : ""));
  if (visit.pages.length > 100) visit.pages.shift();
  saveVisit();
}
function saveVisit() { session.set("ed_visit", visit); }
pageView(location);

function emit(name, detail) {
  (listeners[name] || []).slice().forEach(function (fn) {
    try { fn(detail); } catch (e) { W.console.error(e); }
  });
}
function mark(list, id) { if (visit[list].indexOf(id) < 0) { visit[list].push(id); saveVisit(); } }
function lower(v) { return String(v == null ? "" : v).toLowerCase(); }
function list(v) { return Array.isArray(v) ? v : v == null || v === "" ? [] : [v]; }
function anyIn(wanted, have) {
  have = have.map(lower);
  return list(wanted).some(function (w) { return have.indexOf(lower(w)) >= 0; });
}
