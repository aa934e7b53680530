/* Engagement Designer drawing: loaded by tag.js, with the stylesheet, once an engagement is
   to be shown (a page where none shows never loads it). Each engagement is drawn in a shadow
   root of its own host element, so nothing of the page's CSS reaches it and nothing of ours
   reaches the page. The host's box is set inline with !important over `all: initial` (which
   no page rule outranks, and which stops every inherited property at the boundary); left,
   right and proactive hosts sit in one top-layer popover, so they stay fixed to the viewport
   whatever transform, filter or contain the page's html or body has. Inside, the design as
   absolutely positioned elements. Also here: where a click leads (a URL, or the conversation
   window: window.js, loaded on the first click). */
(function () {
  "use strict";
  var W = window, D = document, me = D.currentScript;  // tag.js hands its context over through this element
  if (!me || !me.define) return;
  me.define(function (tag) {
    var sheet = tag.sheet, asset = tag.asset, act = tag.act, decline = tag.decline, shown = tag.shown, windowModule = null;
    var layer = null;
    function css(el, props, important) {
      Object.keys(props).forEach(function (k) { el.style.setProperty(k, String(props[k]), important ? "important" : ""); });
      return el;
    }
    function make(tag, cls, text, doc) {
      var el = (doc || D).createElement(tag);
      if (cls) el.className = cls;
      if (text != null) el.textContent = text;
      return el;
    }
    function safeUrl(raw) {
      try {
        var u = new URL(String(raw), location.href);
        return /^(https?|mailto|tel):$/.test(u.protocol) ? u.href : "";
      } catch (e) { return ""; }
    }
    function cssUrl(path) { return 'url("' + asset(path).replace(/["\\\n\r]/g, encodeURIComponent) + '")'; }
    // a font the visitor lacks falls back to its kind, not to the browser's default (a serif)
    var GENERIC_FONT = { Georgia: "serif", "Courier New": "monospace" };
    function font(el, p) {
      return css(el, {
        "font-family": (p.font || "system-ui") + ", " + (GENERIC_FONT[p.font] || "sans-serif"), "font-size": (p.font_size || 16) + "px",
        "font-weight": p.bold ? "700" : "400", color: p.color || "#1f1f1f"
      });
    }
    function rtl(language) { return /^(ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)\b/i.test(language || "") ? "rtl" : "ltr"; }
    function shadowHost(tag, language, box) {  // -> [host, inside]: the host's box is box, inside reset to defaults
      var host = css(make(tag), { all: "initial", display: "block", direction: rtl(language), "unicode-bidi": "isolate" }, 1);
      var inside = host.attachShadow({ mode: "open" });
      inside.adoptedStyleSheets = [sheet];
      return [css(host, box, 1), inside];
    }
    function topLayer(host) {  // fixed hosts live in the one top-layer popover (or, without popovers, a fixed box)
      if (!layer || !layer.isConnected) {
        layer = css(make("ed-layer"), { all: "initial", display: "block", position: "fixed", left: "0", top: "0", width: "0", height: "0", overflow: "visible", "z-index": "2147483000" }, 1);
        layer.setAttribute("popover", "manual");
        D.documentElement.appendChild(layer);
        if (layer.showPopover) layer.showPopover();
      }
      layer.appendChild(host);
      return host;
    }

    function renderElement(e, el, ctx) {
      var p = el.props || {}, node;
      var box = { left: (p.x || 0) + "px", top: (p.y || 0) + "px", width: (p.width || 1) + "px", height: (p.height || 1) + "px" };
      var inline = ctx.launcher ? "span" : "div";
      if (el.kind === "text") {
        node = font(make(inline, "ed-text", p.text), p);
        css(node, { "text-align": p.align || "left" });
      } else if (el.kind === "image") {
        var src = p.src && typeof p.src === "object" ? p.src : null;
        if (!src) return null;
        node = make("img", "ed-image");
        node.src = asset(src.src);
        if (src.src2x) node.srcset = asset(src.src) + " 1x, " + asset(src.src2x) + " 2x";
        node.alt = p.decorative ? "" : p.alt || "";
        if (p.decorative) node.setAttribute("aria-hidden", "true");
      } else if (el.kind === "button") {
        node = font(make(ctx.launcher ? "span" : "button", "ed-button", p.text), p);
        if (!ctx.launcher) node.type = "button";
        css(node, { background: p.fill || "#1a56db", "border-radius": (p.radius || 0) + "px" });
        if (!ctx.launcher) node.addEventListener("click", function () { (ctx.act || act)(e, p.action, p.url, node); });
      } else if (el.kind === "shape") {
        node = make(inline, "ed-shape");
        node.setAttribute("aria-hidden", "true");
        // a line as the studio canvas draws it: across the box, centred, stroke_width thick (at least 1 px)
        if (p.shape === "line") css(node, { background: "linear-gradient(" + p.stroke + "," + p.stroke + ") center / 100% " + Math.max(1, p.stroke_width || 0) + "px no-repeat" });
        else css(node, { background: p.fill, border: (p.stroke_width || 0) + "px solid " + p.stroke, "border-radius": p.shape === "ellipse" ? "50%" : (p.radius || 0) + "px" });
      } else if (el.kind === "close") {
        node = make("button", "ed-close", "\u00d7");
        node.type = "button";
        node.setAttribute("aria-label", p.label || "Close");
        css(node, { color: p.color || "#1f1f1f", "font-size": Math.max(14, Math.round((p.height || 24) * 0.7)) + "px" });
        node.addEventListener("click", function (ev) { ev.stopPropagation(); decline(e); });
      } else {
        return null;
      }
      return css(node, box);
    }

    function hasAction(design) {
      return (design.elements || []).some(function (el) { return el.kind === "button"; });
    }
    function placement(at, scale) {  // at: {anchor, x, y}, the manifest's resolved place or the design's custom one
      var a = at.anchor, x = (at.x || 0) + "px", y = (at.y || 0) + "px", fixed = { position: "fixed", left: "50%", top: "50%" };
      var h = /left$/.test(a) ? "left" : /right$/.test(a) ? "right" : "", v = /^top/.test(a) ? "top" : /^bottom/.test(a) ? "bottom" : "";
      if (h) { delete fixed.left; fixed[h] = x; }
      if (v) { delete fixed.top; fixed[v] = y; }  // no edge on an axis: centred on it, moved by the distance
      var t = h && v ? "" : "translate(" + (h ? "0" : "-50%") + ", " + (v ? "0" : "-50%") + ") translate(" + (h ? "0px" : x) + ", " + (v ? "0px" : y) + ")";
      if (scale < 1) { t += (t ? " " : "") + "scale(" + scale + ")"; fixed["transform-origin"] = "center"; }
      if (t) fixed.transform = t;
      return fixed;
    }

    function render(e, design) {  // -> the host element, not yet in the page
      var p = design.props || {}, launcher = !hasAction(design), width = p.width || 160, height = p.height || 48;
      var scale = e.zone === "embedded" ? 1 : Math.min(1, (W.innerWidth - 16) / width), size = { width: width + "px", height: height + "px" };
      var box = e.zone === "embedded" ? { position: "relative", "max-width": "100%" }
        : placement(p.placement === "custom" ? { anchor: p.anchor || "bottom-right", x: p.offset_x, y: p.offset_y } : e.placement, scale);
      var made = shadowHost("ed-engagement", e.language, Object.assign(box, size)), host = made[0];
      var root = make(launcher ? "button" : "div", "ed-engagement ed-zone-" + e.zone + " ed-format-" + e.format);
      host.setAttribute("data-engagement", String(e.id));
      root.lang = e.language || "en";
      root.dir = rtl(e.language);
      if (launcher) {
        root.type = "button";
        root.setAttribute("aria-label", p.label || e.name);
        root.addEventListener("click", function () { act(e, e.kind === "content" ? "open_url" : "start_conversation", e.content_url, root); });
      } else {
        root.setAttribute("role", "region");
        root.setAttribute("aria-label", p.label || e.name);
      }
      var bg = p.background === "gradient" ? "linear-gradient(135deg, " + p.background_color + ", " + p.gradient_to + ")"
        : p.background === "image" && p.background_image && p.background_image.src ? cssUrl(p.background_image.src) : "none";
      css(root, Object.assign(size, {
        "background-color": p.background_color || "transparent", "background-image": bg,
        "border-radius": (p.radius || 0) + "px", border: (p.border_width || 0) + "px solid " + (p.border_color || "transparent"),
      }));
      if (p.shadow) root.classList.add("ed-shadow");
      var elements = (design.elements || []).map(function (el, i) { return { el: el, z: i }; });
      elements.sort(function (a, b) { return ((a.el.props || {}).reading_order || 0) - ((b.el.props || {}).reading_order || 0) || a.z - b.z; });
      elements.forEach(function (item) {
        var node = renderElement(e, item.el, { launcher: launcher });
        if (node) root.appendChild(css(node, { "z-index": String(item.z + 1) }));
      });
      made[1].appendChild(root);
      return host;
    }

    function arrange() {  // a proactive engagement with a gap (a toaster, a peeling corner) never covers a side one: lifted above it, else beside it
      var s = shown.proactive, gap = s && s.e.placement && s.e.placement.gap, p, r;
      if (gap == null) return;
      css(s.el, { translate: "none" }, 1);
      ["left", "right"].forEach(function (side) {
        if (!shown[side]) return;
        p = s.el.getBoundingClientRect(); r = shown[side].el.getBoundingClientRect();
        if (p.left >= r.right || r.left >= p.right || p.top >= r.bottom || r.top >= p.bottom) return;
        var lift = p.bottom - r.top + gap;
        css(s.el, { translate: p.top - lift >= 0 ? "0 " + -lift + "px" : (side === "right" ? r.left - p.right - gap : r.right - p.left + gap) + "px 0" }, 1);
      });
    }

    function loadWindowModule(done) {
      if (windowModule) { done(); return; }
      var files = tag.files, s = make("script");
      s.src = asset(files.window || "window.js");
      if (files.window_integrity) { s.integrity = files.window_integrity; s.crossOrigin = "anonymous"; }
      if (tag.nonce) s.nonce = tag.nonce;
      s.define = function (fn) { windowModule = fn; };  // handed over through its own element: no global a site could overwrite
      s.onload = function () { if (windowModule) done(); };
      s.onerror = function () { W.console.warn("Engagement tag: the conversation window could not be loaded from " + s.src + "."); };
      D.head.appendChild(s);
    }
    function openWindow(e, launcher) {
      var how = tag.window_target(e), popup = null, p = e.window || {};
      if (how[0] !== "embedded") {  // opened inside the click, before loading, so no popup blocker stops it
        popup = how[0] === "tab" ? W.open("", "_blank") : W.open("", "ed-conversation-" + e.id, "popup,width=" + (p.width || 360) + ",height=" + (p.height || 520));
        if (!popup) how = ["embedded", "w_popup_blocked"];
      }
      loadWindowModule(function () {
        windowModule(Object.assign(tag.window_context(), {
          engagement: e, target: how[0], reason: tag.say([how[1], tag.blocked]), popup: popup, launcher: launcher, safe_url: safeUrl,
          element: function (el, inWindow) { return renderElement(e, el, { act: inWindow }); },  // an element added to the window
          host: function () {  // the embedded window's own shadow root, above the engagements in the top layer
            var made = shadowHost("ed-window", e.language, { position: "fixed", inset: "0", "pointer-events": "none", "z-index": "1" });
            topLayer(made[0]);
            return made;
          }
        }));
      });
    }
    function follow(e, action, url, from) {  // a click's destination: the engagement's URL, or the conversation
      if (action !== "open_url") { openWindow(e, from); return; }
      var href = safeUrl(url || e.content_url);
      if (href) W.open(href, "_blank", "noopener");
    }
    function draw(e, design) {  // the engagement's host, in the page: the top layer, or its element
      var el = render(e, design);
      if (e.zone !== "embedded") return topLayer(el);
      var slot = D.getElementById(e.element_id), room = slot.appendChild(el) && slot.clientWidth, width = (design.props || {}).width || 0;
      if (room && room < width) css(el, { zoom: String(room / width) }, 1);  // a banner wider than its slot fits it
      return el;
    }
    W.addEventListener("resize", arrange);
    return { draw: draw, arrange: arrange, follow: follow };
  });
})();
