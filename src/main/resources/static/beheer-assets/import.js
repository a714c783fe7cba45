/*
 * Follows a running go-live import: asks the app how far it is every second, updates the progress bar and the status
 * line (read out by screen readers), and loads the page again with the report once the import is done.
 */
(function () {
  'use strict';
  var section = document.getElementById('voortgang');
  if (!section) {
    return;
  }
  var url = section.getAttribute('data-stand');
  var bar = document.getElementById('balk');
  var status = document.getElementById('stand');
  var format = new Intl.NumberFormat('nl-NL');

  function ask() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (stand) {
        if (stand.klaar) {
          window.location.reload();
          return;
        }
        bar.value = stand.procent;
        bar.textContent = stand.procent + ' %';
        status.textContent = format.format(stand.gedaan) + ' van ' + format.format(stand.totaal) + ' regels verwerkt ('
          + stand.procent + ' %).';
        window.setTimeout(ask, 1000);
      })
      .catch(function () {
        window.setTimeout(ask, 3000);
      });
  }

  window.setTimeout(ask, 500);
}());
