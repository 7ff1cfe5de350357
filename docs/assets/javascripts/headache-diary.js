/* The headache diary on the phone (overrides/headache-diary.html). Each day is one localStorage
   item, "headache-diary:YYYY-MM-DD", holding {"version": 1, "headache": …, "migraine": …,
   "painkiller": …, "triptan": …, "note": "…"}: so a damaged or old-format day is reported and kept
   as it is, and every other day still reads. Nothing leaves the device unless the reader saves a
   file or prints. */
(function () {
  "use strict";

  var tools = window.PatientTools;
  var tool = document.querySelector(".diary");
  if (!tool || !tools) return;

  var PREFIX = "headache-diary:";
  var VERSION = 1;
  var FIELDS = ["headache", "migraine", "painkiller", "triptan"];
  var OLDEST_YEARS = 2;
  var MARKS = { headache: "H", migraine: "M", painkiller: "P", triptan: "T" };
  var WORDS = { headache: "headache", migraine: "migraine", painkiller: "painkillers", triptan: "triptans" };

  var form = tool.querySelector(".diary__entry");
  var dateInput = tool.querySelector("#diary-date");
  var dateError = tool.querySelector("#diary-date-error");
  var status = tool.querySelector(".diary__status");
  var problemBox = tool.querySelector(".diary__problem");
  var beforeSelect = tool.querySelector("#diary-before");
  var dialog = tool.querySelector(".diary__confirm");

  var now = tools.today();
  var oldest = new Date(now.getTime());
  oldest.setUTCFullYear(oldest.getUTCFullYear() - OLDEST_YEARS);
  var thisMonth = tools.isoDate(now).slice(0, 7);
  var oldestMonth = tools.isoDate(oldest).slice(0, 7);
  dateInput.max = tools.isoDate(now);
  dateInput.min = tools.isoDate(oldest);

  var entries = {};   // "YYYY-MM-DD": entry
  var unreadable = []; // { date, why }
  var shownMonth = thisMonth;

  function storage() {
    try { return window.localStorage; } catch (blocked) { return null; }
  }

  function isEntry(record) {
    return record && typeof record === "object" && record.version === VERSION &&
      FIELDS.every(function (field) { return typeof record[field] === "boolean"; }) &&
      typeof record.note === "string";
  }

  function load() {
    entries = {};
    unreadable = [];
    var store = storage();
    if (!store) return;
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key.indexOf(PREFIX) !== 0) continue;
      var date = key.slice(PREFIX.length);
      var record;
      try { record = JSON.parse(store.getItem(key)); } catch (damaged) { record = undefined; }
      if (tools.parseDate(date) && isEntry(record)) entries[date] = record;
      else {
        unreadable.push({
          date: date,
          why: record && typeof record === "object" && record.version !== VERSION ? "saved in an older form" : "damaged"
        });
      }
    }
  }

  function dayName(date) {
    var parsed = tools.parseDate(date);
    return parsed ? tools.inWords(parsed, true) : date;
  }

  function showProblems() {
    var messages = [];
    if (!storage()) {
      messages.push("This browser cannot keep your diary: its storage is turned off. Use the paper diary instead.");
    }
    if (unreadable.length) {
      messages.push(unreadable.length === 1 ? "1 saved day could not be read:" : unreadable.length + " saved days could not be read:");
      unreadable.forEach(function (day) { messages.push(dayName(day.date) + " (" + day.why + ")."); });
      messages.push("It is kept as it was, and your other days are safe. Fill in that day again to replace it.");
    }
    problemBox.replaceChildren.apply(problemBox, messages.map(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      return p;
    }));
    problemBox.hidden = messages.length === 0;
  }

  function daysIn(month) {
    var first = tools.parseDate(month + "-01");
    return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  }

  function shiftMonth(month, by) {
    var first = tools.parseDate(month + "-01");
    return tools.isoDate(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + by, 1))).slice(0, 7);
  }

  function countsFor(month) {
    var counts = { month: month, filled: 0, headache: 0, migraine: 0, medicine: 0 };
    Object.keys(entries).forEach(function (date) {
      if (date.slice(0, 7) !== month) return;
      var entry = entries[date];
      counts.filled++;
      if (entry.headache || entry.migraine) counts.headache++;  // a migraine day is a headache day
      if (entry.migraine) counts.migraine++;
      if (entry.painkiller || entry.triptan) counts.medicine++;
    });
    return counts;
  }

  function monthsWithEntries() {
    var months = {};
    Object.keys(entries).forEach(function (date) { months[date.slice(0, 7)] = true; });
    return Object.keys(months).sort();
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function renderDays() {
    tool.querySelector(".diary__month").textContent = tools.monthInWords(shownMonth);
    tool.querySelector(".diary__previous").disabled = shownMonth <= oldestMonth;
    tool.querySelector(".diary__next").disabled = shownMonth >= thisMonth;
    var list = tool.querySelector(".diary__days");
    list.replaceChildren();
    var today = tools.isoDate(now);
    for (var day = 1; day <= daysIn(shownMonth); day++) {
      var date = shownMonth + "-" + (day < 10 ? "0" : "") + day;
      var entry = entries[date];
      var item = element("li");
      if (day === 1) item.style.gridColumnStart = (tools.parseDate(date).getUTCDay() + 6) % 7 + 1;  // Monday first
      var button = element("button", "diary__day" + (entry ? " diary__day--filled" : ""));
      button.type = "button";
      button.setAttribute("data-date", date);
      button.appendChild(element("span", "diary__day-number", String(day)));
      var said = entry ? FIELDS.filter(function (field) { return entry[field]; }) : [];
      var marks = element("span", "diary__marks", entry ? (said.map(function (field) { return MARKS[field]; }).join(" ") || "✓") : "");
      marks.setAttribute("aria-hidden", "true");
      button.appendChild(marks);
      var words = " " + tools.inWords(tools.parseDate(date), true).replace(/ \d{4}$/, "") + ": ";
      if (date > today) {
        button.disabled = true;
        words += "in the future";
      } else if (entry) {
        words += said.length ? said.map(function (field) { return WORDS[field]; }).join(", ") : "no headache, no medicine";
      } else {
        words += "not filled in";
      }
      if (date === dateInput.value) button.setAttribute("aria-current", "date");
      button.appendChild(element("span", "visually-hidden", words));
      item.appendChild(button);
      list.appendChild(item);
    }
    var counts = countsFor(shownMonth);
    var list2 = tool.querySelector(".diary__counts");
    list2.replaceChildren();
    [["Headache days", counts.headache], ["Migraine days", counts.migraine], ["Medicine days", counts.medicine],
      ["Days filled in", counts.filled + " of " + daysIn(shownMonth)]].forEach(function (pair) {
      var row = element("div");
      row.appendChild(element("dt", "", pair[0]));
      row.appendChild(element("dd", "", String(pair[1])));
      list2.appendChild(row);
    });
  }

  function renderCompare() {
    var months = monthsWithEntries();
    var change = tool.querySelector(".diary__change");
    var latest = months[months.length - 1];
    var earlier = months.slice(0, -1);
    var chosen = beforeSelect.value;
    beforeSelect.replaceChildren.apply(beforeSelect, earlier.map(function (month) {
      return new Option(tools.monthInWords(month), month);
    }));
    beforeSelect.disabled = earlier.length === 0;
    if (!earlier.length) {
      change.textContent = "Fill in at least 2 months to compare them.";
      return;
    }
    beforeSelect.value = earlier.indexOf(chosen) >= 0 ? chosen : earlier[0];
    var before = countsFor(beforeSelect.value);
    var after = countsFor(latest);
    var text = "Headache days: " + before.headache + " in " + tools.monthInWords(before.month) + " (" + before.filled +
      " days filled in), and " + after.headache + " in " + tools.monthInWords(after.month) + ", your latest month (" +
      after.filled + " days filled in). ";
    var difference = before.headache - after.headache;
    if (before.headache === 0) text += "With no headache days before, there is no percentage to work out.";
    else if (difference === 0) text += "That is the same number.";
    else {
      var percent = Math.round(Math.abs(difference) / before.headache * 100);
      text += "That is " + Math.abs(difference) + (difference > 0 ? " fewer" : " more") + " headache days: " +
        percent + "% " + (difference > 0 ? "fewer." : "more.");
    }
    if (after.filled < daysIn(latest)) text += " Your latest month is not filled in for every day.";
    change.textContent = text;
  }

  function renderSummary() {
    var body = tool.querySelector(".diary__table tbody");
    var months = monthsWithEntries().reverse();
    body.replaceChildren.apply(body, months.map(function (month) {
      var counts = countsFor(month);
      var row = element("tr");
      row.appendChild(element("th", "", tools.monthInWords(month))).scope = "row";
      [counts.filled + " of " + daysIn(month), counts.headache, counts.migraine, counts.medicine].forEach(function (value) {
        row.appendChild(element("td", "", String(value)));
      });
      return row;
    }));
    tool.querySelector(".diary__summary .md-typeset__table").hidden = months.length === 0;
    tool.querySelector(".diary__empty").hidden = months.length > 0;
  }

  function render() {
    showProblems();
    renderDays();
    renderCompare();
    renderSummary();
  }

  function fillForm(date) {
    var entry = entries[date];
    dateInput.value = date;
    FIELDS.forEach(function (field) { form.elements[field].checked = Boolean(entry && entry[field]); });
    form.elements.note.value = entry ? entry.note : "";
    tools.showError(dateInput, dateError, "");
  }

  // A message for a date that cannot be filled in, or "".
  function problemWith(text) {
    var date = tools.parseDate(text);
    if (!text && dateInput.validity.badInput) return "That date does not exist. Check the day, month and year.";
    if (!text) return "Enter the date of the day you are filling in.";
    if (!date) return "That date does not exist. Check the day, month and year.";
    if (date > now) return "That day has not happened yet. Choose today or a day before.";
    if (date < oldest) return "Enter a date in the last " + OLDEST_YEARS + " years.";
    return "";
  }

  function say(text) {
    status.textContent = text;
  }

  function checkedDate() {
    var problem = problemWith(dateInput.value);
    tools.showError(dateInput, dateError, problem);
    if (problem) {
      say(problem);
      dateInput.focus();
      return null;
    }
    return dateInput.value;
  }

  function saved(write, date, message) {
    try {
      write();
    } catch (full) {
      say("Could not save. This browser's storage may be full or turned off.");
      return;
    }
    load();
    shownMonth = date.slice(0, 7);
    render();
    say(message + dayName(date) + ".");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var date = checkedDate();
    if (!date) return;
    var entry = { version: VERSION, note: form.elements.note.value.trim() };
    FIELDS.forEach(function (field) { entry[field] = form.elements[field].checked; });
    saved(function () { storage().setItem(PREFIX + date, JSON.stringify(entry)); }, date, "Saved: ");
  });

  tool.querySelector(".diary__clear-day").addEventListener("click", function () {
    var date = checkedDate();
    if (!date) return;
    saved(function () { storage().removeItem(PREFIX + date); }, date, "Cleared: ");
    fillForm(date);
  });

  tool.querySelector(".diary__days").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-date]");
    if (!button) return;
    fillForm(button.getAttribute("data-date"));
    renderDays();
    var title = tool.querySelector(".diary__entry-title");
    title.textContent = "Fill in " + dayName(dateInput.value);
    // Focusable only now, so that a screen reader says which day the form is for; never a Tab stop.
    title.setAttribute("tabindex", "-1");
    title.addEventListener("blur", function () { title.removeAttribute("tabindex"); }, { once: true });
    title.focus();
  });

  tool.querySelector(".diary__previous").addEventListener("click", function () {
    shownMonth = shiftMonth(shownMonth, -1);
    renderDays();
  });
  tool.querySelector(".diary__next").addEventListener("click", function () {
    shownMonth = shiftMonth(shownMonth, 1);
    renderDays();
  });
  beforeSelect.addEventListener("change", renderCompare);

  // A cell that a spreadsheet would run as a formula starts with an apostrophe instead.
  function csvCell(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  tool.querySelector(".diary__csv").addEventListener("click", function () {
    var rows = [["Date", "Headache", "Migraine", "Painkillers", "Triptans", "Note"]];
    Object.keys(entries).sort().forEach(function (date) {
      var entry = entries[date];
      rows.push([date].concat(FIELDS.map(function (field) { return entry[field] ? "yes" : "no"; }), [entry.note]));
    });
    tools.saveFile("headache-diary.csv", "text/csv", rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n");
    say("Spreadsheet file saved, with " + (rows.length - 1) + " days.");
  });

  tool.querySelector(".diary__print").addEventListener("click", function () { window.print(); });

  tool.querySelector(".diary__delete").addEventListener("click", function () { dialog.showModal(); });
  tool.querySelector(".diary__confirm-no").addEventListener("click", function () { dialog.close(); });
  tool.querySelector(".diary__confirm-yes").addEventListener("click", function () {
    var store = storage();
    var keys = [];
    for (var i = 0; store && i < store.length; i++) {
      if (store.key(i).indexOf(PREFIX) === 0) keys.push(store.key(i));
    }
    keys.forEach(function (key) { store.removeItem(key); });
    dialog.close();
    load();
    render();
    say("Your diary is deleted from this device.");
  });

  // Another tab of the site saved a day: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(PREFIX) === 0) {
      load();
      render();
    }
  });

  load();
  fillForm(tools.isoDate(now));
  render();
  tool.hidden = false;
})();
