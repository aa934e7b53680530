/* Entry points: whether the page's URL and sections are in one. */
function regex(pattern) {
  if (!(pattern in regexCache)) {
    try { regexCache[pattern] = new RegExp(pattern); } catch (e) { regexCache[pattern] = null; }
  }
  return regexCache[pattern];
}
function ruleMatches(rule, url) {
  var value = String(rule.value || ""), full = /^https?:/i.test(value);
  var subject = full ? url.href.replace(/#.*$/, "") : rule.match === "contains" ? url.pathname + url.search : url.pathname;
  switch (rule.match) {
    case "equals": return subject === value;
    case "contains": return subject.indexOf(value) >= 0;
    case "starts_with": return subject.indexOf(value) === 0;
    case "wildcard": {
      var pattern = "^" + value.split("*").map(function (part) {
        return part.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
      }).join(".*") + "$";
      var re = regex(pattern);
      return !!re && re.test(subject);
    }
    case "regex": { var r = regex(value); return !!r && r.test(subject); }
    default: return false;
  }
}
function ruleWords(rule) {
  return ({ equals: "is", contains: "contains", starts_with: "starts with", wildcard: "matches", regex: "matches the pattern" })[rule.match] + " " + rule.value;
}
function entryPointReason(ep, url, sections) {
  var rules = ep.rules || [], include = rules.filter(function (r) { return !r.exclude; });
  var excluded = rules.filter(function (r) { return r.exclude && ruleMatches(r, url); })[0];
  if (excluded) return "The page is excluded by the entry point " + quote(ep.name) + " (URL " + ruleWords(excluded) + ").";
  if (!include.some(function (r) { return ruleMatches(r, url); })) {
    var unreadable = include.filter(function (r) { return r.match === "regex" && !regex(String(r.value || "")); })[0];
    if (unreadable) return "The entry point " + quote(ep.name) + " has a pattern this browser cannot read (" + unreadable.value + "); correct it in the designer.";
    return "The page " + url.pathname + " is not in the entry point " + quote(ep.name) + (include.length ? "." : ", which has no URL yet.");
  }
  if ((ep.sections || []).length && !anyIn(ep.sections, sections)) {
    return "The page does not declare the section " + ep.sections.join(" or ") + " of the entry point " + quote(ep.name) + ".";
  }
  return null;
}
