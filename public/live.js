// A live blog's open page (components/article/LiveBlog.tsx): asks /api/live/{id} what changed
// since the revision the page has, keeps the changes aside and offers them in a polite live region
// ("3 new entries – show"), so no text moves under the reader until they ask. It asks the moment
// the server says the blog changed (Server-Sent Events, /api/live/{id}/events), and otherwise
// every 15 s as a safety net; without the stream (a buffering proxy, an old browser) once a
// second. Stops when the blog has ended. Plain ES2019, no dependencies; the page works without it.
(function () {
  "use strict";
  var INTERVAL = 1000;
  var QUIET_INTERVAL = 15000;
  var root = document.querySelector("section.live[data-live]");
  if (!root) return;
  var endpoint = root.getAttribute("data-live");
  var revision = Number(root.getAttribute("data-revision")) || 0;
  var news = root.querySelector(".live__news");
  var button = root.querySelector(".live__show");
  var pinnedList = root.querySelector(".live__pinned");
  var list = root.querySelector(".live__entries");
  var keyNav = root.querySelector(".live__key-events");
  var pending = new Map(); // entry id → its new HTML and place, or null: removed
  var pendingKeys = null;
  var stopped = false;
  var timer = 0;
  var events = null; // the server's stream of "changed", while it is open

  function template(name, n) {
    return (root.getAttribute(name) || "").replace("{n}", String(n));
  }

  function updateButton() {
    var added = 0;
    var changed = 0;
    pending.forEach(function (entry, id) {
      if (document.getElementById("entry-" + id)) changed++;
      else if (entry) added++;
    });
    if (added + changed === 0) {
      button.hidden = true;
      return;
    }
    button.textContent = added > 0 ? template(added === 1 ? "data-new-one" : "data-new-many", added) : template(changed === 1 ? "data-updated-one" : "data-updated-many", changed);
    button.hidden = false;
  }

  function ended() {
    stopped = true;
    clearTimeout(timer);
    if (events) events.close();
    var note = document.createElement("p");
    note.className = "live__ended";
    note.textContent = root.getAttribute("data-ended");
    news.appendChild(note);
    var state = root.querySelector(".live__state");
    if (state) state.className = "live__state live__state--ended";
  }

  function take(data) {
    if (data.revision > revision) {
      revision = data.revision;
      data.entries.forEach(function (e) { pending.set(e.id, e); });
      data.removed.forEach(function (id) { pending.set(id, null); });
      if (data.keyEvents !== null) pendingKeys = data.keyEvents;
      updateButton();
    }
    if (data.state !== "live") ended();
  }

  function schedule() {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(poll, events && events.readyState === 1 ? QUIET_INTERVAL : INTERVAL);
  }

  function pollNow() {
    clearTimeout(timer);
    poll();
  }

  function poll() {
    if (stopped) return;
    if (document.hidden) return schedule(); // a background tab asks again when it is looked at
    fetch(endpoint + "?since=" + revision, { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) take(data); })
      .catch(function () {})
      .then(schedule);
  }

  /** Newest first: before the first entry published earlier than this one. */
  function place(target, li) {
    var at = li.getAttribute("data-published");
    var items = target.children;
    for (var i = 0; i < items.length; i++) {
      if ((items[i].getAttribute("data-published") || "") < at) return target.insertBefore(li, items[i]);
    }
    target.appendChild(li);
  }

  function show() {
    var first = null;
    pending.forEach(function (entry, id) {
      var old = document.getElementById("entry-" + id);
      if (old) old.remove();
      if (!entry) return;
      var box = document.createElement("template");
      box.innerHTML = entry.html;
      var li = box.content.firstElementChild;
      place(entry.pinned ? pinnedList : list, li);
      if (!first || (li.getAttribute("data-published") || "") > (first.getAttribute("data-published") || "")) first = li;
    });
    pending.clear();
    if (pendingKeys !== null) {
      keyNav.querySelector("ol").innerHTML = pendingKeys;
      keyNav.hidden = pendingKeys === "";
      pendingKeys = null;
    }
    pinnedList.hidden = pinnedList.children.length === 0;
    var empty = root.querySelector(".live__empty");
    if (empty && list.children.length + pinnedList.children.length > 0) empty.remove();
    updateButton();
    if (first) {
      // The button is gone: keyboard and screen-reader users continue at the newest entry shown.
      first.tabIndex = -1;
      first.focus();
    }
  }

  if (typeof EventSource === "function") {
    events = new EventSource(endpoint + "/events");
    // Open (again): catch up on what happened before or while the stream was down.
    events.addEventListener("open", pollNow);
    events.addEventListener("message", pollNow);
    // The browser reconnects by itself; until then the page polls at the fast rate. A refusal
    // (the server is at its limit) closes the stream for good: polling only.
    events.addEventListener("error", schedule);
  }

  button.addEventListener("click", show);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && !stopped) {
      clearTimeout(timer);
      poll();
    }
  });
  schedule();
})();
