// Work-share balance: each nation's share of the total cost (bars) against its target (marker) and the tolerance
// band (the shaded range target ± tolerance). Data comes from the element's data attributes, labels included.
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
    // the share bar first, the band over it (translucent, same width, same place), the target as a line on top
    echarts.init(el, null, {renderer: 'svg'}).setOption({
      animation: false,
      grid: {left: 50, right: 20, top: 40, bottom: 30},
      legend: {itemGap: 24, data: [el.getAttribute('data-share-label'), el.getAttribute('data-band-label'),
                      el.getAttribute('data-target-label')]},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: nations},
      yAxis: {type: 'value', min: min, max: max, axisLabel: {formatter: '{value}%'}},
      series: [
        {name: el.getAttribute('data-share-label'), type: 'bar', barWidth: '40%', itemStyle: {color: dicasToken('color-chart-1')},
         data: percent},
        {name: 'base', type: 'bar', stack: 'band', barWidth: '40%', barGap: '-100%', silent: true,
         itemStyle: {color: 'transparent'}, tooltip: {show: false}, data: low},
        {name: el.getAttribute('data-band-label'), type: 'bar', stack: 'band', barWidth: '40%', barGap: '-100%',
         itemStyle: {color: dicasToken('color-chart-band'), borderColor: dicasToken('color-chart-late'), borderWidth: 1},
         data: high.map(function (h, i) { return Math.round((h - low[i]) * 100) / 100; })},
        {name: el.getAttribute('data-target-label'), type: 'scatter', symbol: 'rect', symbolSize: [90, 3],
         itemStyle: {color: dicasToken('color-chart-critical')}, data: target}
      ]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
