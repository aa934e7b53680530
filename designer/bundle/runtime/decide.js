/* The decision: which engagement shows in each zone, and why every other does not. */
function inGroup(purpose, percent, forced) {
  if (forced === "in") return true;
  if (forced === "out") return false;
  return hash(visitorId() + "|" + purpose) % 10000 < (percent || 0) * 100;
}
function byId(items) { var m = {}; (items || []).forEach(function (x) { m[x.id] = x; }); return m; }
function stateWords(state) { return state === "busy" ? "busy" : "offline"; }

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
    if (!campaign) reason = "The engagement's campaign is missing from the bundle.";
    else if (e.enabled === false) reason = "The engagement is turned off in the designer.";
    else if (undrawable[e.id]) reason = undrawable[e.id];
    if (!reason) {
      if (!(e.campaign in campaignCache)) {
        var cr = timeFrameReason(campaign, at);
        if (!cr && accountOut) cr = "The visitor is in the account's control group (" + acc.control_group_percent + "% of visitors see no engagement).";
        if (!cr && inGroup("campaign:" + campaign.id, campaign.control_group_percent, cgForced)) {
          cr = "The visitor is in the campaign " + quote(campaign.name) + "'s control group (" + campaign.control_group_percent + "% of visitors).";
        }
        if (!cr && campaign.audience) cr = ruleReason(AUDIENCE, campaign.audience, "target audience");
        campaignCache[e.campaign] = cr;
      }
      reason = campaignCache[e.campaign];
    }
    if (!reason && e.entry_point != null) {  // the same page for every engagement: decided once per entry point
      if (!(e.entry_point in epCache)) {
        epCache[e.entry_point] = eps[e.entry_point] ? entryPointReason(eps[e.entry_point], url, sections) : "The engagement's entry point is missing from the bundle.";
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
      if (!design) reason = "Agents are " + stateWords(state) + " and this engagement hides when they are.";
    }
    var current = shown[e.zone_key] && shown[e.zone_key].id === e.id;
    if (!reason && visit.closed.indexOf(e.id) >= 0) reason = "The visitor closed this engagement in this visit.";
    if (!reason && e.format === "toaster" && device() === "phone") reason = "A toaster is not shown on phones: it is not accessible on mobile web.";
    if (!reason && e.zone === "proactive" && Object.keys(talking).length) {  // the visitor engaged: no invitation beside the window
      reason = "The visitor is in a conversation: proactive invitations wait until the conversation window closes.";
    }
    if (!reason && e.zone === "proactive" && !current) {
      var kind = e.kind === "content" ? "content" : "conversation";
      if (!(acc.invite_after_decline || {})[kind] && declined[kind]) {
        reason = "The visitor declined a " + kind + " engagement in this visit and the account does not invite again after a decline.";
      }
      var limit = (acc.displays_per_visit || {})[kind], seen = visit.displays[kind] || 0;
      if (!reason && limit != null && seen >= limit) {
        reason = "The visitor has already seen " + seen + " proactive " + kind + " engagement" + (seen === 1 ? "" : "s") + " in this visit, the account's limit.";
      }
    }
    if (!reason && e.zone === "embedded" && !D.getElementById(e.element_id)) {
      reason = "The page has no element with id " + quote(e.element_id) + " to hold this embedded engagement.";
    }
    var d = { id: e.id, name: e.name, shows: !reason, reason: reason || "", state: state, zone: e.zone_key };
    out.push(d);
    if (!reason) {
      (contenders[e.zone_key] = contenders[e.zone_key] || []).push({ d: d, e: e, w: typeof campaign.weight === "number" && campaign.weight >= 0 ? campaign.weight : 10, current: current, design: design });
    }
  }
  manifest.engagements.forEach(function (e) {
    try { decideOne(e); } catch (err) {  // a damaged entry hides itself, never the others
      out.push({ id: e && e.id, name: e && e.name, shows: false, state: null, zone: e && e.zone_key,
        reason: "The bundle's data for this engagement is damaged (" + err.message + "); export the bundle again." });
    }
  });
  Object.keys(contenders).forEach(function (zone) {
    var group = contenders[zone], winner = group.filter(function (c) { return c.current; })[0], why = " already shows";
    if (!winner) {
      var total = group.reduce(function (s, c) { return s + c.w; }, 0);
      var pick = (hash(visitorId() + "|zone|" + zone) / 4294967296) * total;
      winner = group[0];  // all weights 0: the first in the manifest
      for (var i = 0; i < group.length && total > 0; i++) { pick -= group[i].w; if (pick < 0) { winner = group[i]; break; } }
      why = " was chosen by priority";
    }
    group.forEach(function (c) {
      if (c === winner) { c.d.design = c.design; return; }
      c.d.shows = false;
      c.d.reason = "Another engagement, " + quote(winner.e.name) + "," + why + " in the " + zone.replace("embedded:", "embedded element ") + " zone.";
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
