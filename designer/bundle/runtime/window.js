/* Engagement Designer conversation window: loaded by tag.js on the first click.
   An accessible dialog styled by the engagement's window design, talking through a
   small transport whose default is a demo agent answering with the automatic messages. */
(function () {
  "use strict";
  var W = window, me = document.currentScript;  // tag.js hands the window its context through this element
  if (!me || !me.define) return;
  var open = {};  // engagement id -> the open conversation, so a second click focuses it

  function css(el, props) { Object.keys(props).forEach(function (k) { el.style.setProperty(k, String(props[k])); }); return el; }
  function make(doc, tagName, cls, text) {
    var el = doc.createElement(tagName);
    if (cls) el.className = cls;
    if (text != null) el.textContent = text;
    return el;
  }

  /* The demo agent: greeting first, then the other automatic messages in turn. */
  function demoTransport(messages) {
    var replies = Object.keys(messages || {}).filter(function (k) { return k !== "greeting"; });
    var turn = 0;
    return {
      start: function (conversation, deliver) { if (messages && messages.greeting) deliver(messages.greeting); },
      send: function (conversation, text, deliver) {
        if (!replies.length) return;
        var reply = messages[replies[turn % replies.length]];
        turn += 1;
        W.setTimeout(function () { deliver(reply); }, 300);
      },
      end: function () {}
    };
  }

  /* Unauthenticated conversations: a random token kept until the account's idle time passes. */
  function tokenFor(ctx) {
    var key = "ed_conversation_" + ctx.engagement.id, saved = ctx.local.get(key, null), at = ctx.now();
    var idle = (ctx.account.idle_time_days || 30) * 86400000;
    if (!saved || typeof saved.token !== "string" || !(saved.expires > at) || !Array.isArray(saved.messages)) {
      saved = { token: ctx.random_id(), messages: [] };  // none yet, expired, or damaged: a new conversation
    }
    saved.expires = at + idle;
    ctx.local.set(key, saved);
    return {
      record: saved,
      save: function () { saved.expires = ctx.now() + idle; saved.messages = saved.messages.slice(-100); ctx.local.set(key, saved); }
    };
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("button, a[href], input, textarea, [tabindex]:not([tabindex='-1'])"),
      function (el) { return !el.disabled && el.offsetParent !== null; }
    );
  }

  var RTL = /^(ar|he|fa|ur|yi|ps|dv|ckb|sd|ug)\b/i;

  /* Where the window goes: in the page, a shadow root of its own (nothing of the page's CSS
     reaches it); in a popup or tab, the whole document, in the engagement's language, styled
     by the same sheet. -> [document, root focus is read in, where the dialog goes, host or null] */
  function place(ctx, p, separate, language, dir) {
    if (!separate) { var made = ctx.host(); return [W.document, made[1], made[1], made[0]]; }
    var doc = ctx.popup.document, sheet = new ctx.popup.CSSStyleSheet();
    doc.title = p.header_text || ctx.engagement.name;
    doc.documentElement.lang = language;
    doc.documentElement.dir = dir;
    css(doc.body, { margin: "0" });
    sheet.replaceSync(ctx.css);
    doc.adoptedStyleSheets = [sheet];
    return [doc, doc, doc.body, null];
  }

  /* The dialog: the window design's theme, font, size and corners. */
  function frame(doc, ctx, p, separate, language, dir) {
    var dark = p.theme === "dark";
    var dialog = make(doc, "div", "ed-window ed-window-" + ctx.target);
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-labelledby", "ed-window-title-" + ctx.engagement.id);
    dialog.lang = language;
    dialog.dir = dir;
    css(dialog, {
      display: "flex", "flex-direction": "column", "box-sizing": "border-box", overflow: "hidden",
      background: dark ? "#1e1f24" : "#ffffff", color: dark ? "#f1f1f1" : "#1f1f1f",
      "font-family": p.font || "system-ui", "font-size": (p.font_size || 15) + "px", "pointer-events": "auto"
    });
    if (separate) return css(dialog, { position: "relative", width: "100vw", height: "100vh" });
    return css(dialog, {
      position: "fixed", right: "16px", bottom: "16px", "z-index": "2147483600",
      width: (p.width || 360) + "px", height: (p.height || 520) + "px",
      "max-width": "calc(100vw - 32px)", "max-height": "calc(100vh - 32px)",
      "border-radius": (p.corner_radius == null ? 12 : p.corner_radius) + "px", "box-shadow": "0 12px 40px rgba(0, 0, 0, 0.3)"
    });
  }

  /* The header: logo (a link when it has one), title, action menu button, close. -> [header, menu button or null, close] */
  function header(doc, ctx, p) {
    var top = css(make(doc, "div", "ed-window-header"), {
      display: "flex", "align-items": "center", gap: "8px", padding: "10px 12px",
      background: p.header_color || "#1a56db", color: p.header_text_color || "#ffffff"
    });
    var image = p.header_image && typeof p.header_image === "object" ? p.header_image : null;
    if (image) {
      var img = css(make(doc, "img", "ed-window-logo"), { height: "28px", width: "auto" });
      img.src = ctx.asset(image.src);
      if (image.src2x) img.srcset = ctx.asset(image.src) + " 1x, " + ctx.asset(image.src2x) + " 2x";
      img.alt = p.header_image_alt || "";
      var href = p.header_image_link ? ctx.safe_url(p.header_image_link) : "";
      if (href) {
        var a = make(doc, "a");
        a.href = href; a.target = "_blank"; a.rel = "noopener";
        a.appendChild(img);
        top.appendChild(a);
      } else top.appendChild(img);
    }
    var title = css(make(doc, "h2", "ed-window-title", p.header_text || "Chat with us"), { margin: "0", "font-size": "1.1em", flex: "1" });
    title.id = "ed-window-title-" + ctx.engagement.id;
    top.appendChild(title);
    var menuButton = null;
    if (p.action_menu !== false) {
      menuButton = css(make(doc, "button", "ed-window-menu-button", "\u22ee"), { background: "transparent", border: "0", color: "inherit", cursor: "pointer", "font-size": "1.2em" });
      menuButton.type = "button";
      menuButton.setAttribute("aria-label", "Conversation actions");
      menuButton.setAttribute("aria-expanded", "false");
      top.appendChild(menuButton);
    }
    var closeButton = css(make(doc, "button", "ed-window-close", "\u00d7"), { background: "transparent", border: "0", color: "inherit", cursor: "pointer", "font-size": "1.4em" });
    closeButton.type = "button";
    closeButton.setAttribute("aria-label", "Close the conversation window");
    top.appendChild(closeButton);
    return [top, menuButton, closeButton];
  }

  /* The action menu, opened by its button. -> [menu, end conversation, download transcript] */
  function actionMenu(doc, menuButton) {
    var menu = css(make(doc, "div", "ed-window-menu"), { display: "none", "flex-direction": "column", padding: "4px 12px", gap: "4px", "border-bottom": "1px solid rgba(127,127,127,0.3)" });
    var end = make(doc, "button", "ed-window-end", "End conversation");
    var download = make(doc, "button", "ed-window-transcript", "Download transcript");
    [end, download].forEach(function (b) { b.type = "button"; menu.appendChild(b); });
    menuButton.addEventListener("click", function () {
      var showing = menu.style.getPropertyValue("display") !== "none";
      css(menu, { display: showing ? "none" : "flex" });
      menuButton.setAttribute("aria-expanded", showing ? "false" : "true");
    });
    return [menu, end, download];
  }

  /* The message log. -> [log, show(from, text) adding a bubble] */
  function messageLog(doc, ctx, p) {
    var log = css(make(doc, "div", "ed-window-messages"), { flex: "1", overflow: "auto", padding: "12px", display: "flex", "flex-direction": "column", gap: "8px" });
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", "Messages");
    var bubbleRadius = p.bubble_shape === "square" ? "2px" : p.bubble_shape === "pill" ? "999px" : "12px";
    return [log, function (from, text) {
      var agent = from === "agent";
      var row = css(make(doc, "div", "ed-message ed-message-" + from), { "align-self": agent ? "flex-start" : "flex-end", "max-width": "80%", display: "flex", gap: "6px", "align-items": "flex-end" });
      var picture = p.agent_picture && typeof p.agent_picture === "object" ? p.agent_picture : null;
      if (agent && picture) {
        var face = css(make(doc, "img", "ed-agent-picture"), { width: "24px", height: "24px", "border-radius": "50%" });
        face.src = ctx.asset(picture.src);
        face.alt = p.agent_name || "Agent";
        row.appendChild(face);
      }
      var bubble = css(make(doc, "p", "ed-bubble", text), {
        margin: "0", padding: "8px 12px", "white-space": "pre-wrap", "border-radius": bubbleRadius,
        background: agent ? p.agent_bubble_color || "#eef1f6" : p.visitor_bubble_color || "#1a56db",
        color: agent ? p.agent_text_color || "#1f1f1f" : p.visitor_text_color || "#ffffff"
      });
      var who = make(doc, "span", "ed-visually-hidden", (agent ? p.agent_name || "Agent" : "You") + ": ");
      css(who, { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" });
      bubble.insertBefore(who, bubble.firstChild);
      row.appendChild(bubble);
      log.appendChild(row);
      log.scrollTop = log.scrollHeight;
    }];
  }

  /* The engagement's predefined content, offered as ready answers (null when it has none). */
  function quickReplies(doc, e, p, say) {
    var quick = (e.predefined_content || []).filter(function (q) { return q && q.text; });
    if (!quick.length) return null;
    var replies = css(make(doc, "div", "ed-window-quick"), { display: "flex", "flex-wrap": "wrap", gap: "6px", padding: "0 12px 8px" });
    replies.setAttribute("role", "group");
    replies.setAttribute("aria-label", "Suggested messages");
    quick.forEach(function (q) {
      var b = css(make(doc, "button", "ed-quick-reply", q.title || q.text), {
        background: "transparent", color: "inherit", border: "1px solid " + (p.visitor_bubble_color || "#1a56db"),
        "border-radius": "999px", padding: "4px 12px", cursor: "pointer", font: "inherit"
      });
      b.type = "button";
      b.addEventListener("click", function () { say(q.text); });
      replies.appendChild(b);
    });
    return replies;
  }

  /* The message field and Send. -> [form, input] */
  function inputRow(doc, p) {
    var form = css(make(doc, "form", "ed-window-input"), { display: "flex", gap: "8px", padding: "10px", "border-top": "1px solid rgba(127,127,127,0.3)" });
    var input = css(make(doc, "input", "ed-window-text"), { flex: "1", "min-width": "0", font: "inherit", padding: "6px 8px" });
    input.type = "text";
    input.placeholder = p.input_placeholder || "Type a message";
    input.setAttribute("aria-label", p.input_placeholder || "Type a message");
    var send = make(doc, "button", "ed-window-send", "Send");
    send.type = "submit";
    form.appendChild(input);
    form.appendChild(send);
    return [form, input];
  }

  /* The elements the designer added to the window, at their place over it (drawn as the
     engagements' elements are); a button opens its link, closes the window, or (start a
     conversation) puts the visitor in the message field. Read in their reading order. */
  function addedElements(dialog, ctx, act) {
    var after = dialog.children[1];  // under the header in reading order, over the window on screen
    if (ctx.element) (ctx.engagement.window_elements || []).map(function (el, z) { return [el, z]; }).sort(function (a, b) {
      return ((a[0].props || {}).reading_order || 0) - ((b[0].props || {}).reading_order || 0) || a[1] - b[1];
    }).forEach(function (item) {
      var node = ctx.element(item[0], act);
      if (node) dialog.insertBefore(css(node, { position: "absolute", "z-index": String(item[1] + 1) }), after);
    });
  }

  /* Focus stays in the dialog: Tab and Shift+Tab go round; Escape closes it. */
  function trapFocus(dialog, scope, close) {
    dialog.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); close(); return; }
      if (ev.key !== "Tab") return;
      var items = focusables(dialog);
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1], active = scope.activeElement;
      if (ev.shiftKey && (active === first || !dialog.contains(active))) { ev.preventDefault(); last.focus(); }
      else if (!ev.shiftKey && (active === last || !dialog.contains(active))) { ev.preventDefault(); first.focus(); }
    });
  }

  /* Back to the engagement that opened the window: its launcher, or the one drawn since. */
  function focusLauncher(ctx) {
    var launcher = ctx.launcher, id = ctx.engagement.id;
    if (!launcher || !launcher.isConnected) {  // drawn again since (a new agent state): its new launcher
      var box = W.document.querySelector('ed-engagement[data-engagement="' + id + '"]');
      box = box && box.shadowRoot.querySelector(".ed-engagement");
      launcher = box && (box.tagName === "BUTTON" ? box : box.querySelector("button.ed-button"));
    }
    if (launcher) launcher.focus();
  }

  // The action menu: End the conversation (endIt), or Save it as a text file.
  function menuActions(doc, menu, log, endIt) {
    menu[1].addEventListener("click", endIt);
    menu[2].addEventListener("click", function () {
      var lines = Array.prototype.map.call(log.querySelectorAll(".ed-bubble"), function (b) { return b.textContent; });
      var a = make(doc, "a");
      a.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/plain" }));
      a.download = "conversation.txt";
      doc.body.appendChild(a);
      a.click();
      doc.body.removeChild(a);
    });
  }

  // What a button added to the window does: close it, open its link, or go to the message field.
  function elementAction(ctx, close, input) {
    return function (_e, action, url) {
      if (action === "close") close();
      else if (action === "open_url") { var href = ctx.safe_url(url); if (href) W.open(href, "_blank", "noopener"); }
      else input.focus();
    };
  }

  // The input row sends what the visitor typed (nothing when it is blank).
  function sendOnSubmit(form, input, say) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (!text) return;
      input.value = "";
      say(text);
    });
  }

  function openWindow(ctx) {
    var e = ctx.engagement, p = e.window || {}, already = open[e.id];
    if (already) {  // a second click brings the open conversation forward instead of a second one
      if (already.popup && !already.popup.closed) already.popup.focus();
      if (already.target === "embedded" || (already.popup && !already.popup.closed)) { already.input.focus(); return; }
    }
    var separate = ctx.target !== "embedded" && ctx.popup, language = e.language || "en";
    var dir = RTL.test(language) ? "rtl" : "ltr", where = place(ctx, p, separate, language, dir), doc = where[0];
    var dialog = frame(doc, ctx, p, separate, language, dir), top = header(doc, ctx, p);
    var menu = top[1] && actionMenu(doc, top[1]), log = messageLog(doc, ctx, p), show = log[1];
    var quick = quickReplies(doc, e, p, function (text) { say(text); }), row = inputRow(doc, p), input = row[1];
    [top[0], menu && menu[0], log[0], quick, row[0]].forEach(function (part) { if (part) dialog.appendChild(part); });

    var saved = e.authenticated ? null : tokenFor(ctx);
    var conversation = { engagement: e.id, token: saved ? saved.record.token : "", language: language };
    var transport = ctx.transport || demoTransport(e.automatic_messages);
    var state = { open: true, target: ctx.target, input: input, popup: separate ? ctx.popup : null };
    open[e.id] = state;
    function deliver(text, from) {
      if (!state.open) return;
      from = from || "agent";
      show(from, String(text));
      if (saved) { saved.record.messages.push({ from: from, text: String(text) }); saved.save(); }
    }
    var history = saved ? saved.record.messages.slice() : [];
    history.forEach(function (m) { show(m.from, m.text); });
    var refresher = saved ? W.setInterval(saved.save, 60000) : null;

    function close() {
      if (!state.open) return;
      state.open = false;
      delete open[e.id];
      if (refresher) W.clearInterval(refresher);
      if (saved) saved.save();
      if (separate) { try { ctx.popup.close(); } catch (err) { /* already closed by the visitor */ } }
      else where[3].remove();
      ctx.emit("close", { engagement: e.id, name: e.name });
      focusLauncher(ctx);
    }
    function say(text) {
      deliver(text, "visitor");
      transport.send(conversation, text, deliver);
    }
    top[2].addEventListener("click", close);
    if (menu) menuActions(doc, menu, log[0], function () {
      transport.end(conversation);
      if (saved) { saved.record.messages = []; saved.record.expires = 0; ctx.local.set("ed_conversation_" + e.id, saved.record); saved = null; }
      close();
    });
    addedElements(dialog, ctx, elementAction(ctx, close, input));
    sendOnSubmit(row[0], input, say);
    trapFocus(dialog, where[1], close);
    if (separate) ctx.popup.addEventListener("pagehide", close);

    where[2].appendChild(dialog);
    input.focus();
    ctx.emit("conversation", { engagement: e.id, name: e.name, token: conversation.token, target: ctx.target, reason: ctx.reason });
    if (!history.length) transport.start(conversation, deliver);
  }

  me.define(openWindow);
})();
