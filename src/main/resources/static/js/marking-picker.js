// The marking picker (fragments/layout :: markingField). It only assembles a banner from the choices, in the order of
// the grammar (level, NOFORN | REL TO, GROUP, PROPIN, EXPORT), and writes it into the marking field the form submits.
// It never judges a banner: the preview under the field comes from the server (/markings/preview, through htmx), which
// parses it and asks the releasability policy whether the author could read it back. Without this script the field
// stays a plain text field and the picker stays hidden.
(function () {
  'use strict';

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function words(text) { return (text || '').split(' ').filter(function (w) { return w !== ''; }); }

  function setUp(field) {
    if (field.getAttribute('data-picker-ready') === 'true') { return; }
    field.setAttribute('data-picker-ready', 'true');
    var input = field.querySelector('input.marking-banner');
    var picker = field.querySelector('.marking-picker');
    var toggle = field.querySelector('.marking-mode');
    var cannot = field.querySelector('.marking-cannot-pick');
    var preview = field.querySelector('.marking-preview');
    var own = field.getAttribute('data-own-nation') || '';
    // REL TO keeps the order its nations were written in; nations checked later follow, in the order of the list
    var order = words((field.querySelector('.marking-preview-body') || field).getAttribute('data-nations'));

    function parts(name) { return field.querySelectorAll('[data-part="' + name + '"]'); }
    function part(name) { return parts(name)[0]; }
    function checkedValues(name) {
      var values = [];
      each(parts(name), function (e) { if (e.checked) { values.push(e.value); } });
      return values;
    }

    function build() {
      var level = checkedValues('level')[0];
      if (!level) { return ''; }
      var banner = level;
      var release = checkedValues('release')[0] || 'ALL';
      if (release === 'NOFORN') {
        banner += '//NOFORN';
      } else if (release === 'REL_TO') {
        var checked = checkedValues('nation');
        var nations = order.filter(function (n) { return checked.indexOf(n) >= 0; });
        checked.forEach(function (n) { if (nations.indexOf(n) < 0) { nations.push(n); } });
        order = nations;
        banner += '//REL TO ' + nations.join(', ');
      }
      var groups = checkedValues('group');
      if (groups.length > 0) { banner += '//GROUP ' + groups.join(', '); }
      if (part('propin').checked) { banner += '//PROPIN'; }
      var regime = part('regime').value;
      if (regime !== '') { banner += '//EXPORT ' + regime + ' ' + part('reference').value.trim(); }
      return banner;
    }

    // choices that mean nothing in the current state are disabled (REL TO nations without REL TO, a reference
    // without a regime)
    function settle() {
      var relTo = checkedValues('release')[0] === 'REL_TO';
      each(parts('nation'), function (e) { e.disabled = !relTo; });
      part('reference').disabled = part('regime').value === '';
    }

    function picked(event) {
      if (event && event.target.getAttribute('data-part') === 'release' && event.target.value === 'REL_TO'
          && checkedValues('nation').length === 0) {
        each(parts('nation'), function (e) { if (e.value === own) { e.checked = true; } });
      }
      settle();
      input.value = build();
      input.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function typing(typed) {
      field.setAttribute('data-typed', typed ? 'true' : 'false');
      picker.hidden = typed;
      toggle.textContent = field.getAttribute(typed ? 'data-pick-label' : 'data-type-label');
      toggle.setAttribute('aria-expanded', typed ? 'false' : 'true');
      cannot.hidden = true;
    }

    // back from typing: the picker takes over the banner as the server last parsed it, when it can show it
    function takeOver() {
      var body = preview.querySelector('.marking-preview-body');
      var banner = input.value.trim();
      if (banner === '') {
        each(field.querySelectorAll('[data-part]'), function (e) {
          if (e.type === 'radio' || e.type === 'checkbox') { e.checked = e.getAttribute('data-part') === 'release' && e.value === 'ALL'; }
        });
        part('regime').value = '';
        part('reference').value = '';
        settle();
        return true;
      }
      if (!body || body.getAttribute('data-valid') !== 'true' || body.getAttribute('data-banner') !== banner) {
        return false;
      }
      var nations = words(body.getAttribute('data-nations'));
      var groups = words(body.getAttribute('data-groups'));
      var offered = function (name, codes) {
        var values = [];
        each(parts(name), function (e) { values.push(e.value); });
        return codes.every(function (c) { return values.indexOf(c) >= 0; });
      };
      if (!offered('nation', nations) || !offered('group', groups)) { return false; }
      each(parts('level'), function (e) { e.checked = e.value === body.getAttribute('data-level'); });
      each(parts('release'), function (e) { e.checked = e.value === body.getAttribute('data-release'); });
      each(parts('nation'), function (e) { e.checked = nations.indexOf(e.value) >= 0; });
      each(parts('group'), function (e) { e.checked = groups.indexOf(e.value) >= 0; });
      part('propin').checked = body.getAttribute('data-propin') === 'true';
      part('regime').value = body.getAttribute('data-regime') || '';
      part('reference').value = body.getAttribute('data-reference') || '';
      order = nations;
      settle();
      return true;
    }

    each(field.querySelectorAll('[data-part]'), function (e) {
      e.addEventListener('change', picked);
      if (e.getAttribute('data-part') === 'reference') { e.addEventListener('input', picked); }
    });
    // typing into the banner field is typing the banner: the picker steps aside (its own writes are not "trusted")
    input.addEventListener('input', function (e) {
      if (e.isTrusted && field.getAttribute('data-typed') !== 'true') { typing(true); }
    });
    toggle.addEventListener('click', function () {
      if (field.getAttribute('data-typed') !== 'true') {
        typing(true);
        input.focus();
      } else if (takeOver()) {
        typing(false);
        picked();
      } else if (stale() && window.htmx) {
        // the preview has not caught up with the last keystrokes: ask for it now, then try again
        var values = {};
        values[input.name] = input.value;
        window.htmx.ajax('GET', preview.getAttribute('hx-get'), {target: preview, values: values})
          .then(function () {
            if (takeOver()) { typing(false); picked(); } else { refused(); }
          });
      } else {
        refused();
      }
    });

    function stale() {
      var body = preview.querySelector('.marking-preview-body');
      return !body || body.getAttribute('data-banner') !== input.value.trim();
    }

    function refused() {
      cannot.hidden = false;
      input.focus();
    }
    // with the picker, the examples of the datalist are not needed, and their pop-up would cover the toggle under
    // the field while an expert types
    input.removeAttribute('list');
    toggle.hidden = false;
    settle();
    typing(field.getAttribute('data-typed') === 'true');
  }

  function setUpAll(root) {
    if (root.matches && root.matches('[data-marking-field]')) { setUp(root); }
    if (root.querySelectorAll) { each(root.querySelectorAll('[data-marking-field]'), setUp); }
  }

  document.addEventListener('DOMContentLoaded', function () { setUpAll(document); });
  document.addEventListener('htmx:load', function (e) { setUpAll(e.detail.elt); });
}());
