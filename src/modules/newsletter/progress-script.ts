/**
 * Progressive enhancement of the progress page: polls the JSON state every 3 seconds and updates
 * the bar every time and the status line (role="status", read out) once per tenth of the way. Without JavaScript the
 * page has its refresh link. Served same-origin (CSP script-src 'self'); no inline code.
 */
export const progressScript = `'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var root = document.querySelector('[data-progress-url]');
  if (!root) return;
  var bar = root.querySelector('progress');
  var status = root.querySelector('[role="status"]');
  var lastTenth = -1;
  var timer = setInterval(function () {
    fetch(root.getAttribute('data-progress-url'), { headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        bar.max = Math.max(1, p.total);
        bar.value = p.done;
        bar.textContent = p.done + ' / ' + p.total;
        // The status line is read out: change it per tenth of the way, not every 3 seconds.
        var tenth = Math.floor((10 * p.done) / Math.max(1, p.total));
        if (tenth !== lastTenth) { lastTenth = tenth; status.textContent = p.summary; }
        if (p.finished) { clearInterval(timer); window.location.reload(); }
      })
      .catch(function () {});
  }, 3000);
});
`;
