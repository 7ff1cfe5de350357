/* Copy-link buttons, the "Print this page" button and print-only link addresses.
   Everything is wired here with listeners: the site's Content-Security-Policy allows no inline
   script or event handler. The buttons are in the page's HTML, invisible until Material's script
   runs (site.css, .no-js), so that showing them moves nothing; without JavaScript they stay
   invisible and the page still works. */
(function () {
  "use strict";

  var canonical = document.querySelector('link[rel="canonical"]');
  var pageUrl = canonical ? canonical.href : location.href.split("#")[0];

  // One polite live region tells screen reader users that a copy worked.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers, and pages opened over plain http: copy from a hidden text box.
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "visually-hidden";
    document.body.appendChild(box);
    box.select();
    var copied = document.execCommand("copy");
    box.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function whenClicked(button, text) {
    // An icon button shows "Copied" in its label, next to the icon; a text button in place of its text.
    var shown = button.querySelector("[data-copy-label]") || button;
    var label = shown.textContent;
    var restore;
    button.addEventListener("click", function () {
      copy(text).then(function () {
        shown.textContent = "Copied";
        status.textContent = "Copied";
        clearTimeout(restore);
        restore = setTimeout(function () { shown.textContent = label; }, 2000);
      }, function () {
        status.textContent = "Could not copy. Select the text and copy it instead.";
      });
    });
  }

  // The "Copy link" buttons under section headings (overrides/hooks/copy_links.py) and the staff
  // link library's "Copy link" and "Copy sentence" buttons.
  document.querySelectorAll("button[data-copy-text]").forEach(function (button) {
    whenClicked(button, button.getAttribute("data-copy-text"));
  });

  document.querySelectorAll("button.print-page").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // On paper a link is its address: print each link to another page with its full address.
  document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (/^(#|[a-z]+:)/i.test(href) || link.classList.contains("headerlink")) return;
    link.setAttribute("data-print-href", new URL(href, pageUrl).href);
  });

  // Collapsed answers would print as their questions only.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (details) {
      details.open = true;
    });
  });
})();
