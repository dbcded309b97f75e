/* Evidence picker: refresh the datalist of an evidence input from the server search as the clerk types.
   Without JavaScript the input still accepts a typed Kamerstuk number. */
(function () {
  document.querySelectorAll("input[data-evidence-search]").forEach(function (input) {
    if (input.dataset.bound) { return; }
    input.dataset.bound = "1";
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(input.dataset.evidenceSearch + "?q=" + encodeURIComponent(input.value), {credentials: "same-origin"})
          .then(function (r) { return r.ok ? r.json() : {results: []}; })
          .then(function (data) {
            if (!list) { return; }
            list.replaceChildren();
            data.results.forEach(function (d) {
              var option = document.createElement("option");
              option.value = d.value;
              option.textContent = d.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
