/* The decision: which engagement shows in each zone, and why every other does not. */
function inGroup(purpose, percent, forced) {
  if (forced === "in") return true;
  if (forced === "out") return false;
  return hash(visitorId() + "|" + purpose) % 10000 < (percent || 0) * 100;
}
function byId(items) { var m = {}; (items || []).forEach(function (x) { m[x.id] = x; }); return m; }
function say(r) {  // a reason (its code and values) as the manifest's sentence for it
  if (!Array.isArray(r)) return r;
  if (Array.isArray(r[0])) return r.map(say).join("; the visitor ");
  var text = (manifest.reasons || {})[r[0]];
  return text ? text.replace(/\{(\d)\}/g, function (m, i) { return say(r[+i + 1]); }) : r.join(" ");
}

function decide() {
  if (!manifest) return [];
  var at = now(), url = pageUrl(), acc = manifest.account;
  var campaigns = byId(manifest.campaigns), eps = byId(manifest.entry_points), behaviors = byId(manifest.behaviors);
  var sections = visitor.sections.concat(list(preview.sections));
  var cgForced = preview.control_group;
  var accountOut = inGroup("account", acc.control_group_percent, cgForced);
  var campaignCache = {}, epCache = {}, behaviorCache = {}, stateCache = {}, out = [], contenders = {};
  var declined = declinedKinds();
  function decideOne(e) {
    var campaign = campaigns[e.campaign], reason = null, state = null, design = null;
    if (broken) reason = broken;
    else if (!campaign) reason = ["no_campaign"];
    else if (e.enabled === false) reason = ["off"];
    else if (undrawable[e.id]) reason = ["undrawable", undrawable[e.id]];
    if (!reason) {
      if (!(e.campaign in campaignCache)) {
        var cr = timeFrameReason(campaign, at);
        if (!cr && accountOut) cr = ["account_group", acc.control_group_percent];
        if (!cr && inGroup("campaign:" + campaign.id, campaign.control_group_percent, cgForced)) cr = ["campaign_group", campaign.name, campaign.control_group_percent];
        if (!cr && campaign.audience) cr = ruleReason(AUDIENCE, campaign.audience, "audience");
        campaignCache[e.campaign] = cr;
      }
      reason = campaignCache[e.campaign];
    }
    if (!reason && e.entry_point != null) {  // the same page for every engagement: decided once per entry point
      if (!(e.entry_point in epCache)) {
        epCache[e.entry_point] = eps[e.entry_point] ? entryPointReason(eps[e.entry_point], url, sections) : ["no_entry_point"];
      }
      reason = epCache[e.entry_point];
    }
    if (!reason && e.behavior != null && behaviors[e.behavior]) {
      if (!(e.behavior in behaviorCache)) behaviorCache[e.behavior] = ruleReason(BEHAVIOR, behaviors[e.behavior], "behavior");
      reason = behaviorCache[e.behavior];
    }
    if (!reason) {
      if (!(e.skill in stateCache)) stateCache[e.skill] = agentState(e, at);
      state = stateCache[e.skill];
      design = (e.designs || {})[state];
      if (!design) reason = ["agents", state === "busy" ? "busy" : "offline"];
    }
    var current = shown[e.zone_key] && shown[e.zone_key].id === e.id;
    if (!reason && visit.closed.indexOf(e.id) >= 0) reason = ["closed"];
    if (!reason && e.format === "toaster" && device() === "phone") reason = ["toaster_phone"];
    if (!reason && e.zone === "proactive" && Object.keys(talking).length) reason = ["talking"];  // the visitor engaged: no invitation beside the window
    if (!reason && e.zone === "proactive" && !current) {
      var kind = e.kind === "content" ? "content" : "conversation";
      if (!(acc.invite_after_decline || {})[kind] && declined[kind]) reason = ["declined", kind];
      var limit = (acc.displays_per_visit || {})[kind], seen = visit.displays[kind] || 0;
      if (!reason && limit != null && seen >= limit) reason = ["limit", seen, kind, seen === 1 ? "" : "s"];
    }
    if (!reason && e.zone === "embedded" && !D.getElementById(e.element_id)) reason = ["no_element", e.element_id];
    var d = { id: e.id, name: e.name, shows: !reason, reason: reason, state: state, zone: e.zone_key };
    out.push(d);
    if (!reason) {
      (contenders[e.zone_key] = contenders[e.zone_key] || []).push({ d: d, e: e, w: typeof campaign.weight === "number" && campaign.weight >= 0 ? campaign.weight : 10, current: current, design: design });
    }
  }
  manifest.engagements.forEach(function (e) {
    try { decideOne(e); } catch (err) {  // a damaged entry hides itself, never the others
      out.push({ id: e && e.id, name: e && e.name, shows: false, state: null, zone: e && e.zone_key,
        reason: ["damaged", err.message] });
    }
  });
  Object.keys(contenders).forEach(function (zone) {
    var group = contenders[zone], winner = group.filter(function (c) { return c.current; })[0], why = "other_shows";
    if (!winner) {
      var total = group.reduce(function (s, c) { return s + c.w; }, 0);
      var pick = (hash(visitorId() + "|zone|" + zone) / 4294967296) * total;
      winner = group[0];  // all weights 0: the first in the manifest
      for (var i = 0; i < group.length && total > 0; i++) { pick -= group[i].w; if (pick < 0) { winner = group[i]; break; } }
      why = "other_chosen";
    }
    group.forEach(function (c) {
      if (c === winner) { c.d.design = c.design; return; }
      c.d.shows = false;
      c.d.reason = [why, winner.e.name, zone.replace("embedded:", "embedded element ")];
    });
  });
  return out;
}
function declinedKinds() {  // which kinds of proactive engagement the visitor declined in this visit
  var kinds = {};
  manifest.engagements.forEach(function (e) {
    if (e.zone === "proactive" && visit.declined.indexOf(e.id) >= 0) kinds[e.kind === "content" ? "content" : "conversation"] = true;
  });
  return kinds;
}
