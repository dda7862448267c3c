// Copydesk: embeds load only when the reader agrees. Until then a page with embeds asks nothing of
// YouTube, X & co.; the placeholder (rendered at publish, lib/content/embed-node.ts) shows the
// provider, caption, credit and a link to the original, which is all a reader without JavaScript
// gets. "Always allow" is kept on this device (localStorage) and revoked on /external-content.
// Standalone on purpose: no framework, nothing but the DOM.
(function () {
  "use strict";
  var KEY = "copydesk.embeds.allowed";
  var WORDS = {
    de: {
      load: "Inhalt von {p} laden – dabei werden Daten an {p} übertragen",
      always: "{p} immer erlauben",
      frame: "Eingebetteter Inhalt von {p}",
      none: "Auf diesem Gerät ist kein Dienst dauerhaft erlaubt.",
      allowed: "{p}: immer erlaubt",
      revoke: "Erlaubnis für {p} widerrufen",
      revoked: "Die Erlaubnis für {p} ist widerrufen.",
    },
    en: {
      load: "Load content from {p} — this sends data to {p}",
      always: "Always allow {p}",
      frame: "Embedded content from {p}",
      none: "No service is always allowed on this device.",
      allowed: "{p}: always allowed",
      revoke: "Revoke permission for {p}",
      revoked: "Permission for {p} is revoked.",
    },
  };

  function words(el) {
    var holder = el.closest("[lang]");
    var lang = holder ? holder.getAttribute("lang") : "";
    return WORDS[lang && lang.slice(0, 2) === "de" ? "de" : "en"];
  }
  function say(text, name) {
    return text.split("{p}").join(name);
  }
  function allowed() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
    } catch {
      return {};
    }
  }
  function remember(provider, name) {
    var all = allowed();
    all[provider] = name;
    try {
      localStorage.setItem(KEY, JSON.stringify(all));
    } catch {
      /* private mode: allowed for this page only */
    }
  }

  function load(figure, focus) {
    if (figure.classList.contains("embed--loaded")) return;
    var box = figure.querySelector(".embed__placeholder");
    var name = figure.querySelector(".embed__provider").textContent;
    var caption = figure.querySelector(".embed__caption");
    var frame = document.createElement("iframe");
    frame.className = "embed__frame";
    frame.src = figure.getAttribute("data-embed-src");
    frame.title = say(words(figure).frame, name) + (caption ? ": " + caption.textContent : "");
    frame.setAttribute("allow", "fullscreen; encrypted-media; picture-in-picture");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var notice = box.querySelector(".embed__consent");
    if (notice) notice.remove();
    box.insertBefore(frame, box.firstChild);
    figure.classList.add("embed--loaded");
    if (focus) frame.focus();
  }

  function placeholder(figure, index) {
    var provider = figure.getAttribute("data-embed-provider");
    var name = figure.querySelector(".embed__provider").textContent;
    if (allowed()[provider]) return load(figure, false);
    var w = words(figure);
    var consent = document.createElement("div");
    consent.className = "embed__consent";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button embed__load";
    button.textContent = say(w.load, name);
    var label = document.createElement("label");
    label.className = "embed__always";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = "embed-always-" + index;
    label.htmlFor = box.id;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + say(w.always, name)));
    button.addEventListener("click", function () {
      if (box.checked) {
        remember(provider, name);
        document.querySelectorAll('figure.embed[data-embed-provider="' + provider + '"]').forEach(function (other) {
          if (other !== figure) load(other, false);
        });
      }
      load(figure, true);
    });
    consent.appendChild(button);
    consent.appendChild(label);
    figure.querySelector(".embed__placeholder").appendChild(consent);
  }

  /** The settings page: what this device always allows, each with a button to revoke it. */
  function settings(root) {
    var w = words(root);
    var list = document.createElement("ul");
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    function draw() {
      var all = allowed();
      var keys = Object.keys(all);
      list.textContent = "";
      if (!keys.length) {
        var li = document.createElement("li");
        li.textContent = w.none;
        list.appendChild(li);
      }
      keys.forEach(function (provider) {
        var name = String(all[provider]);
        var item = document.createElement("li");
        item.appendChild(document.createTextNode(say(w.allowed, name) + " "));
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button";
        button.textContent = say(w.revoke, name);
        button.addEventListener("click", function () {
          var rest = allowed();
          delete rest[provider];
          try {
            localStorage.setItem(KEY, JSON.stringify(rest));
          } catch {
            /* nothing stored, nothing to revoke */
          }
          status.textContent = say(w.revoked, name);
          draw();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }
    draw();
    root.textContent = "";
    root.appendChild(list);
    root.appendChild(status);
  }

  var count = 0;
  function scan() {
    document.querySelectorAll("figure.embed[data-embed-src]:not([data-embed-ready])").forEach(function (figure) {
      figure.setAttribute("data-embed-ready", "");
      placeholder(figure, count++);
    });
    document.querySelectorAll("[data-embed-settings]:not([data-embed-ready])").forEach(function (root) {
      root.setAttribute("data-embed-ready", "");
      settings(root);
    });
  }
  function start() {
    scan();
    // The site navigates between pages without reloading, and this script runs once: pages
    // with embeds that arrive later are found as they appear.
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
