/* The site's pushes, its router's page changes, and the EngagementTag API. */
function push(item) {
  if (typeof item === "function") { item(api); return; }
  if (!item || typeof item !== "object") return;
  var t = item.type;
  if (t === "page") { routed(item.url || here, 1); return; }
  if (t === "cart") { visitor.before = visitor.cart; visitor.cart = { value: +item.value || 0, products: list(item.products) }; }
  else if (t === "purchase") conversion(item);
  else if (t === "error") visitor.errors.push({ message: item.message || "", code: item.code == null ? "" : item.code });
  else if (t === "customer") visitor.customer = { type: item.customer_type || visitor.customer.type, status: item.status || visitor.customer.status };
  else if (t === "section" || t === "sections") visitor.sections = visitor.sections.concat(list(item.sections || item.section));
  else if (t === "viewed_product") visitor.viewed = visitor.viewed.concat(list(item.products || item.product));
  else if (t === "search") visitor.keywords = visitor.keywords.concat(list(item.keywords));
  else if (t === "marketing_source") visitor.source = String(item.source || "");
  else if (t === "service_activity") visitor.activities.push(String(item.activity || ""));
  else if (t === "geo") visitor.geo = String(item.country || item.place || "");
  else if (t === "agent_state") visitor.states[item.skill == null ? "*" : item.skill] = item.state;
  else if (t === "attribute") visitor.attributes[item.name] = item.value;
  if (manifest) evaluate();
}

/* Single-page apps: pushState, replaceState, popstate and hashchange are seen at once; a new
   address (or a {type: "page"} push) is a page view, time on the entry point starts again,
   and everything is decided again. A change of the #fragment alone is a page view only when
   it looks like a route (#/… or #!/…), not an in-page anchor. */
var seen = here;
function routed(to, pushed) {
  var url = new URL(to, location.href), sameDocument = url.href.split("#")[0] === here.split("#")[0];
  if (!pushed && url.href === here) return;
  here = url.href;
  if (pushed || !sameDocument || /^#!?\//.test(url.hash)) { enteredAt = Date.now(); pageView(url); }
  if (manifest) evaluate();
}
function moved() { if (location.href !== seen) routed(seen = location.href); }
function wrapped(original) {  // the router's own method, then a look at the address
  return function () { var r = original.apply(this, arguments); moved(); return r; };
}
["pushState", "replaceState"].forEach(function (name) {
  // returned, not written straight into the property: V8 allocates a function written there as
  // long-lived, and it would keep this page's whole tag alive until a full collection
  if (typeof history[name] === "function") history[name] = wrapped(history[name]);
});
W.addEventListener("popstate", moved);
W.addEventListener("hashchange", moved);

function clear() { Object.keys(shown).forEach(function (zone) { shown[zone].el.remove(); delete shown[zone]; }); }

var api = {
  push: function () { Array.prototype.forEach.call(arguments, push); },
  decisions: function () {
    var where = {};  // where: window target per setting, asked once
    return decide().map(function (d) {
      var e = byEngagement[d.id], k = e && e.kind !== "content" && e.window_opens_as, w = k && (where[k] = where[k] || windowTarget(e));
      return {
        id: d.id, name: d.name, shows: d.shows, reason: d.reason ? say(d.reason) : "", state: d.state, zone: d.zone,
        window: w ? w[0] : null, window_reason: w ? say([w[1], blocked]) : ""
      };
    });
  },
  on: function (name, fn) { if (typeof fn === "function") (listeners[name] = listeners[name] || []).push(fn); },
  preview: function (options) {  // this visitor's simulation only; nothing is stored
    preview = options && typeof options === "object" ? Object.assign({}, options) : {};
    clear();  // a new simulation starts from an empty page
    if (manifest) evaluate();
  },
  preview_manifest: function (data) { start(data, 1); },  // the designer's preview: an edit, shown in place
  transport: function (t) { transport = t && typeof t.send === "function" ? t : null; },
  visitor_id: function () { return profile.id; }
};
/* A site that later sets window.EngagementTag (a queue-style snippet's `= []`) neither
   replaces the API nor loses what it queues: its items are taken, and its push forwards. */
function take(queue) {
  if (!Array.isArray(queue)) return;
  queue.splice(0).forEach(push);
  queue.push = api.push;
}
try {
  Object.defineProperty(W, GLOBAL, { configurable: true, get: function () { return api; }, set: take });
} catch (e) { W[GLOBAL] = api; }
