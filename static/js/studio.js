/* The studio's small enhancements; every page works without them (issue 3).
   - drag and drop to reorder lists marked data-reorder-url (the arrow buttons stay for keyboards and no JS)
   - autosave of the lesson editor to the server, and a warning before leaving with unsaved changes
   - the Markdown preview rendered by the server, and inserting an uploaded image into the text */
(function () {
  "use strict";
  document.documentElement.classList.add("has-js");

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" }
    });
  }

  function announce(text) {
    var status = document.getElementById("studio-status");
    if (status) { status.textContent = text || ""; }
  }

  function setUpReordering(list) {
    var dragged = null;
    function items() {
      return Array.prototype.filter.call(list.children, function (child) { return child.dataset.id; });
    }
    function ownItem(target) {
      var item = target.closest ? target.closest("li[data-id]") : null;
      while (item && item.parentElement !== list) {
        item = item.parentElement.closest("li[data-id]");
      }
      return item;
    }
    items().forEach(function (item) { item.setAttribute("draggable", "true"); });
    list.addEventListener("dragstart", function (event) {
      var item = ownItem(event.target);
      if (!item) { return; }
      event.stopPropagation();
      dragged = item;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.dataset.id);
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      event.stopPropagation();
      var over = ownItem(event.target);
      if (!over || over === dragged) { return; }
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) {
      if (dragged) { event.preventDefault(); event.stopPropagation(); }
    });
    list.addEventListener("dragend", function (event) {
      if (!dragged) { return; }
      event.stopPropagation();
      dragged.classList.remove("dragging");
      dragged = null;
      var body = new FormData();
      body.append("ids", items().map(function (item) { return item.dataset.id; }).join(","));
      post(list.dataset.reorderUrl, body)
        .then(function (response) { return response.json(); })
        .then(function (data) {
          announce(data.message);
          // The arrow buttons' disabled state follows the order; a reload keeps them right.
          window.location.reload();
        })
        .catch(function () { window.location.reload(); });
    });
  }

  function setUpEditor(form) {
    var dirty = false;
    var timer = null;
    var status = document.getElementById("autosave-status");
    function saveDraft() {
      timer = null;
      post(form.dataset.autosaveUrl, new FormData(form))
        .then(function (response) { return response.json(); })
        .then(function (data) { if (status) { status.textContent = data.message; } })
        .catch(function () { if (status) { status.textContent = form.dataset.errorText; } });
    }
    form.addEventListener("input", function () {
      dirty = true;
      if (status) { status.textContent = form.dataset.unsavedText; }
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(saveDraft, 1500);
    });
    form.addEventListener("submit", function () {
      dirty = false;
      if (timer) { window.clearTimeout(timer); }
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    var previewButton = form.querySelector("[data-preview-url]");
    var preview = document.getElementById("preview");
    if (previewButton && preview) {
      previewButton.addEventListener("click", function (event) {
        event.preventDefault();
        var body = new FormData();
        body.append("body", form.elements.body.value);
        post(previewButton.dataset.previewUrl, body)
          .then(function (response) { return response.text(); })
          .then(function (html) {
            preview.innerHTML = html; // rendered and sanitised by the server (courses.markdown)
            preview.focus();
          });
      });
    }

    document.querySelectorAll("[data-insert-markdown]").forEach(function (button) {
      button.addEventListener("click", function () {
        var area = form.elements.body;
        var start = area.selectionStart, end = area.selectionEnd;
        var text = "\n" + button.dataset.insertMarkdown + "\n";
        area.value = area.value.slice(0, start) + text + area.value.slice(end);
        area.focus();
        area.selectionStart = area.selectionEnd = start + text.length;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-reorder-url]").forEach(setUpReordering);
    var editor = document.querySelector("form[data-autosave-url]");
    if (editor) { setUpEditor(editor); }
  });
})();
