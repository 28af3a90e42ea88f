// Progressive enhancement of the archive upload: one request per file, with a progress bar
// and a line per file. Without JavaScript the form sends all files at once.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form || !window.fetch) return;
  const input = form.querySelector("input[type=file]");
  const box = document.getElementById("upload-progress");
  const bar = document.getElementById("upload-bar");
  const count = document.getElementById("upload-count");
  const log = document.getElementById("upload-log");

  form.addEventListener("submit", async function (event) {
    const files = Array.from(input.files);
    if (files.length < 2) return; // one file: the ordinary form is just as good
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true; // a second click would upload everything again
    box.hidden = false;
    bar.max = files.length;
    bar.value = 0;
    log.textContent = "";
    for (const [index, file] of files.entries()) {
      const data = new FormData(form);
      data.delete(input.name);
      data.append(input.name, file);
      let message;
      let ok = false;
      try {
        const response = await fetch(form.action || window.location.href, {
          method: "POST", body: data, headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const result = await response.json();
        ok = result.ok;
        message = result.message;
      } catch (error) {
        message = file.name + ": " + (form.dataset.failed || String(error));
      }
      const line = document.createElement("li");
      line.textContent = message;
      line.className = ok ? "upload-ok" : "field-error";
      log.appendChild(line);
      bar.value = index + 1;
      count.textContent = (index + 1) + " / " + files.length;
    }
    button.disabled = false;
    input.value = "";
  });
})();
