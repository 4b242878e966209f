// Gantt of a repair plan per facility resource, late jobs in red, pinned jobs outlined, each bar labelled with its job
// and asset (cut to the bar's width; the tooltip and the table below give it whole); demand vs capacity by month, its
// legend clear of the plot. Drawn on a canvas: the SVG renderer writes style attributes that the site's content
// security policy refuses.
(function () {
  function load(el, draw) {
    if (!el || typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); }).then(function (data) { draw(echarts.init(el, null, {renderer: 'canvas'}), data, el); });
  }
  function day(s) { return new Date(s + 'T00:00:00Z').getTime(); }
  // Month labels on the time axis in the page's language: 2025年6月 in Japanese, Jun 2025 in English.
  function monthFormat() {
    var lang = document.documentElement.lang || 'en';
    var f = new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'short', timeZone: 'UTC'});
    return function (value) { return f.format(new Date(value)); };
  }
  function gantt(chart, g, el) {
    var rows = g.resources;
    var data = g.bars.map(function (b) {
      return {value: [rows.indexOf(b.resource), day(b.start), day(b.finish), b.job + ' ' + b.asset, b.lateText, b.pinned],
        itemStyle: {color: b.daysLate > 0 ? dicasToken('color-chart-critical') : dicasToken('color-chart-1'), borderColor: b.pinned ? dicasToken('color-focus-halo') : undefined,
          borderWidth: b.pinned ? 3 : 0}};
    });
    chart.setOption({
      animation: false,
      grid: {left: 200, right: 20, top: 30, bottom: 50},
      tooltip: {formatter: function (p) {
        return echarts.format.encodeHTML(p.value[3] + (p.value[4] ? ' (' + p.value[4] + ')' : ''));
      }},
      xAxis: {type: 'time', min: day(g.horizonStart), max: day(g.horizonEnd), name: el.getAttribute('data-date-axis'),
        nameLocation: 'middle', nameGap: 30, axisLabel: {formatter: monthFormat()}},
      yAxis: {type: 'category', data: rows, inverse: true, name: el.getAttribute('data-resource-axis')},
      series: [{type: 'custom', encode: {x: [1, 2], y: 0}, data: data, renderItem: function (params, api) {
        var y = api.value(0), start = api.coord([api.value(1), y]), end = api.coord([api.value(2), y]);
        var h = api.size([0, 1])[1] * 0.6, w = Math.max(2, end[0] - start[0]);
        var bar = g.bars[params.dataIndex];
        return {type: 'group', children: [
          {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: w, height: h}, style: api.style()},
          {type: 'text', ignore: w < 36, silent: true, style: {text: bar.job + ' ' + bar.asset, x: start[0] + 4, y: start[1],
            verticalAlign: 'middle', fill: dicasToken('color-on-primary'), font: '12px sans-serif', width: w - 8, overflow: 'truncate'}}
        ]};
      }}]
    });
  }
  function demand(chart, months, el) {
    var d = el.getAttribute('data-demand-label'), c = el.getAttribute('data-capacity-label');
    chart.setOption({
      animation: false,
      grid: {left: 60, right: 20, top: 40, bottom: 70},
      legend: {data: [d, c], bottom: 0},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: months.map(function (m) { return m.label; }), name: el.getAttribute('data-month-axis'),
        nameLocation: 'middle', nameGap: 26},
      yAxis: {type: 'value', name: el.getAttribute('data-days-axis')},
      series: [
        {name: d, type: 'bar', data: months.map(function (m) { return m.demandDays; }), itemStyle: {color: dicasToken('color-chart-1')}},
        {name: c, type: 'line', data: months.map(function (m) { return m.capacityDays; }), itemStyle: {color: dicasToken('color-chart-2')}}
      ]
    });
  }
  function draw() {
    load(document.getElementById('plan-gantt'), gantt);
    load(document.getElementById('plan-demand'), demand);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
