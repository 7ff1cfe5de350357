/* Search that loads when a reader first opens it.
   Material starts its search worker (12 KB) and downloads the search index (9 KB) on every page
   as soon as it loads, though most readers never search: on a slow phone that is a fifth of the
   page. This script runs just before Material's (overrides/main.html) and holds both back until
   the search box first opens. It relies on how Material 9.8 does the two: the index through
   XMLHttpRequest, the worker through `new Worker(url)`. tests/test_search.py fails if a new
   version of Material changes either. */
(function () {
  "use strict";

  var toggle = document.querySelector("[data-md-toggle=search]");
  if (!toggle || !window.Worker) {
    return;
  }

  // Every way of opening search (the button, a click in the search box, the "s" key) ticks
  // this checkbox and fires its change event.
  var opened = false;
  var waiting = [];
  function whenSearchOpens(start) {
    if (opened) {
      start();
    } else {
      waiting.push(start);
    }
  }
  toggle.addEventListener("change", function () {
    if (toggle.checked && !opened) {
      opened = true;
      waiting.splice(0).forEach(function (start) { start(); });
    }
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.fetchesSearchIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var body = arguments;
    if (!request.fetchesSearchIndex) {
      return send.apply(request, body);
    }
    whenSearchOpens(function () { send.apply(request, body); });
  };

  // Material gives its worker nothing to do until the index has arrived, so the worker starts
  // when it is first given work. Until then, Material's listeners wait on a stand-in.
  var StartWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!/\/workers\/search\.[^/]*\.js$/.test(new URL(url, location.href).pathname)) {
      return new StartWorker(url, options);
    }
    var standIn = new EventTarget();
    var worker = null;
    standIn.postMessage = function (message) {
      if (!worker) {
        worker = new StartWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
      }
      worker.postMessage(message);
    };
    standIn.terminate = function () {
      if (worker) {
        worker.terminate();
      }
    };
    return standIn;
  };
})();
