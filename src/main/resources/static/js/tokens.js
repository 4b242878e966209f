// The design tokens (css/tokens.css, ADR 0044) for scripts that draw on a canvas and cannot use CSS: the charts ask
// for a colour by its token name, so a chart and the page around it never disagree. Loaded before the chart scripts.
(function () {
  window.dicasToken = function (name) {
    return getComputedStyle(document.documentElement).getPropertyValue('--' + name).trim();
  };
})();
