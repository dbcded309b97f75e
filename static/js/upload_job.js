/* Upload job page: poll the job's status and reload the page when it has finished. */
(function () {
  var box = document.getElementById("job");
  var url = box.getAttribute("data-status-url");
  function poll() {
    fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (s) {
        document.getElementById("job-status").textContent = s.status_display;
        document.getElementById("job-progress").value = s.progress;
        var msg = document.getElementById("job-message");
        if (msg) { msg.textContent = s.message; }
        if (s.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 500);
})();
