// Attendance: each tap is posted at once as "present" or "absent" (never "toggle", so resending is
// harmless). Taps not yet confirmed by the server are kept in localStorage and resent when the connection
// returns or the page is opened again, so nothing is lost if the network drops mid-way. Without this file
// the page still works: "Save attendance" posts the whole sheet.
(function () {
  "use strict";
  var form = document.querySelector("form.attendance-sheet[data-mark-url]");
  if (!form) { return; }
  var url = form.dataset.markUrl;
  var key = "cohorts:pending:" + url;
  var status = form.querySelector(".save-status");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var pending = {};
  var retryDelay = 2000;
  var retryTimer = null;

  try { pending = JSON.parse(window.localStorage.getItem(key) || "{}") || {}; } catch (e) { pending = {}; }

  var store = function () {
    try { window.localStorage.setItem(key, JSON.stringify(pending)); } catch (e) { /* private mode: memory only */ }
  };
  var box = function (id) { return form.querySelector("input[name=present][value='" + id + "']"); };
  var show = function (input, state) {
    var label = input.closest(".tap");
    label.classList.toggle("is-present", input.checked);
    label.classList.remove("is-pending", "is-saved", "is-failed");
    if (state) { label.classList.add("is-" + state); }
  };
  var failing = false;  // the last request did not reach the server
  var counter = form.querySelector(".present-count");
  var report = function () {
    if (counter) { counter.textContent = form.querySelectorAll("input[name=present]:checked").length; }
    var waiting = Object.keys(pending).length > 0;
    status.classList.toggle("is-pending", waiting && failing);
    if (!waiting) {
      status.textContent = form.dataset.allSavedText;
    } else {
      status.textContent = failing ? form.dataset.pendingText : form.dataset.savingText;
    }
  };
  var scheduleRetry = function () {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  };
  // One request at a time: on a slow line the taps queue up in order instead of competing.
  var busy = false;
  var next = function () {
    if (busy) { return; }
    var ids = Object.keys(pending);
    if (!ids.length) { report(); return; }
    var id = ids[0];
    var present = pending[id];
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token);
    data.append("participant", id);
    data.append("present", present ? "1" : "0");
    busy = true;
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        busy = false;
        var input = box(id);
        // A signed-out session is redirected to the sign-in page: not saved, so keep the tap.
        var saved = response.ok && !response.redirected &&
          (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        failing = !saved && response.status !== 400 && response.status !== 403 && response.status !== 409;
        if (!failing) {
          // Saved, or refused for good: either way resending would not help.
          if (pending[id] === present) {
            delete pending[id];
            store();
            if (input) { show(input, saved ? "saved" : "failed"); }
          }
          retryDelay = 2000;
          next();
        } else {
          scheduleRetry();
        }
        report();
      })
      .catch(function () { busy = false; failing = true; report(); scheduleRetry(); });
  };
  var flush = function () { next(); report(); };

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.name !== "present") { return; }
    pending[input.value] = input.checked;
    store();
    show(input, "pending");
    next();
    report();
  });
  window.addEventListener("online", flush);

  // Taps kept from an earlier visit win over the page's (older) state, then go to the server.
  Object.keys(pending).forEach(function (id) {
    var input = box(id);
    if (!input) { delete pending[id]; return; }
    input.checked = pending[id];
    show(input, "pending");
  });
  store();
  if (Object.keys(pending).length) { flush(); }
})();
