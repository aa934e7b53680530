/* Conversions: clicks remembered, and purchases credited to them by the account's model. */
function clicksSoFar() { var c = local.get("ed_clicks", []); return Array.isArray(c) ? c : []; }
function recordClick(e) {
  var clicks = clicksSoFar();
  clicks.push({ id: e.id, name: e.name, campaign: e.campaign, at: now().getTime(), visit: visitToken() });
  local.set("ed_clicks", clicks.slice(-50));
}
function visitToken() {
  if (!visit.token) { visit.token = randomId(); saveVisit(); }
  return visit.token;
}
function conversion(event) {
  if (!manifest) return;
  var acc = manifest.account, days = acc.cross_session_days || 0, at = now().getTime();
  var clicks = clicksSoFar().filter(function (c) {
    return days ? at - c.at <= days * 86400000 : c.visit === visitToken();
  });
  if (!clicks.length) return;
  var model = acc.attribution_model || "last", credited;
  if (model === "first") credited = [clicks[0]];
  else if (model === "split") {
    var seen = {};
    credited = clicks.filter(function (c) { return seen[c.id] ? false : (seen[c.id] = true); });
  } else credited = [clicks[clicks.length - 1]];
  var total = +event.total || 0;
  credited.forEach(function (c) {
    var campaign = byCampaign[c.campaign];
    if (campaign && campaign.goal_once_per_visit) {
      if (visit.goals.indexOf(c.campaign) >= 0) return;
      visit.goals.push(c.campaign); saveVisit();
    }
    var detail = {
      engagement: c.id, name: c.name, campaign: c.campaign, model: model, total: total,
      credit: Math.round(total / credited.length * 100) / 100, currency: event.currency || acc.currency || "", visitor: profile.id
    };
    emit("conversion", detail);
    if (acc.collector_url && navigator.sendBeacon) {
      try { navigator.sendBeacon(acc.collector_url, JSON.stringify(detail)); } catch (e) { W.console.warn("Engagement tag: the conversion could not be sent to the collector."); }
    }
  });
}
