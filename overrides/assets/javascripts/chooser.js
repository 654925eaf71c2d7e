/*
 * The method chooser /choisir-une-methode/: filters the sheets listed in the page.
 */
import { plural } from "./common.js";

/* --------------------------------------------------------------- chooser --- */

export function setupChooser() {
  var form = document.querySelector("[data-rx-chooser]");
  if (!form || form.getAttribute("data-rx-ready")) return;
  form.setAttribute("data-rx-ready", "1");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var cards = Array.prototype.slice.call(
    document.querySelectorAll("[data-rx-chooser-list] > li"));
  var status = document.querySelector("[data-rx-chooser-status]");
  var empty = document.querySelector("[data-rx-chooser-empty]");
  var params = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
    }
  });

  function apply() {
    var shown = 0;
    var out = new URLSearchParams();
    selects.forEach(function (select) { if (select.value) out.set(select.name, select.value); });
    cards.forEach(function (card) {
      var fits = selects.every(function (select) {
        return !select.value ||
          (card.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) >= 0;
      });
      card.hidden = !fits;
      if (fits) shown += 1;
    });
    empty.hidden = shown > 0;
    status.textContent = shown === cards.length
      ? plural(cards.length, "fiche méthode", "fiches méthodes") + "."
      : (shown ? plural(shown, "fiche correspond", "fiches correspondent") + " à vos critères."
               : "Aucune fiche ne correspond à vos critères.");
    var query = out.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
}
