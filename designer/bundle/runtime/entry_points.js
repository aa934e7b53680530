/* Entry points: whether the page's URL and sections are in one. */
function regex(pattern) {
  if (!(pattern in regexCache)) {
    try { regexCache[pattern] = new RegExp(pattern); } catch (e) { regexCache[pattern] = null; }
  }
  return regexCache[pattern];
}
function ruleMatches(rule, url) {  // rule.fragment: the URL's #fragment is part of what is matched (hash routers)
  var value = String(rule.value || ""), tail = rule.fragment ? url.hash : "";
  var subject = /^https?:/i.test(value) ? url.href.replace(/#.*$/, "") + tail
    : (rule.match === "contains" ? url.pathname + url.search : url.pathname) + tail;
  var m = rule.match, re;
  if (m === "equals") return subject === value;
  if (m === "contains") return subject.indexOf(value) >= 0;
  if (m === "starts_with") return subject.indexOf(value) === 0;
  if (m === "wildcard") re = regex("^" + value.split("*").map(function (part) { return part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"); }).join(".*") + "$");
  if (m === "regex") re = regex(value);
  return !!re && re.test(subject);
}
function entryPointReason(ep, url, sections) {
  var rules = ep.rules || [], include = rules.filter(function (r) { return !r.exclude; });
  var excluded = rules.filter(function (r) { return r.exclude && ruleMatches(r, url); })[0];
  if (excluded) return ["ep_excluded", ep.name, ["m_" + excluded.match], excluded.value];
  if (!include.some(function (r) { return ruleMatches(r, url); })) {
    var unreadable = include.filter(function (r) { return r.match === "regex" && !regex(String(r.value || "")); })[0];
    if (unreadable) return ["ep_pattern", ep.name, unreadable.value];
    return [include.length ? "ep_not_in" : "ep_no_url", url.pathname + (include.some(function (r) { return r.fragment; }) ? url.hash : ""), ep.name];
  }
  if ((ep.sections || []).length && !anyIn(ep.sections, sections)) return ["ep_section", ep.sections.join(" or "), ep.name];
  return null;
}
