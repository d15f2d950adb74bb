// Nearer's small enhancements. Every page works without this file.
(function () {
  "use strict";
  // Fill a hidden time-zone field so dates and greetings follow the person's clock.
  document.addEventListener("DOMContentLoaded", function () {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.querySelectorAll("input[name='time_zone'][type='hidden']").forEach(function (input) {
      if (!input.value) { input.value = zone; }
    });
    // A time-zone list rendered by the server (it works without this): preselect the
    // browser's zone while the list still shows the default, if the list has it.
    document.querySelectorAll("select[data-zone-guess]").forEach(function (select) {
      if (zone && select.value === "UTC" && select.querySelector("option[value='" + zone + "']")) {
        select.value = zone;
      }
    });
    // A form sent back with mistakes: take the keyboard (and a screen reader) to the
    // first one, so nobody has to hunt for what needs fixing.
    var invalid = document.querySelector(
      ".field-invalid input:not([type='hidden']), .field-invalid select, .field-invalid textarea"
    );
    if (invalid && !document.querySelector("[autofocus]")) {
      invalid.focus();
    }
  });
})();

// ---------------------------------------------------------------------------------
// Drafts: nothing typed is lost.
//
// The contract (server side in nearer/journal; the real-browser tests rely on it):
// * A form with data-draft-key="KEY" ("journal:new", "journal:edit:<entry uuid>") and
//   data-draft-owner="<user id>" copies its named fields (all but the CSRF token) to
//   sessionStorage["nearer.draft.KEY"] on every input, as JSON:
//     {"owner": "<user id>", "state": "editing" | "pending" | "retried",
//      "fields": {"title": "...", "body": "...", "people": ["<id>", ...], ...},
//      "at": <ms since 1970>}  (checkboxes and radios: the values ticked)
//   sessionStorage belongs to this tab only and is never sent to the server.
// * Submitting the form marks its draft "pending".
// * A page with an element data-draft-saved="KEY [KEY...]" forgets those drafts. The
//   server renders it once, on the page that follows a successful save or delete.
// * When a form whose draft belongs to the same owner loads:
//   - data-draft-errors (the server sent the form back with errors): the server's
//     values stand (they are what was just sent); the draft follows them, "editing".
//   - "pending": the save never arrived. Typically the session had timed out, the
//     POST was redirected to /accounts/login/?next=<this form>, and after logging in
//     the person is back here. The fields are restored, a status note says what is
//     happening, the draft becomes "retried" and the form is submitted once, with
//     this page's fresh CSRF token. (A hidden draft_id makes a repeat save harmless.)
//   - "retried": that one automatic attempt did not succeed either. Restore, say it
//     is not saved yet, and never submit by itself again, so nothing can loop.
//   - "editing": the person left without saving. Restore if it differs from the page,
//     say "We kept what you were writing." and offer a button to discard it.
// * Logging out on purpose (a form posting to /accounts/logout/) forgets every draft
//   in the tab. A draft of another account is never restored.
// Without JavaScript or sessionStorage the forms work as usual, without drafts.
(function () {
  "use strict";
  var PREFIX = "nearer.draft.";

  function openStorage() {
    try {
      var store = window.sessionStorage;
      store.setItem(PREFIX + "probe", "1");
      store.removeItem(PREFIX + "probe");
      return store;
    } catch (e) {
      return null; // storage blocked (private mode, policy): forms still work
    }
  }
  var store = openStorage();
  if (!store) { return; }

  function read(key) {
    try {
      var draft = JSON.parse(store.getItem(PREFIX + key) || "null");
      return draft && typeof draft === "object" && draft.fields && typeof draft.fields === "object"
        ? draft : null;
    } catch (e) {
      return null;
    }
  }
  function write(key, draft) {
    try { store.setItem(PREFIX + key, JSON.stringify(draft)); } catch (e) { /* full: keep typing */ }
  }
  function forget(key) {
    try { store.removeItem(PREFIX + key); } catch (e) { /* nothing to do */ }
  }
  function forgetAll() {
    try {
      for (var i = store.length - 1; i >= 0; i -= 1) {
        var name = store.key(i);
        if (name && name.indexOf(PREFIX) === 0) { store.removeItem(name); }
      }
    } catch (e) { /* nothing to do */ }
  }

  // Checkboxes and radios (the people a share is with, a 0-10 choice) are kept as
  // the list of the values ticked under their name; every other field as its value.
  function isBox(el) { return /^(checkbox|radio)$/.test(el.type || ""); }
  function keptFields(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.disabled) { return; }
      if (/^(submit|button|reset|file)$/.test(el.type || "")) { return; }
      if (isBox(el)) {
        if (!Array.isArray(fields[el.name])) { fields[el.name] = []; }
        if (el.checked) { fields[el.name].push(el.value); }
        return;
      }
      fields[el.name] = el.value;
    });
    return fields;
  }
  function fieldFor(form, name) {
    var el = form.elements.namedItem(name);
    return el && typeof el.value === "string" && el.name !== "csrfmiddlewaretoken" ? el : null;
  }
  function boxesFor(form, name) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name === name && isBox(el) && !el.disabled;
    });
  }
  function differs(form, fields) {
    return Object.keys(fields).some(function (name) {
      if (Array.isArray(fields[name])) {
        return boxesFor(form, name).some(function (el) {
          return el.checked !== (fields[name].indexOf(el.value) !== -1);
        });
      }
      var el = fieldFor(form, name);
      return el !== null && typeof fields[name] === "string" && el.value !== fields[name];
    });
  }
  function restore(form, fields) {
    Object.keys(fields).forEach(function (name) {
      if (Array.isArray(fields[name])) {
        boxesFor(form, name).forEach(function (el) {
          el.checked = fields[name].indexOf(el.value) !== -1;
        });
        return;
      }
      var el = fieldFor(form, name);
      if (el !== null && typeof fields[name] === "string") { el.value = fields[name]; }
    });
  }
  function resetToPage(form) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") { return; }
      if (isBox(el)) { el.checked = el.defaultChecked; return; }
      if ("defaultValue" in el) { el.value = el.defaultValue; }
    });
  }

  function say(form, text, discard) {
    var box = form.querySelector("[data-draft-status]");
    if (!box) { return; }
    box.textContent = "";
    var line = document.createElement("p");
    line.textContent = text;
    box.appendChild(line);
    if (discard) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.textContent = "Discard it";
      button.addEventListener("click", discard);
      line.appendChild(document.createTextNode(" "));
      line.appendChild(button);
    }
  }

  function setUp(form) {
    var key = form.getAttribute("data-draft-key");
    var owner = form.getAttribute("data-draft-owner") || "";
    if (!key) { return; }
    function save(state) {
      write(key, { owner: owner, state: state, fields: keptFields(form), at: Date.now() });
    }
    function discard() {
      forget(key);
      resetToPage(form);
      var box = form.querySelector("[data-draft-status]");
      if (box) { box.textContent = ""; }
      var first = form.querySelector("textarea, input[type='text']");
      if (first) { first.focus(); }
    }

    var draft = read(key);
    if (draft && draft.owner !== owner) { draft = null; }
    if (draft && form.hasAttribute("data-draft-errors")) {
      save("editing");
    } else if (draft && draft.state === "pending") {
      restore(form, draft.fields);
      write(key, { owner: owner, state: "retried", fields: draft.fields, at: Date.now() });
      say(form, "Welcome back. Saving what you were writing…", null);
      // The prototype's submit: a field named "submit" cannot shadow it, and it does
      // not fire the submit event (which would mark the draft pending again).
      window.setTimeout(function () { HTMLFormElement.prototype.submit.call(form); }, 50);
    } else if (draft && draft.state === "retried") {
      restore(form, draft.fields);
      save("editing");
      say(form, "We kept what you were writing, but it is not saved yet. Check it and press Save.",
        discard);
    } else if (draft && differs(form, draft.fields)) {
      restore(form, draft.fields);
      say(form, "We kept what you were writing.", discard);
    }

    form.addEventListener("input", function () { save("editing"); });
    form.addEventListener("change", function () { save("editing"); });
    form.addEventListener("submit", function () { save("pending"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-draft-saved]").forEach(function (marker) {
      (marker.getAttribute("data-draft-saved") || "").split(/\s+/).forEach(function (key) {
        if (key) { forget(key); }
      });
    });
    document.querySelectorAll("form[data-draft-key]").forEach(setUp);
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (form instanceof HTMLFormElement && /\/accounts\/logout\/$/.test(form.getAttribute("action") || "")) {
        forgetAll();
      }
    });
  });

  // Back to a form the browser kept in memory (back/forward cache): its fields still
  // hold the words, so a "pending" save must not be retried behind the person's back.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      var key = form.getAttribute("data-draft-key");
      var draft = key ? read(key) : null;
      if (draft && draft.state !== "editing") {
        draft.state = "editing";
        write(key, draft);
      }
    });
  });
})();

