/* What the treatment planner and the headache diary share: calendar dates without time zones,
   dates in words, files saved from the browser and field errors. Dates are kept as "YYYY-MM-DD"
   and worked on as UTC midnights, so that a clock change never moves a day. Loaded only by the
   tool pages (their templates), before the tool's own script. */
(function () {
  "use strict";

  var DAY_MS = 86400000;

  // A real calendar day, or null: "2027-02-30" is refused, not turned into 2 March.
  function parseDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) return null;
    var date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3]
      ? date : null;
  }

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * DAY_MS);
  }

  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  }

  function inWords(date, withWeekday) {
    var options = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
    if (withWeekday) options.weekday = "long";
    return date.toLocaleDateString("en-GB", options);
  }

  function monthInWords(month) {  // "2026-12"
    return parseDate(month + "-01").toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  }

  // Made in the browser and saved by it: nothing goes to a server.
  function saveFile(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // The GOV.UK pattern: the message above the field, tied to it, and the field marked invalid.
  function showError(input, error, message) {
    error.textContent = message;
    error.hidden = !message;
    var hint = input.getAttribute("aria-describedby").split(" ")[0];
    input.setAttribute("aria-describedby", message ? hint + " " + error.id : hint);
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  window.PatientTools = {
    parseDate: parseDate, isoDate: isoDate, addDays: addDays, today: today, inWords: inWords,
    monthInWords: monthInWords, saveFile: saveFile, showError: showError
  };
})();
