// Trinvis shell: works without the wasm.
// 1. Registers the service worker and, when a new version is waiting, tells the patient and
//    lets them choose when to reload.
// 2. If the app fails to start or panics, shows a plain rescue screen that offers to reload
//    and to download every stored text as it is, so a bug never holds the diary hostage.
(function () {
  "use strict";
  var started = false;

  function lang() {
    try {
      var s = JSON.parse(localStorage.getItem("trinvis.settings") || "{}");
      if (s && s.lang === "en") return "en";
    } catch (e) { /* storage blocked or unreadable: Danish */ }
    return "da";
  }
  var TEXT = {
    da: {
      update: "Der er en ny version af Trinvis klar.",
      updateNow: "Opdater nu",
      updatedElsewhere: "Trinvis er opdateret i en anden fane. Genindlæs, når det passer dig.",
      rescueTitle: "Trinvis kunne ikke starte",
      crashTitle: "Trinvis stødte på en fejl",
      rescueBody: "Det er en fejl i appen, ikke noget du har gjort. Dine data er ikke slettet. Prøv at genindlæse siden. Du kan også hente en kopi af alt, hvad der er gemt.",
      reload: "Genindlæs",
      download: "Hent mine data"
    },
    en: {
      update: "A new version of Trinvis is ready.",
      updateNow: "Update now",
      updatedElsewhere: "Trinvis was updated in another tab. Reload when it suits you.",
      rescueTitle: "Trinvis could not start",
      crashTitle: "Trinvis ran into a fault",
      rescueBody: "This is a fault in the app, not something you did. Your data has not been deleted. Try reloading the page. You can also download a copy of everything stored.",
      reload: "Reload",
      download: "Download my data"
    }
  };
  function t(key) { return TEXT[lang()][key]; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  // The rarely opened screens' stylesheet (release build: pkg-<hash>/screens.css, from
  // style/screens.css), added when the first of them opens (src/platform.rs screens_css).
  // The promise is true once it has loaded; a failed sheet is removed and the next screen
  // asks again (the screen meanwhile has the first screen's styles: plain, never blank).
  var sheet = null;
  window.trinvisScreensCss = function () {
    if (!sheet) sheet = new Promise(function (done) {
      var pkg = document.querySelector('meta[name="trinvis-pkg"]');
      var link = el("link", { rel: "stylesheet", href: (pkg ? pkg.content : "./") + "screens.css" });
      link.onload = function () { done(true); };
      link.onerror = function () { link.remove(); sheet = null; done(false); };
      document.head.appendChild(link);
    });
    return sheet;
  };

  // Every key of ours with its raw text, in the same shape as the app's own download.
  function rescueFile() {
    var items = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf("trinvis.") === 0) items[k] = localStorage.getItem(k);
      }
    } catch (e) { /* nothing readable */ }
    return JSON.stringify({ kind: "trinvis.rescue", schema_version: 1, items: items }, null, 1);
  }
  function download() {
    var blob = new Blob([rescueFile()], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "trinvis-data.json" });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  var rescued = false;
  function rescue(detail) {
    if (rescued) return;
    rescued = true;
    if (detail) console.error("Trinvis:", detail);
    var show = function () {
      document.documentElement.setAttribute("lang", lang());
      var main = el("main", { class: "rescue card", role: "alert" });
      main.appendChild(el("h1", {}, t(started ? "crashTitle" : "rescueTitle")));
      main.appendChild(el("p", {}, t("rescueBody")));
      var reload = el("button", { type: "button", class: "primary" }, t("reload"));
      reload.addEventListener("click", function () { location.reload(); });
      var dl = el("button", { type: "button" }, t("download"));
      dl.addEventListener("click", download);
      main.appendChild(reload);
      main.appendChild(document.createTextNode(" "));
      main.appendChild(dl);
      document.body.replaceChildren(main);
    };
    if (document.body) show(); else document.addEventListener("DOMContentLoaded", show);
  }
  window.trinvisRescue = rescue;
  window.trinvisStarted = function () { started = true; };

  // Start-up failures: a script or the wasm that does not load, or an error before start.
  window.addEventListener("error", function (e) {
    var target = e.target;
    if (target && target.tagName === "SCRIPT") return rescue("script failed to load");
    if (!started && e instanceof ErrorEvent) rescue(e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    if (!started) rescue(String(e.reason));
  });

  // Offline and updates.
  if (!("serviceWorker" in navigator)) return;
  var reloading = false;
  // A page that started under a worker (not a first visit, where the new worker's claim
  // also fires controllerchange).
  var hadController = !!navigator.serviceWorker.controller;
  function banner(text, label, onClick) {
    if (document.getElementById("update-banner")) return;
    var show = function () {
      var bar = el("div", { id: "update-banner", class: "update-banner", role: "status" });
      bar.appendChild(el("p", {}, text));
      var b = el("button", { type: "button", class: "primary" }, label);
      b.addEventListener("click", onClick);
      bar.appendChild(b);
      document.body.prepend(bar);
    };
    if (document.body) show(); else document.addEventListener("DOMContentLoaded", show);
  }
  function offerUpdate(worker) {
    banner(t("update"), t("updateNow"), function () {
      reloading = true;
      worker.postMessage({ type: "SKIP_WAITING" });
    });
  }
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) { location.reload(); return; }
    if (!hadController) return;
    // Another tab took the update: the new worker dropped this version's cache, so the
    // screens this page has not opened yet (lazily loaded parts) may no longer load.
    // The patient reloads when a form is not half filled.
    var old = document.getElementById("update-banner");
    if (old) old.remove();
    banner(t("updatedElsewhere"), t("reload"), function () { location.reload(); });
  });
  // Registered after the page has loaded, so precaching never competes with start-up.
  function register() {
    navigator.serviceWorker.register("./sw.js").then(function (reg) {
      function watch(w) {
        if (!w) return;
        w.addEventListener("statechange", function () {
          // A first install has no controller yet: nothing to update.
          if (w.state === "installed" && navigator.serviceWorker.controller) offerUpdate(w);
        });
      }
      if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
      // A worker may already be installing when register() resolves.
      watch(reg.installing);
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
    }).catch(function (e) { console.warn("Trinvis: no offline support", e); });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
