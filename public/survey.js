// Survey pages: a follow-up question appears as soon as the answer it depends on fits
// (progressive enhancement; without this file the server shows it before moving on).
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('main form');
  if (!form) return;
  var followUps = Array.prototype.slice.call(form.querySelectorAll('[data-show-if]'));
  if (followUps.length === 0) return;

  // The values given for a field, ignoring fields inside a hidden follow-up (their answers do not count).
  function valuesOf(name) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name !== name || field.closest('[data-show-if][hidden]')) return;
      if (field.type === 'radio' || field.type === 'checkbox') {
        if (field.checked) values.push(field.value);
      } else if (field.value.trim() !== '') values.push(field.value.trim());
    });
    return values;
  }

  // In page order, so a follow-up of a follow-up sees its parent's new state.
  function update() {
    followUps.forEach(function (block) {
      var wanted = JSON.parse(block.getAttribute('data-show-values') || '[]');
      var show = valuesOf(block.getAttribute('data-show-if')).some(function (v) {
        return wanted.indexOf(v) !== -1;
      });
      block.hidden = !show;
      // The marker tells the server this question was offered.
      var marker = block.querySelector('input[name="gezeigt"]');
      if (marker) marker.disabled = !show;
    });
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
});
