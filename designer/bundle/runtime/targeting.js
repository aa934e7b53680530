/* Target audiences and behaviors: each condition test says what is missing (a reason's
   code and values, expanded into a sentence by say()), or null. */
function or(v) { return list(v).join(" or "); }
var AUDIENCE = {
  referral: function (c) {
    var r = externalReferrer();
    return r && r.indexOf(c.contains || "") >= 0 ? null : ["a_referral", c.contains || ""];
  },
  search_keywords: function (c) { return anyIn(c.keywords, searchKeywords()) ? null : ["a_search", list(c.keywords).join(", ")]; },
  platform: function (c) { return anyIn(c.platforms, [device()]) ? null : ["a_platform", device(), or(c.platforms)]; },
  marketing_source: function (c) {
    var src = marketingSource(), ok = anyIn(c.sources, [src]) || (anyIn(c.sources, ["custom"]) && c.custom && lower(src) === lower(c.custom));
    return ok ? null : ["a_source", src, or(c.sources)];
  },
  geo: function (c) {
    var geo = preview.geo || visitor.geo;
    if (!geo) return ["a_no_geo"];
    return anyIn(c.places, [geo]) ? null : ["a_geo", geo, or(c.places)];
  },
  visitor_type: function (c) {
    var kind = returning() ? "returning" : "new";
    return kind === (c.visitor || "returning") ? null : ["a_visitor", kind, c.visitor];
  },
  customer_type: function (c) { return anyIn(c.values, [visitor.customer.type]) ? null : ["a_customer", or(c.values)]; },
  customer_status: function (c) { return anyIn(c.values, [visitor.customer.status]) ? null : ["a_status", or(c.values)]; },
  attribute: function (c) {
    var have = visitor.attributes[c.name], want = c.value, ok;
    if (have == null) return ["a_no_attribute", c.name];
    if (c.op === "contains") ok = lower(have).indexOf(lower(want)) >= 0;
    else if (c.op === "at least") ok = +have >= +want;
    else if (c.op === "at most") ok = +have <= +want;
    else ok = lower(have) === lower(want);
    return ok ? null : ["a_attribute", c.name, have, c.op || "equals", want];
  }
};
var BEHAVIOR = {
  time_on_entry_point: function (c) {
    var s = Math.floor(secondsOnPage());
    return s >= c.seconds ? null : ["b_time", s, c.seconds];
  },
  visited_entry_point: function (c) {
    var ep = manifest.entry_points.filter(function (e) { return e.name === c.entry_point || e.id === c.entry_point; })[0];
    var seen = !!ep && visit.pages.some(function (p) { return !entryPointReason(ep, new URL(p, location.href), ["*"].concat(ep.sections || [])); });
    var want = c.mode !== "did not visit";
    return seen === want ? null : [want ? "b_not_visited" : "b_visited", c.entry_point];
  },
  flow: function (c) {
    var i = 0, pages = list(c.pages);
    visit.pages.forEach(function (p) { if (i < pages.length && p.indexOf(pages[i]) >= 0) i++; });
    return i >= pages.length ? null : ["b_flow", pages.join(", ")];
  },
  exit_intent: function () { return exitIntent() ? null : ["b_exit"]; },
  cart_value: function (c) {
    var cart = visitor.cart, value = cart ? +cart.value || 0 : 0;
    if (value < c.minimum || value > (c.maximum == null ? Infinity : c.maximum)) return ["b_cart", value, c.minimum, c.maximum];
    return c.decreased && !(visitor.before && value < (+visitor.before.value || 0)) ? ["b_cart_down"] : null;
  },
  products_in_cart: function (c) {
    return anyIn(c.products, list(visitor.cart && visitor.cart.products)) ? null : ["b_products", list(c.products).join(", ")];
  },
  viewed_product: function (c) { return anyIn(c.products, visitor.viewed) ? null : ["b_viewed", or(c.products)]; },
  visitor_error: function (c) {
    var hit = visitor.errors.some(function (e) {
      return (!c.message || lower(e.message).indexOf(lower(c.message)) >= 0) && (!c.code || String(e.code) === String(c.code));
    });
    return hit ? null : ["b_error", c.message || c.code || "any"];
  },
  engaged_in_session: function (c) {
    var lists = { exposed: "exposed", declined: "declined", clicked: "clicked" };
    return visit[lists[c.state] || "exposed"].length ? null : ["b_engaged", c.state];
  },
  service_activity: function (c) {
    return visitor.activities.some(function (a) { return !c.activity || lower(a).indexOf(lower(c.activity)) >= 0; }) ? null : ["b_activity", c.activity];
  },
  scroll_depth: function (c) {
    var d = Math.round(scrollDepth());
    return d >= c.percent ? null : ["b_scroll", d, c.percent];
  },
  pages_viewed: function (c) {
    var n = preview.pages_viewed != null ? preview.pages_viewed : visit.pages.length;
    return n >= c.count ? null : ["b_pages", n, c.count];
  }
};
function ruleReason(tests, rule, what) {  // what: "audience" or "behavior"
  var conditions = rule.conditions || [], misses = [];
  for (var i = 0; i < conditions.length; i++) {
    var test = tests[conditions[i].type];
    var miss = test ? test(conditions[i]) : ["unknown_condition", conditions[i].type];
    if (!miss && rule.match === "any") return null;
    if (miss) misses.push(miss);
    if (miss && rule.match !== "any") break;
  }
  return misses.length ? [what + (rule.match === "any" ? "_any" : "_all"), rule.name, misses] : null;
}
