// Logging a practice from "This week" without a reload (issue 12 part A).
// Without this file every button still works: the log button opens the log
// form page, and the form posts and redirects. With it, the log button opens
// the card's own small form; a tap on how it went posts it in the
// background. A request that fails (a dropped connection) is sent again with
// the same id, so the server stores it once.
(function () {
  'use strict';
  var TRIES = 5;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Version-4 layout from getRandomValues, for older browsers.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function send(form, body, tries) {
    return fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
    }).then(function (res) {
      // The page answers a saved log with a redirect to its confirmation.
      if (res.type === 'opaqueredirect' || res.ok) return true;
      return false;
    }, function (error) {
      if (tries <= 1) throw error;
      return new Promise(function (resolve) { setTimeout(resolve, 700); })
        .then(function () { return send(form, body, tries - 1); });
    });
  }

  function bump(card) {
    var p = card.querySelector('[data-progress]');
    if (!p) return;
    p.textContent = p.textContent.replace(/\d+/, function (n) { return String(Number(n) + 1); });
  }

  document.querySelectorAll('[data-quick-log]').forEach(function (form) {
    var card = form.closest('article');
    var open = card.querySelector('[data-log-open]');
    var done = card.querySelector('[data-log-done]');
    var busy = false;
    open.addEventListener('click', function (event) {
      event.preventDefault();
      form.hidden = false;
      done.hidden = true;
      open.setAttribute('aria-expanded', 'true');
      var first = form.querySelector('button');
      if (first) first.focus();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (busy) return;
      var button = event.submitter;
      var data = new URLSearchParams(new FormData(form));
      if (button && button.name) data.set(button.name, button.value);
      busy = true;
      form.setAttribute('aria-busy', 'true');
      send(form, data.toString(), TRIES).then(function (ok) {
        done.textContent = ok ? done.dataset.saved : done.dataset.failed;
        if (ok) {
          bump(card);
          form.hidden = true;
          // The next log from this card is a new practice: a new id.
          form.querySelector('[name=log_id]').value = newId();
        }
      }, function () {
        done.textContent = done.dataset.failed;
      }).then(function () {
        busy = false;
        form.removeAttribute('aria-busy');
        done.hidden = false;
        if (form.hidden) { open.setAttribute('aria-expanded', 'false'); open.focus(); }
      });
    });
  });
})();
