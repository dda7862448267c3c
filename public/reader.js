// The reader site's only script of its own (pages are sent without React's runtime, see
// lib/http/reader-html.mjs): the article's copy-link button and view beacon. Nothing else on a
// reader page needs JavaScript. Plain ES2019, no dependencies, ~1 KB.
(function () {
  "use strict";

  function copyWithSelection(text) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
      if (focused && focused.focus) focused.focus(); // keyboard users stay on the button
    }
  }

  function setUpCopy(button) {
    var status = button.nextElementSibling;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(button.getAttribute("data-copy-link"), location.href).href;
      var say = function (ok) {
        if (status) status.textContent = button.getAttribute(ok ? "data-copied" : "data-failed");
      };
      if (status) status.textContent = ""; // a second copy is announced again
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { say(true); }, function () { say(copyWithSelection(url)); });
      } else {
        say(copyWithSelection(url));
      }
    });
    button.addEventListener("blur", function () {
      if (status) status.textContent = "";
    });
  }

  function countView(marker) {
    var body = JSON.stringify({ articleId: Number(marker.getAttribute("data-view-beacon")) });
    var send = function () {
      if (!(navigator.sendBeacon && navigator.sendBeacon("/api/views", body))) {
        fetch("/api/views", { method: "POST", body: body, keepalive: true }).catch(function () {});
      }
    };
    if (document.prerendering) document.addEventListener("prerenderingchange", send, { once: true });
    else send();
  }

  function start() {
    document.querySelectorAll("button[data-copy-link]").forEach(setUpCopy);
    var marker = document.querySelector("[data-view-beacon]");
    if (marker) countView(marker);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
