/* Rendering: the design as absolutely positioned elements, placed in its zone. */
var GAP = 24;  // between an engagement and the viewport's edge, or another engagement
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
// a font the visitor lacks falls back to its kind, not to the browser's default (a serif)
var GENERIC_FONT = { Georgia: "serif", "Courier New": "monospace" };
function font(el, p) {
  return css(el, {
    "font-family": (p.font || "system-ui") + ", " + (GENERIC_FONT[p.font] || "sans-serif"), "font-size": (p.font_size || 16) + "px",
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
    // a line as the studio canvas draws it: across the box, centred, stroke_width thick (at least 1 px)
    if (p.shape === "line") css(node, { background: "linear-gradient(" + p.stroke + "," + p.stroke + ") center / 100% " + Math.max(1, p.stroke_width || 0) + "px no-repeat" });
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
  var fixed = { position: "fixed", "z-index": "2147483000" };
  if (e.zone === "embedded") return css(root, { position: "relative", "max-width": "100%" });
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
