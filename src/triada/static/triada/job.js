// The page of an export or an import that is under way: asks for its progress every two
// seconds and shows it; when the job has finished, loads the page again with the result. The
// questions are not activity: an idle session still ends, and the page then reloads.
// Without JavaScript the page has a "Refresh" link.
(function () {
  "use strict";
  const box = document.getElementById("job");
  if (!box || !box.dataset.running || !window.fetch) return;
  const bar = document.getElementById("job-bar");
  const text = document.getElementById("job-text");

  async function poll() {
    try {
      const response = await fetch(window.location.href, {
        headers: { Accept: "application/json", "X-Triada-Poll": "1" },
        credentials: "same-origin",
      });
      if (response.status >= 500) throw new Error("The server is not answering now.");
      const json = (response.headers.get("Content-Type") || "").startsWith("application/json");
      if (response.status === 401 || !json) {
        // Not the progress: the session has ended or the job is gone. The page says why.
        window.location.reload();
        return;
      }
      const job = await response.json();
      if (job.finished) {
        window.location.reload();
        return;
      }
      if (job.total > 0 && job.done < job.total) {
        bar.max = job.total;
        bar.value = job.done;
      } else {
        bar.removeAttribute("value"); // busy, without a measure
      }
      if (text.textContent !== job.text) text.textContent = job.text;
    } catch (error) {
      // A failed request is tried again at the next turn.
    }
    window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 2000);
})();
