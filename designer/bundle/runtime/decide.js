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
  var c = decision(), out = [];
  manifest.engagements.forEach(function (e) {
    try { out.push(decideOne(e, c)); } catch (err) {  // a damaged entry hides itself, never the others
      out.push({ id: e && e.id, name: e && e.name, shows: false, state: null, zone: e && e.zone_key,
        reason: ["damaged", err.message] });
    }
  });
  pickWinners(c.contenders);
  return out;
}
function decision() {  // what the engagements' decisions share: worked out once, or once per campaign, entry point...
  var acc = manifest.account;
  return {
    at: now(), url: pageUrl(), acc: acc, sections: visitor.sections.concat(list(preview.sections)),
    accountOut: inGroup("account", acc.control_group_percent, preview.control_group), declined: declinedKinds(),
    campaign: {}, ep: {}, behavior: {}, state: {}, contenders: {}
  };
}
function once(cache, key, work) { if (!(key in cache)) cache[key] = work(); return cache[key]; }
function decideOne(e, c) {  // -> its decision; one that may show joins its zone's contenders
  var campaign = byCampaign[e.campaign], reason = null, state = null, design = null;
  if (broken) reason = broken;
  else if (!campaign) reason = ["no_campaign"];
  else if (e.enabled === false) reason = ["off"];
  else if (undrawable[e.id]) reason = ["undrawable", undrawable[e.id]];
  if (!reason) reason = once(c.campaign, e.campaign, function () { return campaignReason(campaign, c); });
  if (!reason && e.entry_point != null) {  // the same page for every engagement: decided once per entry point
    reason = once(c.ep, e.entry_point, function () { return byEp[e.entry_point] ? entryPointReason(byEp[e.entry_point], c.url, c.sections) : ["no_entry_point"]; });
  }
  if (!reason && e.behavior != null && byBehavior[e.behavior]) {
    reason = once(c.behavior, e.behavior, function () { return ruleReason(BEHAVIOR, byBehavior[e.behavior], "behavior"); });
  }
  if (!reason) {
    state = once(c.state, e.skill, function () { return agentState(e, c.at); });
    design = (e.designs || {})[state];
    if (!design) reason = ["agents", state === "busy" ? "busy" : "offline"];
  }
  var current = shown[e.zone_key] && shown[e.zone_key].id === e.id;
  if (!reason) reason = visitReason(e, c, current);
  var d = { id: e.id, name: e.name, shows: !reason, reason: reason, state: state, zone: e.zone_key };
  if (!reason) {
    (c.contenders[e.zone_key] = c.contenders[e.zone_key] || []).push({ d: d, e: e, w: typeof campaign.weight === "number" && campaign.weight >= 0 ? campaign.weight : 10, current: current, design: design });
  }
  return d;
}
function campaignReason(campaign, c) {  // its time frame, the control groups, its audience
  var acc = c.acc, cr = timeFrameReason(campaign, c.at);
  if (!cr && c.accountOut) cr = ["account_group", acc.control_group_percent];
  if (!cr && inGroup("campaign:" + campaign.id, campaign.control_group_percent, preview.control_group)) cr = ["campaign_group", campaign.name, campaign.control_group_percent];
  if (!cr && campaign.audience) cr = ruleReason(AUDIENCE, campaign.audience, "audience");
  return cr;
}
function visitReason(e, c, current) {  // this visit and page: closed, the device, a conversation, the limits, the element
  if (visit.closed.indexOf(e.id) >= 0) return ["closed"];
  if (e.on_phones === false && device() === "phone") return [e.format + "_phone"];
  if (e.zone === "proactive" && Object.keys(talking).length) return ["talking"];  // the visitor engaged: no invitation beside the window
  if (e.zone === "proactive" && !current) {
    var kind = e.kind === "content" ? "content" : "conversation";
    if (!(c.acc.invite_after_decline || {})[kind] && c.declined[kind]) return ["declined", kind];
    var limit = (c.acc.displays_per_visit || {})[kind], seen = visit.displays[kind] || 0;
    if (limit != null && seen >= limit) return ["limit", seen, kind, seen === 1 ? "" : "s"];
  }
  if (e.zone === "embedded" && !D.getElementById(e.element_id)) return ["no_element", e.element_id];
  return null;
}
function pickWinners(contenders) {  // one engagement per zone: the one showing, else by priority weight
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
}
function declinedKinds() {  // which kinds of proactive engagement the visitor declined in this visit
  var kinds = {};
  manifest.engagements.forEach(function (e) {
    if (e.zone === "proactive" && visit.declined.indexOf(e.id) >= 0) kinds[e.kind === "content" ? "content" : "conversation"] = true;
  });
  return kinds;
}
