/* Target audiences and behaviors: each condition test says what is missing, or null. */
var AUDIENCE = {
  referral: function (c) {
    return externalReferrer().indexOf(c.contains || "") >= 0 && externalReferrer() ? null : "did not come from a site containing " + quote(c.contains || "");
  },
  search_keywords: function (c) { return anyIn(c.keywords, searchKeywords()) ? null : "did not search for " + list(c.keywords).join(", "); },
  platform: function (c) { return anyIn(c.platforms, [device()]) ? null : "uses a " + device() + ", not a " + list(c.platforms).join(" or "); },
  marketing_source: function (c) {
    var src = marketingSource(), ok = anyIn(c.sources, [src]) || (anyIn(c.sources, ["custom"]) && c.custom && lower(src) === lower(c.custom));
    return ok ? null : "arrived through " + src + ", not " + list(c.sources).join(" or ");
  },
  geo: function (c) {
    var geo = preview.geo || visitor.geo;
    if (!geo) return "has no known location (the site pushes {type: \"geo\"})";
    return anyIn(c.places, [geo]) ? null : "is in " + geo + ", not " + list(c.places).join(" or ");
  },
  visitor_type: function (c) {
    var kind = returning() ? "returning" : "new";
    return kind === (c.visitor || "returning") ? null : "is a " + kind + " visitor, not a " + c.visitor + " one";
  },
  customer_type: function (c) { return anyIn(c.values, [visitor.customer.type]) ? null : "is not a " + list(c.values).join(" or ") + " customer"; },
  customer_status: function (c) { return anyIn(c.values, [visitor.customer.status]) ? null : "does not have the status " + list(c.values).join(" or "); },
  attribute: function (c) {
    var have = visitor.attributes[c.name], want = c.value, ok;
    if (have == null) return "has no engagement attribute " + quote(c.name);
    if (c.op === "contains") ok = lower(have).indexOf(lower(want)) >= 0;
    else if (c.op === "at least") ok = +have >= +want;
    else if (c.op === "at most") ok = +have <= +want;
    else ok = lower(have) === lower(want);
    return ok ? null : "has " + c.name + " " + quote(have) + ", not " + (c.op || "equals") + " " + quote(want);
  }
};
var BEHAVIOR = {
  time_on_entry_point: function (c) {
    var s = Math.floor(secondsOnPage());
    return s >= c.seconds ? null : "has spent " + s + " of " + c.seconds + " seconds on the entry point";
  },
  visited_entry_point: function (c) {
    var ep = manifest.entry_points.filter(function (e) { return e.name === c.entry_point || e.id === c.entry_point; })[0];
    var seen = !!ep && visit.pages.some(function (p) { return !entryPointReason(ep, new URL(p, location.href), ["*"].concat(ep.sections || [])); });
    var want = c.mode !== "did not visit";
    return seen === want ? null : (want ? "has not visited " : "visited ") + "the entry point " + quote(c.entry_point);
  },
  flow: function (c) {
    var i = 0, pages = list(c.pages);
    visit.pages.forEach(function (p) { if (i < pages.length && p.indexOf(pages[i]) >= 0) i++; });
    return i >= pages.length ? null : "has not gone through the pages " + pages.join(", ") + " in that order";
  },
  exit_intent: function () { return exitIntent() ? null : "is not about to leave the page"; },
  cart_value: function (c) {
    var cart = visitor.cart, value = cart ? +cart.value || 0 : 0;
    if (value < c.minimum || value > (c.maximum == null ? Infinity : c.maximum)) {
      return "has a cart worth " + value + ", outside " + c.minimum + " to " + c.maximum;
    }
    if (c.decreased && !(visitor.cartBefore && value < (+visitor.cartBefore.value || 0))) return "has not decreased the cart value";
    return null;
  },
  products_in_cart: function (c) {
    return anyIn(c.products, list(visitor.cart && visitor.cart.products)) ? null : "has none of " + list(c.products).join(", ") + " in the cart";
  },
  viewed_product: function (c) { return anyIn(c.products, visitor.viewed) ? null : "has not viewed " + list(c.products).join(" or "); },
  visitor_error: function (c) {
    var hit = visitor.errors.some(function (e) {
      return (!c.message || lower(e.message).indexOf(lower(c.message)) >= 0) && (!c.code || String(e.code) === String(c.code));
    });
    return hit ? null : "has not seen an error like " + quote(c.message || c.code || "any");
  },
  engaged_in_session: function (c) {
    var lists = { exposed: "exposed", declined: "declined", clicked: "clicked" };
    return visit[lists[c.state] || "exposed"].length ? null : "was not " + c.state + " an engagement in this visit";
  },
  service_activity: function (c) {
    return visitor.activities.some(function (a) { return !c.activity || lower(a).indexOf(lower(c.activity)) >= 0; }) ? null
      : "has not reported the service activity " + quote(c.activity);
  },
  scroll_depth: function (c) {
    var d = Math.round(scrollDepth());
    return d >= c.percent ? null : "has scrolled " + d + "% of the page, not " + c.percent + "%";
  },
  pages_viewed: function (c) {
    var n = preview.pages_viewed != null ? preview.pages_viewed : visit.pages.length;
    return n >= c.count ? null : "has viewed " + n + " of " + c.count + " pages";
  }
};
function ruleReason(tests, rule, what) {
  var conditions = rule.conditions || [], misses = [];
  if (!conditions.length) return null;
  for (var i = 0; i < conditions.length; i++) {
    var test = tests[conditions[i].type];
    var miss = test ? test(conditions[i]) : "meets an unknown condition " + quote(conditions[i].type);
    if (!miss && rule.match === "any") return null;
    if (miss) misses.push(miss);
    if (miss && rule.match !== "any") break;
  }
  if (!misses.length) return null;
  var head = "The visitor does not match the " + what + " " + quote(rule.name) + ": ";
  return head + (rule.match === "any" ? "none of its conditions holds (the visitor " + misses.join("; the visitor ") + ")." : "the visitor " + misses[0] + ".");
}
