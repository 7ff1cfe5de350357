/* The treatment planner (overrides/treatment-planner.html): from one treatment date, the next
   treatments every 12 weeks for more than a year, and an iCalendar file (RFC 5545) of them made
   in the browser. Nothing typed is stored or sent. */
(function () {
  "use strict";

  var tools = window.PatientTools;
  var tool = document.querySelector(".planner");
  if (!tool || !tools) return;

  var WEEKS_BETWEEN = 12;
  var DAYS_BETWEEN = WEEKS_BETWEEN * 7;
  var NEXT_TREATMENTS = 5;      // 5 x 84 days: 420, past a year
  var RELIEF_WITHIN_DAYS = 14;
  var OLDEST_YEARS = 2;         // an older date is a plan the clinic has surely changed
  var LATEST_YEARS = 1;

  var form = tool.querySelector("form");
  var input = tool.querySelector("#planner-date");
  var error = tool.querySelector("#planner-date-error");
  var results = tool.querySelector(".planner__results");
  var status = tool.querySelector(".planner__status");
  var plan = null;

  function yearsFrom(date, years) {
    var shifted = new Date(date.getTime());
    shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
    return shifted;
  }

  var now = tools.today();
  input.min = tools.isoDate(yearsFrom(now, -OLDEST_YEARS));
  input.max = tools.isoDate(yearsFrom(now, LATEST_YEARS));

  // A message for a date the planner cannot use, or "" for a good one.
  function problemWith(text, date) {
    // A browser's date box gives "" for a date it cannot read, as well as for an empty one.
    if (!text && input.validity.badInput) return "That date does not exist. Check the day, month and year.";
    if (!text) return "Enter the date of your first or last treatment.";
    if (!date) return "That date does not exist. Check the day, month and year.";
    if (date < yearsFrom(now, -OLDEST_YEARS)) {
      return "Enter a date in the last " + OLDEST_YEARS + " years. For an older date, ask your clinic when your next treatment is.";
    }
    if (date > yearsFrom(now, LATEST_YEARS)) return "Enter a date no more than a year from today.";
    return "";
  }

  function item(text) {
    var li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  function show(start, isFirst) {
    var dates = [];
    for (var n = 1; n <= NEXT_TREATMENTS; n++) dates.push(tools.addDays(start, n * DAYS_BETWEEN));
    plan = { start: start, isFirst: isFirst, dates: dates };

    var list = tool.querySelector(".planner__dates");
    list.replaceChildren();
    dates.forEach(function (date, index) {
      var label = isFirst ? "treatment " + (index + 2) : "next treatment " + (index + 1);
      list.appendChild(item(tools.inWords(date, true) + " (" + label + ")"));
    });
    tool.querySelector(".planner__from").textContent =
      "From your " + (isFirst ? "first" : "last") + " treatment on " + tools.inWords(start, true) + ", every " + WEEKS_BETWEEN + " weeks:";
    tool.querySelector(".planner__effect").textContent = isFirst
      ? "Relief may start by " + tools.inWords(tools.addDays(start, RELIEF_WITHIN_DAYS), true) +
        ", within " + RELIEF_WITHIN_DAYS + " days. For some people it starts only after the 2nd treatment."
      : "After each treatment, relief may start within " + RELIEF_WITHIN_DAYS + " days.";
    tool.querySelector(".planner__check").textContent = isFirst
      ? "In England and Wales, your specialist checks how well Botox works after 2 treatments, before your 3rd on " +
        tools.inWords(dates[1], true) + ". Elsewhere, ask your clinic."
      : "In England and Wales, your specialist checks how well Botox works after your first 2 treatments. Ask your clinic if you are not sure when yours is.";
    results.hidden = false;
    status.textContent = "Your next treatment is due on " + tools.inWords(dates[0], true) + ". The dates are listed below.";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var date = tools.parseDate(input.value);
    var problem = problemWith(input.value, date);
    tools.showError(input, error, problem);
    if (problem) {
      // Dates worked out before stay as they were: their heading names the date they come from.
      status.textContent = problem;
      input.focus();
      return;
    }
    show(date, form.elements["treatment-number"].value === "first");
  });

  // RFC 5545 text: backslash, semicolon, comma and new line escaped; lines folded at 75 octets
  // (every character here is ASCII, so a character is an octet).
  function icsText(text) {
    return text.replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
  }

  function folded(line) {
    var parts = [];
    while (line.length > 75) {
      parts.push(line.slice(0, 75));
      line = " " + line.slice(75);
    }
    parts.push(line);
    return parts.join("\r\n");
  }

  function compact(date) {
    return tools.isoDate(date).replace(/-/g, "");
  }

  function calendarFile() {
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var batch = Math.random().toString(36).slice(2, 10);
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + location.hostname + "//Botox treatment planner//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    plan.dates.forEach(function (date, index) {
      lines.push(
        "BEGIN:VEVENT",
        "UID:botox-" + compact(date) + "-" + batch + "-" + index + "@" + (location.hostname || "localhost"),
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + compact(date),
        "DTEND;VALUE=DATE:" + compact(tools.addDays(date, 1)),
        "SUMMARY:" + icsText("Botox treatment due"),
        "DESCRIPTION:" + icsText("Your Botox treatment for migraine is due, " + WEEKS_BETWEEN +
          " weeks after the last one. Check the date and time with your clinic."),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + icsText("Botox treatment due in 1 week"),
        "TRIGGER:-P7D",
        "END:VALARM",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(folded).join("\r\n") + "\r\n";
  }

  tool.querySelector(".planner__calendar").addEventListener("click", function () {
    tools.saveFile("botox-treatment-dates.ics", "text/calendar", calendarFile());
    status.textContent = "Calendar file saved. Open it to add the dates to your calendar.";
  });
  tool.querySelector(".planner__print").addEventListener("click", function () { window.print(); });

  tool.hidden = false;
})();
