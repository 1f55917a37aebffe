/* join.js: the only script of the join page, and it is optional: the
 * page works without it. It follows the meeting's step through
 * server-sent events and says when the step changes; the page reloads
 * only if nothing is being typed. Written for old phone browsers (no
 * arrow functions, no fetch). */
(function () {
  'use strict';
  var root = document.documentElement;
  var url = root.getAttribute('data-events');
  var phase = root.getAttribute('data-phase');
  var revealed = root.getAttribute('data-revealed');
  if (!url || !window.EventSource || !window.JSON) {
    return;
  }
  /* a box that shows what is saved (data-saved: the family's plan) is
   * being typed in only once its words differ from the saved ones */
  function typing () {
    var boxes = document.getElementsByTagName('textarea');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.hasAttribute('data-saved') && box.value === box.defaultValue) {
        continue;
      }
      if (box.value.replace(/\s+/g, '') !== '') {
        return true;
      }
    }
    return false;
  }
  var source = new EventSource(url);
  source.addEventListener('phase', function (event) {
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (data.phase === phase && String(data.revealed) === revealed) {
      return;
    }
    var title = document.getElementById('step-title');
    var number = document.getElementById('step-number');
    if (title) {
      title.textContent = data.title;
    }
    if (number) {
      number.textContent = data.number_text;
    }
    if (!typing()) {
      window.location.reload();
      return;
    }
    var news = document.getElementById('news');
    if (news) {
      news.hidden = false;
    }
  });
  source.addEventListener('end', function () {
    source.close();
  });
})();
