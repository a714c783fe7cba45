/*
 * Draws each dashboard chart from the table beside it, so a chart shows exactly the table's numbers: the first column
 * gives the labels, every column whose header has data-series ("bar" or "line") becomes a series, and each cell's
 * data-value holds the number (the cell's text is the same number written the Dutch way).
 */
(function () {
  'use strict';
  var colours = ['#00576b', '#b35900', '#6b4c9a', '#1d6b2f', '#a4262c'];

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table || !window.Chart) {
      return;
    }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var datasets = [];
    headers.forEach(function (header, column) {
      var type = header.getAttribute('data-series');
      if (!type) {
        return;
      }
      var colour = colours[datasets.length % colours.length];
      datasets.push({
        type: type,
        label: header.textContent.trim(),
        data: rows.map(function (row) { return Number(row.cells[column].getAttribute('data-value')); }),
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: type === 'line' ? 2 : 0,
        borderDash: datasets.length > 1 && type === 'line' ? [6, 4] : [],
        order: type === 'line' ? 0 : 1
      });
    });
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'nl-NL',
        indexAxis: canvas.getAttribute('data-axis') || 'x',
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    canvas.setAttribute('data-getekend', 'ja');
  }

  document.querySelectorAll('canvas[data-table]').forEach(draw);
})();
