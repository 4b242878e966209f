// The pickers instead of ids (fragments/picker :: field; ADR 0042). Without this script each picker is the plain field
// the form posts, which takes an id typed by hand. With it, the search box beside the field is an ARIA combobox: htmx
// asks the server for the matches as the user types (hx-get, "input changed delay:250ms") and swaps in the listbox;
// this script only moves through the options (arrow keys, Home/End), picks one (Enter or a click) into the field, and
// closes the list (Escape). It never decides what may be offered: the server lists only what the user may read.
(function () {
  'use strict';

  function options(picker) { return picker.querySelectorAll('[role="option"]'); }

  // The combobox of one picker: moves through the options the server listed, closes and opens the list, and hands
  // the option picked to {pick}.
  function combobox(picker, search, pick) {
    var active = -1;

    function listbox() { return picker.querySelector('[role="listbox"]'); }

    function open(yes) {
      var list = listbox();
      var has = options(picker).length > 0;
      list.hidden = !(yes && has);
      search.setAttribute('aria-expanded', String(yes && has));
      if (!(yes && has)) { move(-1); }
    }

    function move(to) {
      var all = options(picker);
      active = to;
      Array.prototype.forEach.call(all, function (o, i) {
        var on = i === to;
        o.setAttribute('aria-selected', String(on));
        o.classList.toggle('picker-active', on);
      });
      if (to >= 0 && to < all.length) {
        search.setAttribute('aria-activedescendant', all[to].id);
        all[to].scrollIntoView({block: 'nearest'});
      } else {
        search.removeAttribute('aria-activedescendant');
      }
    }

    search.addEventListener('keydown', function (e) {
      var count = options(picker).length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (count === 0) { return; }
        open(true);
        var next = e.key === 'ArrowDown' ? active + 1 : active - 1;
        move(next < 0 ? count - 1 : next >= count ? 0 : next);
      } else if ((e.key === 'Home' || e.key === 'End') && count > 0 && !listbox().hidden) {
        e.preventDefault();
        move(e.key === 'Home' ? 0 : count - 1);
      } else if (e.key === 'Enter') {
        // Enter in the search box picks; it never submits the form with a half-typed search
        e.preventDefault();
        if (active >= 0 && active < count) { pick(options(picker)[active]); }
      } else if (e.key === 'Escape') {
        if (!listbox().hidden) { e.preventDefault(); }
        open(false);
      }
    });
    search.addEventListener('blur', function () {
      // a click on an option lands before the list closes
      window.setTimeout(function () { if (document.activeElement !== search) { open(false); } }, 200);
    });
    picker.addEventListener('mousedown', function (e) {
      if (e.target.closest('[role="option"]')) { e.preventDefault(); }
    });
    picker.addEventListener('click', function (e) {
      var option = e.target.closest('[role="option"]');
      if (option && picker.contains(option)) { pick(option); }
    });
    // the server's answer replaced the results: the list opens on what it holds
    function refresh() {
      active = -1;
      open(document.activeElement === search);
    }
    picker.addEventListener('htmx:afterSettle', refresh);
    search.addEventListener('htmx:afterRequest', function () { window.setTimeout(refresh, 40); });
    return open;
  }

  function setUp(picker) {
    if (picker.getAttribute('data-picker-ready') === 'true') { return; }
    picker.setAttribute('data-picker-ready', 'true');
    if (picker.getAttribute('data-picker') === 'select') {
      setUpSelect(picker);
      return;
    }
    var multiple = picker.getAttribute('data-picker') === 'multiple';
    var field = picker.querySelector('.picker-value');
    var box = picker.querySelector('.picker-box');
    var search = picker.querySelector('.picker-search');
    var chosen = picker.querySelector('.picker-chosen');
    var chosenLabel = picker.querySelector('.picker-chosen-label');
    var label = picker.querySelector('.picker-label');

    box.hidden = false;
    picker.querySelector('.picker-keys').hidden = false;
    if (!multiple) {
      // the field keeps the value the form posts; the label now names the search box the user types into
      field.type = 'hidden';
      label.setAttribute('for', search.id);
      search.removeAttribute('aria-label');
      showChosen(field.value === '' ? '' : (picker.getAttribute('data-chosen') || field.value));
    }

    function showChosen(text) {
      chosen.hidden = text === '';
      chosenLabel.textContent = text;
    }

    function pick(option) {
      var value = option.getAttribute('data-value');
      if (multiple) {
        var values = field.value.split(',').map(function (v) { return v.trim(); })
            .filter(function (v) { return v !== ''; });
        if (values.indexOf(value) < 0) { values.push(value); }
        field.value = values.join(', ');
      } else {
        field.value = value;
        showChosen(option.getAttribute('data-label'));
      }
      field.dispatchEvent(new Event('change', {bubbles: true}));
      search.value = '';
      openList(false);
      search.focus();
    }

    var openList = combobox(picker, search, pick);
    picker.querySelector('.picker-clear').addEventListener('click', function () {
      field.value = '';
      showChosen('');
      search.focus();
    });
  }

  // A picker over a list the server already filtered (fragments/picker :: box): the page's <select> stays what the
  // form posts (repeated values when multiple) and is hidden; each entry picked selects its option (added when the
  // select did not list it yet) and shows in the list of chosen entries, each with a button that removes it.
  function setUpSelect(picker) {
    var select = picker.querySelector('select');
    var box = picker.querySelector('.picker-box');
    var search = picker.querySelector('.picker-search');
    var picked = picker.querySelector('.picker-picked');
    var label = picker.querySelector('label[for="' + select.id + '"]');
    var removeLabel = picked.getAttribute('data-remove');

    box.hidden = false;
    picker.querySelector('.picker-keys').hidden = false;
    select.hidden = true;
    if (label) { label.setAttribute('for', search.id); }
    search.removeAttribute('aria-label');

    function show() {
      picked.textContent = '';
      Array.prototype.forEach.call(select.options, function (o) {
        if (!o.selected || o.value === '') { return; }
        var item = document.createElement('li');
        item.className = 'picker-picked-item';
        var name = document.createElement('span');
        name.textContent = o.textContent;
        item.appendChild(name);
        if (select.multiple) {
          var remove = document.createElement('button');
          remove.type = 'button';
          remove.className = 'link-button picker-remove';
          remove.textContent = removeLabel.replace('{0}', o.textContent);
          remove.addEventListener('click', function () {
            o.selected = false;
            select.dispatchEvent(new Event('change', {bubbles: true}));
            show();
            search.focus();
          });
          item.appendChild(document.createTextNode(' '));
          item.appendChild(remove);
        }
        picked.appendChild(item);
      });
    }

    function pick(option) {
      var value = option.getAttribute('data-value');
      var existing = Array.prototype.filter.call(select.options, function (o) { return o.value === value; })[0];
      if (!existing) {
        existing = new Option(option.getAttribute('data-label'), value);
        select.appendChild(existing);
      }
      if (select.multiple) {
        existing.selected = true;
      } else {
        select.value = value;
      }
      select.dispatchEvent(new Event('change', {bubbles: true}));
      show();
      search.value = '';
      openList(false);
      search.focus();
    }

    var openList = combobox(picker, search, pick);
    show();
  }

  function setUpAll(root) {
    if (!root || !root.querySelectorAll) { return; }
    if (root.matches && root.matches('[data-picker]')) { setUp(root); }
    Array.prototype.forEach.call(root.querySelectorAll('[data-picker]'), setUp);
  }

  document.addEventListener('DOMContentLoaded', function () { setUpAll(document); });
  document.addEventListener('htmx:load', function (e) { setUpAll(e.detail.elt); });
}());
