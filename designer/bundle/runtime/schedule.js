/* Time: the campaign's time frame and the scheduler's hours, in their local clocks. */
function localTime(zone, at) {
  var key = zone || "UTC", fmt = fmtCache[key];
  if (!fmt) {
    fmt = fmtCache[key] = new Intl.DateTimeFormat("en-US", {
      timeZone: key, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", weekday: "short"
    });
  }
  var p = {};
  fmt.formatToParts(at).forEach(function (part) { p[part.type] = part.value; });
  var date = p.year + "-" + p.month + "-" + p.day, time = p.hour + ":" + p.minute;
  return {
    date: date, stamp: date + "T" + time, minute: +p.hour * 60 + +p.minute, text: time,
    weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday)
  };
}
function inShifts(shifts, t) {
  return shifts.some(function (s) { return s.start <= t.minute && t.minute < s.end; });
}
function timeFrameReason(campaign, at) {
  var tf = campaign.time_frame || {}, zone = tf.time_zone || "UTC", t;
  try { t = localTime(zone, at); } catch (e) {
    return "The campaign's time zone " + quote(zone) + " is unknown to this browser, so it never shows.";
  }
  if (tf.starts_at && t.stamp < tf.starts_at) {
    return "The campaign " + quote(campaign.name) + " starts " + tf.starts_at.replace("T", " ") + " (" + zone + ").";
  }
  if (tf.ends_at && t.stamp > tf.ends_at) {
    return "The campaign " + quote(campaign.name) + " ended " + tf.ends_at.replace("T", " ") + " (" + zone + ").";
  }
  var occasion = (tf.special_occasions || []).filter(function (o) { return o.date === t.date; })[0];
  var when = WEEKDAYS[t.weekday] + " " + t.text + " (" + zone + ")";
  if (occasion) {
    if (occasion.closed) return "The campaign is closed today for " + quote(occasion.name) + ".";
    return inShifts([occasion], t) ? null
      : "The campaign's hours for " + quote(occasion.name) + " do not include " + t.text + " (" + zone + ").";
  }
  var mode = tf.hours_mode || "all_hours", shifts = tf.shifts || [];
  if (mode === "weekly") shifts = shifts.filter(function (s) { return s.weekday === t.weekday; });
  if (mode !== "all_hours" && !inShifts(shifts, t)) return "The campaign's hours do not include " + when + ".";
  return null;
}
function agentState(engagement, at) {
  var skill = engagement.skill, forced = preview.agent_state;
  if (forced) return forced;
  var pushed = visitor.agentStates[skill == null ? "*" : skill] || visitor.agentStates["*"];
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
