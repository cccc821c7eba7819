// Quizzes: save each answer as it is given, and show the time left. The page works without this file:
// the "Save and finish later" and "Submit" buttons post the whole form.
(function () {
  "use strict";
  var form = document.querySelector("form.quiz-form[data-save-url]");
  if (form) {
    var status = form.querySelector(".save-status");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var timers = {};
    var submitting = false;
    var save = function (fieldset) {
      if (submitting) { return; }
      var data = new FormData();
      data.append("csrfmiddlewaretoken", token);
      fieldset.querySelectorAll("input").forEach(function (input) {
        if (input.type === "hidden" || ((input.type !== "checkbox" && input.type !== "radio") || input.checked)) {
          data.append(input.name, input.value);
        }
      });
      fetch(form.dataset.saveUrl, {
        method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) {
          if (body.result) { window.location.assign(body.result); return; }
          status.textContent = body.saved ? form.dataset.savedText || "✓" : body.error;
        });
      }).catch(function () { status.textContent = "…"; });
    };
    // The form post carries every answer: drop saves still waiting, so none arrives after the submission.
    form.addEventListener("submit", function () {
      submitting = true;
      Object.keys(timers).forEach(function (key) { clearTimeout(timers[key]); });
    });
    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("fieldset[data-question]");
      if (!fieldset) { return; }
      var key = fieldset.dataset.question;
      clearTimeout(timers[key]);
      timers[key] = setTimeout(function () { save(fieldset); }, 300);
    });
  }
  var timer = document.querySelector(".timer[data-deadline]");
  if (timer) {
    var deadline = Date.parse(timer.dataset.deadline);
    var out = timer.querySelector(".countdown");
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left > 0) { setTimeout(tick, 1000); }
    };
    tick();
  }
})();
