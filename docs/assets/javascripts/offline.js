/* Registers the service worker (overrides/sw.js, made complete by overrides/hooks/service_worker.py)
   that lets the home page, urgent help, the planner, the diaries and every page already read open
   with no connection. It lives at the site's root, two folders up from this script, so that it
   may serve every page; it is registered once the page has loaded, so that saving pages for
   offline use never slows the first view. A browser that refuses it (a plain-http address, say)
   simply goes online as before: hence the empty catch. */
(function () {
  "use strict";

  if (!("serviceWorker" in navigator)) return;
  var worker = new URL("../../sw.js", document.currentScript.src).href;
  addEventListener("load", function () {
    navigator.serviceWorker.register(worker).catch(function () {});
  });
})();
