/* Showing: clicks and declines, and the evaluation that puts engagements on the page (drawn
   by draw.js, which loads with the stylesheet once the first engagement is to be shown). */
function act(e, action, url, from) {
  if (action === "close") { decline(e); return; }
  mark("clicked", e.id);
  recordClick(e);
  emit("click", { engagement: e.id, name: e.name, action: action });
  drawer.follow(e, action, url, from);
  evaluate();
}
function decline(e) {
  mark("declined", e.id);
  mark("closed", e.id);
  emit("decline", { engagement: e.id, name: e.name });
  evaluate();
}

function evaluate() {
  if (!manifest || broken) return;
  var wanted = {}, changed = false;
  decide().forEach(function (d) { if (d.shows) wanted[d.zone] = d; });
  if (!drawer) { if (Object.keys(wanted).length) loadDrawing(); return; }  // nothing is drawn without its code and styles
  Object.keys(shown).forEach(function (zone) {  // gone, changed, or its page element replaced by the site's router: drawn again
    var s = shown[zone], w = wanted[zone];
    if (!w || w.id !== s.id || w.state !== s.state || !s.el.isConnected || (s.e.zone === "embedded" && s.el.parentNode !== D.getElementById(s.e.element_id))) {
      s.el.remove(); delete shown[zone]; changed = true;
    }
  });
  var exposedNow = false, redo = false;
  Object.keys(wanted).forEach(function (zone) {
    var d = wanted[zone], e = byEngagement[d.id];
    if (shown[zone]) return;
    var el;
    try { el = drawer.draw(e, d.design); } catch (err) {
      undrawable[e.id] = err.message;
      W.console.warn("Engagement tag: \u201c" + e.name + "\u201d could not be drawn (" + err.message + "); export the bundle again.");
      redo = true;
      return;
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
  if (changed) drawer.arrange();
  if (exposedNow || redo) evaluate();  // "engaged in session: exposed" may now hold; a zone may have a next choice
}
function windowTarget(e) {  // -> [where the window opens, the code of why]
  if (device() === "phone" && !D.querySelector('meta[name="viewport"]')) return ["tab", "w_tab"];
  if (blocked) return ["window", "w_storage"];  // the guide: without storage, a separate window whatever the setting
  return e.window_opens_as === "separate_window" ? ["window", "w_separate"] : ["embedded", "w_embedded"];
}
function converse(name, detail) {  // the window opened or closed: proactive invitations step aside meanwhile
  if (name === "conversation") talking[detail.engagement] = 1;
  if (name === "close") delete talking[detail.engagement];
  emit(name, detail);
  evaluate();
}


/* The drawing code and the stylesheet, each checked against its integrity value: loaded
   together, once, when the first engagement is to be shown. One that fails its check (a file
   changed after export) or does not load means nothing shows, rather than a broken drawing. */
function loadDrawing() {
  if (loading) return;
  loading = 1;
  var files = manifest.files || {}, factory;
  var code = new Promise(function (done, fail) {
    var s = D.createElement("script");
    s.src = asset(files.draw || "draw.js");
    if (files.draw_integrity) { s.integrity = files.draw_integrity; s.crossOrigin = "anonymous"; }
    if (nonce) s.nonce = nonce;
    Object.assign(s, {  // one object, not three assignments: see wrapped() in pushes.js
      define: function (fn) { factory = fn; },
      onload: function () { if (factory) done(); else fail(Error("not the drawing code")); },
      onerror: function () { fail(Error("not loaded")); }
    });
    D.head.appendChild(s);
  }).catch(function (err) { throw [files.draw, err]; });
  var styles = (files.css ? load(files.css, files.css_integrity).then(function (r) { return r.text(); }) : Promise.resolve("")).catch(function (err) { throw [files.css, err]; });
  Promise.all([code, styles]).then(function (got) {
    cssText = got[1];
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    drawer = factory({
      sheet: sheet, asset: asset, act: act, decline: decline, shown: shown, window_target: windowTarget, say: say,
      blocked: blocked, files: files, nonce: nonce,
      window_context: function () {
        return {
          account: manifest.account, css: cssText, transport: transport, emit: converse, asset: asset, local: local,
          random_id: randomId, now: function () { return now().getTime(); }
        };
      }
    });
    evaluate();
  }, function (failed) {
    broken = ["file", failed[0], failed[1].message];
    warn("the file " + failed[0] + " failed its integrity check or did not load (" + failed[1].message + ")");
  });
}
