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
    echarts.init(el, null, {renderer: 'svg'}).setOption({
      animation: false,
      grid: {left: 50, right: 20, top: 40, bottom: 30},
      legend: {data: [el.getAttribute('data-share-label'), el.getAttribute('data-band-label'),
                      el.getAttribute('data-target-label')]},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: nations},
      yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: [
        {name: 'base', type: 'bar', stack: 'band', silent: true, itemStyle: {color: 'transparent'},
         tooltip: {show: false}, data: low, barWidth: '50%'},
        {name: el.getAttribute('data-band-label'), type: 'bar', stack: 'band', itemStyle: {color: '#c9dcef'},
         data: high.map(function (h, i) { return Math.round((h - low[i]) * 100) / 100; })},
        {name: el.getAttribute('data-share-label'), type: 'bar', barGap: '-100%', barWidth: '25%',
         itemStyle: {color: '#0b4f8a'}, data: percent},
        {name: el.getAttribute('data-target-label'), type: 'scatter', symbol: 'rect', symbolSize: [60, 3],
         itemStyle: {color: '#a4161a'}, data: target}
      ]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
