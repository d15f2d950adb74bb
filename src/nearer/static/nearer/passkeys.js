// Passkeys for the second step: only what WebAuthn needs a script for. Without it
// (or without WebAuthn in the browser) these forms stay hidden and the code works.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) return;

  function csrf(form) {
    return form.querySelector("input[name=csrfmiddlewaretoken]").value;
  }

  async function options(form) {
    const response = await fetch(form.dataset.options, {
      method: "POST",
      headers: { "X-CSRFToken": csrf(form) },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error("no options");
    return response.json();
  }

  function say(form, words) {
    const status = form.querySelector("[data-passkey-status]");
    if (status) status.textContent = words;
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    form.hidden = false;
    const adding = form.dataset.passkey === "add";
    form.addEventListener("submit", async function (event) {
      const field = form.querySelector("input[name=credential]");
      if (field.value) return; // the second, real submit
      event.preventDefault();
      if (adding && !form.reportValidity()) return;
      say(form, "Waiting for your passkey…");
      try {
        const json = await options(form);
        const credential = adding
          ? await navigator.credentials.create({
              publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json),
            })
          : await navigator.credentials.get({
              publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json),
            });
        field.value = JSON.stringify(credential.toJSON());
        form.submit();
      } catch (error) {
        say(form, "The passkey step didn't finish. You can try again.");
      }
    });
  });
})();
