/* Start: tracking scroll and exit intent, reading the manifest, and loading it. */
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
  W.addEventListener("resize", arrange);
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
