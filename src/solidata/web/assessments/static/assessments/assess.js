/* Solidata self-assessment: progressive enhancement of a form that works without JavaScript.
 *
 * - Autosave: every change is sent to the server, which saves the draft and answers with which
 *   questions are relevant now and which answers break a constraint (the server decides; this file
 *   only shows its answer, so the browser and the server never disagree).
 * - Offline: every change is first kept in this phone's localStorage. When sending fails, the copy
 *   stays and is sent again when the connection is back; when the page is opened again (resume
 *   link, reload), a copy the server has not seen is put back into the form.
 * - Result page: a print button; details open for printing.
 * Messages come from data-* attributes of the page, so they are translated with the page.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.step[data-save]");
  var status = form && form.querySelector(".save-status");
  var storeKey = form && "solidata:" + form.dataset.key;
  var revision = form ? parseInt(form.dataset.revision, 10) || 0 : 0;
  var timer = null;
  var sending = false;
  var touched = {};

  function say(text, offline) {
    if (!status) return;
    status.textContent = text || "";
    status.classList.toggle("offline", !!offline);
  }

  function values() {
    var out = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name], select[name], textarea[name]"), function (el) {
      if (el.type === "hidden" || el.type === "submit") return;
      if (el.type === "checkbox") {
        if (!(el.name in out)) out[el.name] = [];
        if (el.checked) out[el.name].push(el.value);
      } else if (el.type === "radio") {
        if (!(el.name in out)) out[el.name] = "";
        if (el.checked) out[el.name] = el.value;
      } else {
        out[el.name] = el.value;
      }
    });
    return out;
  }

  function restore(saved) {
    Object.keys(saved).forEach(function (name) {
      var value = saved[name];
      Array.prototype.forEach.call(form.querySelectorAll('[name="' + name + '"]'), function (el) {
        if (el.type === "checkbox") el.checked = value.indexOf(el.value) >= 0;
        else if (el.type === "radio") el.checked = el.value === value;
        else el.value = value;
      });
    });
  }

  function keep() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ revision: revision, values: values() }));
    } catch (e) { /* private mode or full: the server copy is all we have */ }
  }

  function forget(sent) {
    try {
      if (JSON.stringify(values()) === sent) localStorage.removeItem(storeKey);
      else keep();
    } catch (e) { /* ignore */ }
  }

  function show(result) {
    var seen = [];
    Object.keys(result.relevant).forEach(function (name) {
      var box = document.getElementById("q-" + name);
      if (!box) return;
      box.hidden = !result.relevant[name];
      if (!box.hidden) seen.push(name);
      if (!touched[name]) return;
      var error = document.getElementById("e-" + name);
      var problem = result.problems[name] || "";
      if (error) {
        error.textContent = problem;
        error.hidden = !problem;
      }
      box.classList.toggle("has-error", !!problem);
    });
    var seenInput = form.querySelector('input[name="seen"]');
    if (seenInput) seenInput.value = seen.join(" ");
  }

  var wait = 20000;  // before sending again after a failure (a busy server says how long)

  function send() {
    timer = null;
    if (sending) { schedule(800); return; }
    sending = true;
    var sent = JSON.stringify(values());
    var body = new FormData(form);
    body.delete("seen");
    fetch(form.dataset.save, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "application/json" },
    }).then(function (response) {
      if (response.status === 400) return response.json().then(refused);
      if (response.status === 503) wait = (parseInt(response.headers.get("Retry-After"), 10) || 20) * 1000;
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }).then(function (result) {
      if (!result) return;
      revision = result.revision;
      forget(sent);
      show(result);
      say(form.dataset.saved);
    }).catch(function () {
      say(form.dataset.offline, true);
      schedule(wait);
      wait = 20000;
    }).then(function () { sending = false; });
  }

  // Answers the server refuses (too long, or holding a NUL character): nothing of them was saved;
  // say why next to each, and do not send them again until they change.
  function refused(body) {
    if (!body || !body.problems) throw new Error("400");
    Object.keys(body.problems).forEach(function (name) {
      var error = document.getElementById("e-" + name);
      if (error) {
        error.textContent = body.problems[name];
        error.hidden = false;
      }
    });
    say((body.messages || []).join(" "), true);
    return null;
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(send, delay);
  }

  if (form) {
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (saved && saved.revision >= revision && JSON.stringify(saved.values) !== JSON.stringify(values())) {
        restore(saved.values);
        Object.keys(saved.values).forEach(function (name) { touched[name] = true; });
        say(form.dataset.restored);
        schedule(100);
      } else if (saved) {
        localStorage.removeItem(storeKey);
      }
    } catch (e) { /* no storage: nothing to restore */ }
    form.addEventListener("input", function (event) {
      if (event.target.name) touched[event.target.name] = true;
      keep();
      schedule(event.target.type === "text" || event.target.tagName === "TEXTAREA" ? 1500 : 400);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name) touched[event.target.name] = true;
      keep();
      schedule(300);
    });
    form.addEventListener("submit", function (event) {
      if (timer) { clearTimeout(timer); timer = null; }  // the submit saves everything anyway
      keep();
      if (navigator.onLine === false) {
        event.preventDefault();
        say(form.dataset.offline, true);
      }
    });
    window.addEventListener("online", function () { schedule(100); });
  }

  var submitForm = document.querySelector("form.submit");
  if (submitForm) {
    submitForm.addEventListener("submit", function () {
      var button = submitForm.querySelector("button[type=submit]");
      setTimeout(function () { if (button) button.disabled = true; }, 0);
    });
  }

  var print = document.querySelector(".print-button");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("main details"), function (d) { d.open = true; });
  });
})();
