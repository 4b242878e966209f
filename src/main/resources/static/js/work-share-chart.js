// Work-share balance: each nation's share of the total cost (bars, each labelled with its percentage) against its
// target (marker) and the tolerance band (the shaded range target ± tolerance). Data comes from the element's data
// attributes, labels included; the legend sits below the plot, never over it. Drawn on a canvas, tooltips included:
// the SVG renderer and HTML tooltips write style attributes, which the site's content security policy refuses.
(function () {
  function list(el, name) { return (el.getAttribute(name) || '').split(',').filter(function (x) { return x !== ''; }); }
  function draw() {
    var el = document.getElementById('share-chart');
    if (!el || typeof echarts === 'undefined') { return; }
    var nations = list(el, 'data-nations');
    var percent = list(el, 'data-percent').map(Number);
    var target = list(el, 'data-target').map(Number);
    var low = list(el, 'data-low').map(Number);
    var high = list(el, 'data-high').map(Number);
    var all = percent.concat(low, high);
    var min = Math.max(0, Math.floor((Math.min.apply(null, all) - 10) / 10) * 10);
    var max = Math.min(100, Math.ceil((Math.max.apply(null, all) + 10) / 10) * 10);
    var share = el.getAttribute('data-share-label'), band = el.getAttribute('data-band-label'),
        mark = el.getAttribute('data-target-label');
    // the share bar first, the band over it (translucent, same width, same place), the target as a line on top
    echarts.init(el, null, {renderer: 'canvas'}).setOption({
      animation: false,
      grid: {left: 50, right: 20, top: 30, bottom: 70},
      legend: {bottom: 0, itemGap: 24, data: [share, band, mark]},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'category', data: nations},
      yAxis: {type: 'value', min: min, max: max, axisLabel: {formatter: '{value}%'}},
      series: [
        {name: share, type: 'bar', barWidth: '40%', itemStyle: {color: dicasToken('color-chart-1')}, data: percent,
         label: {show: true, position: 'insideTop', color: dicasToken('color-chart-label-fill'), formatter: '{c}%'}},
        {name: 'base', type: 'bar', stack: 'band', barWidth: '40%', barGap: '-100%', silent: true,
         itemStyle: {color: 'transparent'}, tooltip: {show: false}, data: low},
        {name: band, type: 'bar', stack: 'band', barWidth: '40%', barGap: '-100%',
         itemStyle: {color: dicasToken('color-chart-band'), borderColor: dicasToken('color-chart-late'), borderWidth: 1},
         data: high.map(function (h, i) { return Math.round((h - low[i]) * 100) / 100; })},
        {name: mark, type: 'scatter', symbol: 'rect', symbolSize: [90, 3], itemStyle: {color: dicasToken('color-chart-critical')},
         data: target, label: {show: true, position: 'right', color: dicasToken('color-chart-critical'), formatter: '{c}%'}}
      ]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
