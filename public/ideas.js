// Ideen & Anliegen: while someone types the heading, similar published ideas appear below it
// (progressive enhancement; without this file the server shows them on a check page before sending).
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-similar-form]');
  var title = form && form.querySelector('#title');
  var box = document.getElementById('similar-live');
  if (!form || !title || !box) return;
  var timer = null;
  var last = '';

  function show(ideas) {
    while (box.firstChild) box.removeChild(box.firstChild);
    if (ideas.length === 0) return;
    var heading = document.createElement('p');
    heading.className = 'kern-body kern-body--bold';
    heading.textContent = box.getAttribute('data-heading');
    var list = document.createElement('ul');
    list.className = 'kern-list';
    ideas.forEach(function (idea) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.className = 'kern-link';
      link.href = idea.url;
      link.textContent = idea.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
  }

  function ask() {
    var text = title.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 5) return show([]);
    fetch('/api/v1/ideen/aehnliche?text=' + encodeURIComponent(text), { headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : { ideas: [] };
      })
      .then(function (data) {
        if (title.value.trim() === text) show(data.ideas || []);
      })
      .catch(function () {
        // Offline or refused: the check page before sending still shows similar ideas.
      });
  }

  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 300);
  });
});