// ---------------------------------------------------------------------------------
// Installed and offline (server side in nearer/pwa; tests in test_install_journey.py).
//
// * The service worker named on the head's manifest link (data-service-worker) is
//   registered for the site (data-scope). It keeps static files and an offline page,
//   never a person's pages.
// * A form sent while the device is offline is not sent into nothing (which would
//   replace the page, and what was typed, with the offline page):
//   - a journal form (data-draft-key) or a check-in (data-offline-send, or the
//     check-in's own .checkin-form) is kept on the page, its draft kept in this tab
//     as the drafts part above does, and a note says so. Back online, it fetches this
//     page again for a fresh CSRF token and sends the form by the button that was
//     pressed. If the session has ended meanwhile, or the page can't be fetched, it
//     sends nothing and asks the person to press the button again.
//   - any other form is not sent, and the note says to press it again once online.
(function () {
  "use strict";
  var link = document.querySelector("link[rel='manifest'][data-service-worker]");
  if (link && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(link.getAttribute("data-service-worker"), {
      scope: link.getAttribute("data-scope") || "/"
    }).catch(function () { /* no worker (private mode, policy): pages work as usual */ });
  }

  var KEEP = "form[data-draft-key], form[data-offline-send], form.checkin-form";
  var waiting = []; // [{form, submitter}] kept until the network is back

  function noteFor(form) {
    var box = form.querySelector("[data-offline-status]");
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("data-offline-status", "");
      box.setAttribute("role", "status");
      form.insertBefore(box, form.firstChild);
    }
    return box;
  }
  function say(form, text) {
    var box = noteFor(form);
    box.textContent = "";
    if (!text) { return; }
    var line = document.createElement("p");
    line.className = "notice";
    line.textContent = text;
    box.appendChild(line);
  }
  function buttonWords(submitter) {
    var words = submitter ? (submitter.textContent || submitter.value || "").trim() : "";
    return words ? "“" + words + "”" : "the button";
  }

  function freshToken(form) {
    // This page again, with the session's cookies: its form carries a fresh token.
    // A page that ended up elsewhere (the login page) means the session has ended.
    return window.fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        var here = new URL(window.location.href);
        if (!response.ok || new URL(response.url).pathname !== here.pathname) { return null; }
        return response.text();
      })
      .then(function (text) {
        if (text === null) { return null; }
        var page = new DOMParser().parseFromString(text, "text/html");
        var input = page.querySelector("input[name='csrfmiddlewaretoken']");
        return input ? input.value : null;
      });
  }

  function sendKept() {
    var kept = waiting;
    waiting = [];
    kept.forEach(function (item) {
      var form = item.form;
      say(form, "You're back online. Sending it now…");
      freshToken(form).then(function (token) {
        var field = form.querySelector("input[name='csrfmiddlewaretoken']");
        if (!token || !field) {
          say(form, "You're back online. What you wrote is still here: press " +
            buttonWords(item.submitter) + " to send it.");
          return;
        }
        field.value = token;
        if (item.submitter && typeof form.requestSubmit === "function") {
          form.requestSubmit(item.submitter);
        } else if (typeof form.requestSubmit === "function") {
          form.requestSubmit();
        } else {
          HTMLFormElement.prototype.submit.call(form);
        }
      }).catch(function () {
        say(form, "You're back online. What you wrote is still here: press " +
          buttonWords(item.submitter) + " to send it.");
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || navigator.onLine !== false) { return; }
    event.preventDefault();
    if (form.matches(KEEP)) {
      var already = waiting.some(function (item) { return item.form === form; });
      if (!already) { waiting.push({ form: form, submitter: event.submitter || null }); }
      say(form, "You're offline. What you wrote is kept on this device, in this tab, " +
        "and will be sent as soon as you're back online.");
    } else {
      say(form, "You're offline, so this wasn't sent. Please press " +
        buttonWords(event.submitter) + " again once you're back online.");
    }
  }, true);

  window.addEventListener("online", sendKept);
})();

