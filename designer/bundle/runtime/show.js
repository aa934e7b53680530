/* Showing: clicks and declines, the evaluation that puts engagements on the page,
   and the conversation window (window.js, loaded on the first click). */
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
  if (!sheet) return;  // the stylesheet is not there yet (or failed its check: nothing shows)
  var wanted = {}, changed = false;
  decide().forEach(function (d) { if (d.shows) wanted[d.zone] = d; });
  Object.keys(shown).forEach(function (zone) {  // gone, changed, or its page element replaced by the site's router: drawn again
    var s = shown[zone], w = wanted[zone];
    if (!w || w.id !== s.id || w.state !== s.state || !s.el.isConnected || (s.e.zone === "embedded" && s.el.parentNode !== D.getElementById(s.e.element_id))) {
      s.el.remove(); delete shown[zone]; changed = true;
    }
  });
  var engagements = byId(manifest ? manifest.engagements : []), exposedNow = false, redo = false;
  Object.keys(wanted).forEach(function (zone) {
    var d = wanted[zone], e = engagements[d.id];
    if (shown[zone]) return;
    var el;
    try { el = render(e, d.design); } catch (err) {
      undrawable[e.id] = err.message;
      W.console.warn("Engagement tag: \u201c" + e.name + "\u201d could not be drawn (" + err.message + "); export the bundle again.");
      redo = true;
      return;
    }
    if (e.zone !== "embedded") topLayer(el);
    else {
      var slot = D.getElementById(e.element_id), room = slot.appendChild(el) && slot.clientWidth, width = (d.design.props || {}).width || 0;
      if (room && room < width) css(el, { zoom: String(room / width) }, 1);  // a banner wider than its slot fits it
    }
    shown[zone] = { id: e.id, state: d.state, el: el, e: e };
    changed = true;
    if (visit.exposed.indexOf(e.id) < 0 && e.zone === "proactive") {
      var kind = e.kind === "content" ? "content" : "conversation";
      visit.displays[kind] = (visit.displays[kind] || 0) + 1;
    }
    exposedNow = exposedNow || visit.exposed.indexOf(e.id) < 0;
    mark("exposed", e.id);
    emit("impression", { engagement: e.id, name: e.name, zone: zone, state: d.state });
  });
  if (changed) arrange();
  if (exposedNow || redo) evaluate();  // "engaged in session: exposed" may now hold; a zone may have a next choice
}
function arrange() {  // a toaster or peeling corner never covers a side engagement: lifted above it, else beside it
  var s = shown.proactive, p, r;
  if (!s || s.e.format === "overlay") return;
  css(s.el, { translate: "none" }, 1);
  ["left", "right"].forEach(function (side) {
    if (!shown[side]) return;
    p = s.el.getBoundingClientRect(); r = shown[side].el.getBoundingClientRect();
    if (p.left >= r.right || r.left >= p.right || p.top >= r.bottom || r.top >= p.bottom) return;
    var lift = p.bottom - r.top + GAP;
    css(s.el, { translate: p.top - lift >= 0 ? "0 " + -lift + "px" : (side === "right" ? r.left - p.right - GAP : r.right - p.left + GAP) + "px 0" }, 1);
  });
}
function converse(name, detail) {  // the window opened or closed: proactive invitations step aside meanwhile
  if (name === "conversation") talking[detail.engagement] = 1;
  if (name === "close") delete talking[detail.engagement];
  emit(name, detail);
  evaluate();
}

/* ---------- the conversation window (window.js, loaded on the first click) ---------- */
function loadWindowModule(done) {
  if (windowModule) { done(); return; }
  var files = manifest.files || {}, s = make("script");
  s.src = asset(files.window || "window.js");
  if (files.window_integrity) { s.integrity = files.window_integrity; s.crossOrigin = "anonymous"; }
  if (nonce) s.nonce = nonce;
  s.define = function (fn) { windowModule = fn; };  // handed over through its own element: no global a site could overwrite
  s.onload = function () { if (windowModule) done(); };
  s.onerror = function () { W.console.warn("Engagement tag: the conversation window could not be loaded from " + s.src + "."); };
  D.head.appendChild(s);
}
function windowTarget(e) {  // -> [where the window opens, the code of why]
  if (device() === "phone" && !D.querySelector('meta[name="viewport"]')) return ["tab", "w_tab"];
  if (blocked) return ["window", "w_storage"];  // the guide: without storage, a separate window whatever the setting
  return e.window_opens_as === "separate_window" ? ["window", "w_separate"] : ["embedded", "w_embedded"];
}
function openWindow(e, launcher) {
  var how = windowTarget(e), popup = null, p = e.window || {};
  if (how[0] !== "embedded") {  // opened inside the click, before loading, so no popup blocker stops it
    popup = how[0] === "tab" ? W.open("", "_blank") : W.open("", "ed-conversation-" + e.id, "popup,width=" + (p.width || 360) + ",height=" + (p.height || 520));
    if (!popup) how = ["embedded", "w_popup_blocked"];
  }
  loadWindowModule(function () {
    windowModule({
      engagement: e, account: manifest.account, target: how[0], reason: say([how[1], blocked]), popup: popup, launcher: launcher,
      css: cssText, transport: transport, emit: converse, asset: asset, safe_url: safeUrl, local: local, random_id: randomId,
      now: function () { return now().getTime(); },
      host: function () {  // the embedded window's own shadow root, above the engagements in the top layer
        var made = shadowHost("ed-window", e.language, { position: "fixed", inset: "0", "pointer-events": "none", "z-index": "1" });
        topLayer(made[0]);
        return made;
      }
    });
  });
}
