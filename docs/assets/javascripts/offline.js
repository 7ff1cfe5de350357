/* Registers the service worker (overrides/sw.js, made complete by overrides/hooks/service_worker.py)
   that lets the home page, urgent help, the planner, the diaries and every page already read open
   with no connection. It lives at the site's root, two folders up from this script, so that it
   may serve every page. A browser without service workers, or one that refuses them, simply
   goes online as before: hence the empty catch. */
(function () {
  "use strict";

  if (!("serviceWorker" in navigator) || !window.isSecureContext || !document.currentScript) return;
  var worker = new URL("../../sw.js", document.currentScript.src);
  navigator.serviceWorker.register(worker.href).catch(function () {});
})();
