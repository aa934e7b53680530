/* Start: tracking scroll, exit intent and page elements, reading the manifest and the
   stylesheet, and loading them; in the designer's preview, each edit's manifest handed in
   place (no reload). */
function track() {
  var ticking = false, slots = manifest.engagements.some(function (e) { return e.zone === "embedded"; });
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
    if (!ev.relatedTarget && ev.clientY <= 0 && !visitor.exit) { visitor.exit = true; evaluate(); }
  });
  W.setInterval(function () { moved(); evaluate(); }, 1000);
  if (slots && W.MutationObserver) {  // a page element for an embedded engagement appears, or the router replaces it
    var waiting = false;
    new MutationObserver(function () {
      if (waiting) return;
      waiting = true;
      W.requestAnimationFrame(function () { waiting = false; if (slotsChanged()) evaluate(); });
    }).observe(D.documentElement, { childList: true, subtree: true });
  }
}
function slotsChanged() {  // cheap: only whether an embedded engagement's element is not the one it is drawn in
  return manifest.engagements.some(function (e) {
    if (e.zone !== "embedded") return false;
    var slot = D.getElementById(e.element_id), s = shown[e.zone_key];
    return s ? s.el.parentNode !== slot : !!slot;
  });
}
function asset(path) { return new URL(path, base || location.href).href; }
function warn(text) { W.console.warn("Engagement tag: " + text + "; nothing is shown."); }
function load(path, integrity) {  // a bundle file, checked against its integrity value
  return fetch(asset(path), { integrity: integrity || "" }).then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r;
  });
}

var tracking = 0;
function start(data, handed) {  // handed: a newer manifest from the designer's preview, taken in place
  if (manifest && !handed) return;  // the preview handed one while this page's own was loading
  if (!data || data.format !== "engagement-designer/manifest" || !Array.isArray(data.engagements)) {
    warn("the manifest is not an engagement bundle manifest");
    return;
  }
  if (data.version > 1) {
    warn("the manifest is version " + data.version + ", newer than this tag reads; export the bundle again");
    return;
  }
  data.account = data.account || {};
  ["campaigns", "entry_points", "behaviors"].forEach(function (k) { data[k] = data[k] || []; });
  data.time_zones = data.time_zones || {};
  manifest = data;
  byCampaign = byId(data.campaigns); byEp = byId(data.entry_points); byBehavior = byId(data.behaviors); byEngagement = byId(data.engagements);
  undrawable = {};
  clear();  // drawn again from the new designs; the visitor, the visit and open windows stay
  evaluate();
  if (!tracking++) track();
}

take(queued);
var manifestUrl = script && script.getAttribute("data-manifest");
if (manifestUrl) {
  var go = function () {
    load(manifestUrl, script.getAttribute("data-manifest-integrity")).then(function (r) { return r.json(); }).then(start, function (err) {
      warn("the manifest " + manifestUrl + " could not be loaded (" + err.message + ")");
    });
  };
  if (D.body) go(); else D.addEventListener("DOMContentLoaded", go);
}
