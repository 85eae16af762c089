// Saves the visit record as the therapist goes (issue 13). Each form marked
// data-autosave is sent to its /api/v1 twin when a field changes (a text box
// on leaving it), without reloading the page. Without this file the same
// forms post and reload. Every save names the revision it started from; a
// stale save is refused, its text kept on the server, and the page says so.
(function () {
  "use strict";
  var status = document.getElementById("save-status");
  var say = function (text) { if (status) { status.textContent = text; } };
  var words = document.documentElement.lang === "es"
    ? { saved: "Guardado", failed: "No se guardó. Revise su conexión y vuelva a intentarlo.",
        stale: "Este registro se guardó antes en otra pestaña. Su texto no se perdió: recargue la página para ver los dos." }
    : { saved: "Saved", failed: "Not saved. Check your connection and try again.",
        stale: "This record was saved in another tab first. Your text was not lost: reload the page to see both." };
  var setRevision = function (revision) {
    var inputs = document.querySelectorAll("input[name=revision]");
    for (var i = 0; i < inputs.length; i++) { inputs[i].value = String(revision); }
  };
  var body = function (form) {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      if (name === "ids") { (data.ids = data.ids || []).push(value); } else { data[name] = value; }
    });
    if (form.querySelector("input[name=ids]") && !data.ids) { data.ids = []; }
    return JSON.stringify(data);
  };
  var save = function (form) {
    var mark = form.querySelector(".saved");
    fetch("/api/v1" + form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", "accept": "application/json" },
      body: body(form)
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
    }).then(function (answer) {
      if (answer.ok && answer.json.outcome === "saved") {
        setRevision(answer.json.revision);
        if (mark) { mark.textContent = words.saved; }
        form.removeAttribute("aria-invalid");
      } else if (answer.json && answer.json.outcome === "stale") {
        say(words.stale);
      } else {
        say((answer.json && answer.json.detail) || words.failed);
      }
    }).catch(function () { say(words.failed); });
  };
  var forms = document.querySelectorAll("form[data-autosave]");
  for (var i = 0; i < forms.length; i++) {
    (function (form) {
      form.addEventListener("change", function () { save(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); save(form); });
    })(forms[i]);
  }
})();
