/* The site's pushes and the EngagementTag API. */
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
