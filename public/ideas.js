// Ideen & Anliegen: while someone types the heading, similar published ideas appear below it
// (progressive enhancement; without this file the server shows them on a check page before sending).
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-similar-form]');
  var title = form && form.querySelector('#title');
  var box = document.getElementById('similar-live');
  if (!form || !title || !box) return;
  var topic = form.querySelector('#topic');
  var district = form.querySelector('#district');
  // The topic list starts on its first entry: it says something only once the person has picked one.
  var topicChosen = false;
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
    var query = 'text=' + encodeURIComponent(text);
    if (topic && topicChosen) query += '&thema=' + encodeURIComponent(topic.value);
    if (district && district.value) query += '&bezirk=' + encodeURIComponent(district.value);
    if (query === last) return;
    last = query;
    if (text.length < 5) return show([]);
    fetch('/api/v1/ideen/aehnliche?' + query, { headers: { accept: 'application/json' } })
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
  // A chosen topic or district ranks ideas filed the same way first: ask again.
  if (topic)
    topic.addEventListener('change', function () {
      topicChosen = true;
      ask();
    });
  if (district) district.addEventListener('change', ask);
});
