/* The visitor's circumstances: device, time on page, referrer, marketing source,
   each overridden by the preview's simulation when it sets one. */
function visitorId() { return preview.visitor_id ? String(preview.visitor_id) : profile.id; }
function now() { return preview.now != null ? new Date(preview.now) : new Date(); }
var urlAt = [];  // [the address, the page's, its URL]: read by every decision, parsed once
function pageUrl() {
  var at = preview.url || here;
  if (urlAt[0] !== at || urlAt[1] !== location.href) urlAt = [at, location.href, new URL(at, location.href)];
  return urlAt[2];
}
function device() {
  if (preview.device) return preview.device;
  // a touch laptop's primary pointer is still fine: only a coarse primary pointer is a phone or tablet
  var touch = W.matchMedia ? W.matchMedia("(pointer: coarse)").matches : (navigator.maxTouchPoints || 0) > 0;
  var short = Math.min(screen.width, screen.height);
  return !touch ? "desktop" : short < 600 ? "phone" : "tablet";
}
function returning() { return preview.returning != null ? !!preview.returning : profile.visits > 1; }
function secondsOnPage() {
  return preview.time_on_page != null ? preview.time_on_page : (Date.now() - enteredAt) / 1000;
}
function scrollDepth() { return preview.scroll_depth != null ? preview.scroll_depth : visitor.scroll; }
function exitIntent() { return preview.exit_intent != null ? !!preview.exit_intent : visitor.exit; }
function referrer() { return preview.referrer != null ? preview.referrer : D.referrer; }
function externalReferrer() {
  var r = referrer();
  try { return r && new URL(r).host !== location.host ? r : ""; } catch (e) { return ""; }
}
function marketingSource() {
  if (visitor.source) return visitor.source;
  var params = pageUrl().searchParams, medium = lower(params.get("utm_medium"));
  if (medium) {
    if (/cpc|ppc|paid/.test(medium)) return "paid_search";
    if (/mail/.test(medium)) return "email";
    if (/display|banner/.test(medium)) return "display";
    if (/social/.test(medium)) return "social";
    return params.get("utm_source") || medium;
  }
  var ref = externalReferrer();
  if (!ref) return "direct";
  return /google\.|bing\.|duckduckgo\.|yahoo\.|ecosia\./.test(ref) ? "search" : "referral";
}
function searchKeywords() {
  var words = visitor.keywords.slice();
  try {
    var q = new URL(externalReferrer()).searchParams;
    ["q", "p", "query", "text"].forEach(function (k) { if (q.get(k)) words = words.concat(q.get(k).split(/\s+/)); });
  } catch (e) { /* no referrer or not a URL: only pushed keywords count */ }
  return words;
}
