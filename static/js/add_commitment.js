/* "Gemiste toezegging toevoegen": each sentence of the passage becomes a button that adds it to the quote, so the
   clerk need not copy text by hand. Without JavaScript the passage stays plain text to copy from. */
(function () {
  var passage = document.getElementById("passage-to-pick");
  var quote = document.getElementById("id_quote");
  if (!passage || !quote) { return; }
  passage.querySelectorAll("span.sentence:not(.known)").forEach(function (span) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sentence-pick";
    button.textContent = span.textContent;
    button.addEventListener("click", function () {
      var text = span.textContent.trim();
      if (quote.value.indexOf(text) === -1) {
        quote.value = quote.value.trim() ? quote.value.trim() + " " + text : text;
      }
      button.setAttribute("aria-pressed", "true");
      quote.focus();
    });
    span.replaceWith(button);
  });
  var help = document.getElementById("pick-help");
  if (help) { help.hidden = false; }
})();
