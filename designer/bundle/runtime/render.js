/* Rendering: each engagement in a shadow root of its own host element, so nothing of the
   page's CSS reaches it and nothing of ours reaches the page. The host's box is set inline
   with !important over `all: initial` (which no page rule outranks, and which stops every
   inherited property at the boundary); left, right and proactive hosts sit in one top-layer
   popover, so they stay fixed to the viewport whatever transform, filter or contain the
   page's html or body has. Inside, the design as absolutely positioned elements. */
var GAP = 24, layer = null;  // GAP: between an engagement and the viewport's edge, or another engagement
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
    if (!ctx.launcher) node.addEventListener("click", function () { act(e, p.action, p.url, node); });
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
function placement(e, p, scale) {
  var fixed = { position: "fixed" };
  if (p.placement === "custom") {
    var a = p.anchor || "bottom-right", ox = (p.offset_x || 0) + "px", oy = (p.offset_y || 0) + "px";
    if (a === "center") { fixed.left = "50%"; fixed.top = "50%"; fixed.transform = "translate(-50%, -50%) translate(" + ox + ", " + oy + ")"; }
    else { fixed[a.indexOf("top") === 0 ? "top" : "bottom"] = oy; fixed[/left$/.test(a) ? "left" : "right"] = ox; }
  } else if (e.zone === "left" || e.zone === "right") {
    fixed[e.zone] = "0"; fixed.top = "50%"; fixed.transform = "translateY(-50%)";
    if (e.format === "sticky_button") { delete fixed.top; fixed.transform = "none"; fixed.bottom = GAP + "px"; fixed[e.zone] = GAP + "px"; }
  } else if (e.format === "toaster") { fixed.right = GAP + "px"; fixed.bottom = GAP + "px"; }
  else if (e.format === "peeling_corner") { fixed.right = "0"; fixed.top = "0"; }
  else { fixed.left = "50%"; fixed.top = "50%"; fixed.transform = "translate(-50%, -50%)"; }
  if (scale < 1) { fixed.transform = (fixed.transform && fixed.transform !== "none" ? fixed.transform + " " : "") + "scale(" + scale + ")"; fixed["transform-origin"] = "center"; }
  return fixed;
}

function render(e, design) {  // -> the host element, not yet in the page
  var p = design.props || {}, launcher = !hasAction(design), width = p.width || 160, height = p.height || 48;
  var scale = e.zone === "embedded" ? 1 : Math.min(1, (W.innerWidth - 16) / width), size = { width: width + "px", height: height + "px" };
  var box = e.zone === "embedded" ? { position: "relative", "max-width": "100%" } : placement(e, p, scale);
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
