/* Time: the campaign's time frame and the scheduler's hours, in their local clocks.
   The manifest's time_zones give each zone's UTC offsets over a span of years, so no
   Intl (whose first use loads the browser's zone data: a long task) is needed. */
var clocks = {};  // zone -> the last local time worked out (asked again and again within a minute)
function localTime(zone, at) {  // throws for a zone the manifest does not know
  var minute = Math.floor(at.getTime() / 60000), last = clocks[zone];
  return last && last.at === minute ? last : (clocks[zone] = localMinute(zone, minute));
}
function localMinute(zone, minute) {
  var changes = manifest.time_zones[zone || "UTC"], off, i = 0;
  while (i < changes.length && changes[i][0] <= minute) off = changes[i++][1];
  if (off == null) off = changes[i ? changes.length - 2 : 0][1];  // outside the exported span: its nearest offset
  var local = new Date((minute + off) * 60000), stamp = local.toISOString().slice(0, 16);
  return {
    at: minute, date: stamp.slice(0, 10), stamp: stamp, text: stamp.slice(11),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: (local.getUTCDay() + 6) % 7
  };
}
function inShifts(shifts, t) {
  return shifts.some(function (s) { return s.start <= t.minute && t.minute < s.end; });
}
function timeFrameReason(campaign, at) {
  var tf = campaign.time_frame || {}, zone = tf.time_zone || "UTC", t;
  try { t = localTime(zone, at); } catch (e) { return ["tz", zone]; }
  if (tf.starts_at && t.stamp < tf.starts_at) return ["starts", campaign.name, tf.starts_at.replace("T", " "), zone];
  if (tf.ends_at && t.stamp > tf.ends_at) return ["ended", campaign.name, tf.ends_at.replace("T", " "), zone];
  var occasion = (tf.special_occasions || []).filter(function (o) { return o.date === t.date; })[0];
  if (occasion) {
    if (occasion.closed) return ["closed_for", occasion.name];
    return inShifts([occasion], t) ? null : ["occasion_hours", occasion.name, t.text, zone];
  }
  var mode = tf.hours_mode || "all_hours", shifts = tf.shifts || [];
  if (mode === "weekly") shifts = shifts.filter(function (s) { return s.weekday === t.weekday; });
  return mode !== "all_hours" && !inShifts(shifts, t) ? ["hours", ["day" + t.weekday], t.text, zone] : null;
}
function agentState(engagement, at) {
  var skill = engagement.skill, forced = preview.agent_state;
  if (forced) return forced;
  var pushed = visitor.states[skill == null ? "*" : skill] || visitor.states["*"];
  if (pushed) return pushed;
  var acc = manifest.account, sched = acc.scheduler || {}, all = sched.shifts || [];
  if (!all.length) return "online";  // no scheduler: agents are always there
  var t;
  try { t = localTime(acc.time_zone, at); } catch (e) { return "offline"; }
  var mine = function (x) { return skill == null || x.skill == null || x.skill === skill; };
  var holiday = (sched.holidays || []).some(function (h) { return h.date === t.date && mine(h); });
  if (holiday) return "offline";
  return inShifts(all.filter(function (s) { return s.weekday === t.weekday && mine(s); }), t) ? "online" : "offline";
}