// ---------------------------------------------------------------------------------
// Check-ins: the feeling grid (arrows in two dimensions) and step one's words.
// * [data-feeling-grid] holds 25 radios of one name in reading order, five a row.
//   Without this script they are one radio group (arrows step row by row); here
//   Left/Right move along a row and Up/Down along a column, stopping at the edges,
//   choosing the cell as a radio group's arrows do.
// * A form [data-checkin-step-one] also holds every quadrant's words, hidden
//   ([data-checkin-words], groups [data-quadrant="hu|hp|lu|lp"]) and a hidden
//   "Done" ([data-checkin-done]). Once a cell is chosen the words of the quadrants
//   it touches show (both sides of a middle line, all four at the centre: the rule of
//   checkins/content.quadrants_for), "Done" shows and becomes the form's first
//   button, and "Next" says what it now adds. Grid, word, Done: three taps.
(function () {
  "use strict";
  var SIZE = 5;
  var MOVES = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

  function touched(value) {
    var parts = String(value).split(",");
    var p = Number(parts[0]), e = Number(parts[1]);
    var energies = e > 0 ? ["h"] : e < 0 ? ["l"] : ["h", "l"];
    var sides = p > 0 ? ["p"] : p < 0 ? ["u"] : ["u", "p"];
    var codes = [];
    energies.forEach(function (en) { sides.forEach(function (side) { codes.push(en + side); }); });
    return codes;
  }

  function said(radio) {
    var words = radio.parentNode.querySelector(".visually-hidden");
    var text = words ? words.textContent : "";
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function showWords(form, radio) {
    var chosen = form.querySelector("[data-grid-chosen]");
    if (chosen) { chosen.textContent = said(radio); }
    var words = form.querySelector("[data-checkin-words]");
    var done = form.querySelector("[data-checkin-done]");
    var next = form.querySelector("[data-checkin-next]");
    if (!words || !done) { return; }
    var codes = touched(radio.value);
    words.querySelectorAll("[data-quadrant]").forEach(function (group) {
      var shown = codes.indexOf(group.getAttribute("data-quadrant")) !== -1;
      group.hidden = !shown;
      if (!shown) {
        group.querySelectorAll("input").forEach(function (input) { input.checked = false; });
      }
    });
    words.hidden = false;
    if (done.hidden) {
      done.hidden = false;
      // First in the form, so Enter saves; "Next" now leads to the optional details.
      if (next && next.parentNode === done.parentNode) { next.parentNode.insertBefore(done, next); }
      if (next) {
        next.textContent = "Add who or what contributed";
        next.classList.add("button-quiet");
      }
    }
  }

  document.addEventListener("keydown", function (event) {
    var radio = event.target;
    var move = MOVES[event.key];
    if (!move || !(radio instanceof HTMLInputElement) || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var grid = radio.closest("[data-feeling-grid]");
    if (!grid) { return; }
    var cells = Array.prototype.slice.call(grid.querySelectorAll("input[type='radio']"));
    var at = cells.indexOf(radio);
    if (at === -1) { return; }
    event.preventDefault();
    var row = Math.floor(at / SIZE) + move[0], col = (at % SIZE) + move[1];
    if (row < 0 || row >= SIZE || col < 0 || col >= SIZE) { return; }
    var target = cells[row * SIZE + col];
    target.focus();
    if (!target.checked) {
      target.checked = true;
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });

  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!(radio instanceof HTMLInputElement) || !radio.closest("[data-feeling-grid]")) { return; }
    var form = radio.closest("[data-checkin-step-one]");
    if (form) { showWords(form, radio); }
    else {
      var chosen = radio.closest("[data-feeling-grid]").querySelector("[data-grid-chosen]");
      if (chosen) { chosen.textContent = said(radio); }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Back to a page with a cell already chosen (an error, or the back button).
    document.querySelectorAll("[data-checkin-step-one]").forEach(function (form) {
      var radio = form.querySelector("[data-feeling-grid] input:checked");
      if (radio) { showWords(form, radio); }
    });
  });
})();

// ---------------------------------------------------------------------------------
// The people picker ([data-people-picker], people/widgets.PeoplePicker): filters in
// place. Without this script its "Find" button posts the form, which then saves
// nothing and comes back filtered. Here the same post is made in the background as
// one types (and on Enter or "Find"), and the list part of the answer
// ([data-picker-results]: its status line and its list) replaces this one's; the
// box keeps focus and what was typed.
(function () {
  "use strict";
  var WAIT_MS = 250;

  function setUp(picker) {
    var form = picker.closest("form");
    var name = picker.getAttribute("data-picker-name");
    var box = picker.querySelector("input[type='search']");
    var find = picker.querySelector("button[name='" + name + "_find']");
    if (!form || !box || !find || !window.fetch || !window.DOMParser) { return; }
    var timer = null, asked = 0;

    function search() {
      var data = new FormData(form);
      data.set(name + "_find", "1");
      var mine = ++asked;
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (text) {
          if (text === null || mine !== asked) { return; }
          var page = new DOMParser().parseFromString(text, "text/html");
          var fresh = page.getElementById(picker.id);
          var results = fresh && fresh.querySelector("[data-picker-results]");
          var current = picker.querySelector("[data-picker-results]");
          if (!results || !current) { return; }
          // The status line stays the same element, so screen readers hear the change.
          var oldSaid = current.querySelector("[role='status']");
          var newSaid = results.querySelector("[role='status']");
          if (oldSaid && newSaid) {
            oldSaid.replaceChildren.apply(oldSaid, Array.prototype.map.call(
              newSaid.childNodes, function (node) { return document.importNode(node, true); }));
          }
          var oldList = current.querySelector(".choices");
          var newList = results.querySelector(".choices");
          if (oldList) { oldList.remove(); }
          if (newList) { current.appendChild(document.importNode(newList, true)); }
        })
        .catch(function () { /* offline or gone: the Find button still works */ });
    }

    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, WAIT_MS);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); window.clearTimeout(timer); search(); }
    });
    find.addEventListener("click", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-people-picker]").forEach(setUp);
  });
})();
