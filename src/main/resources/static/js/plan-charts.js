// Gantt of a repair plan per facility resource, late jobs in red, pinned jobs outlined; demand vs capacity by month.
(function () {
  function load(el, draw) {
    if (!el || typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); }).then(function (data) { draw(echarts.init(el, null, {renderer: 'svg'}), data, el); });
  }
  function day(s) { return new Date(s + 'T00:00:00Z').getTime(); }
  // Months and days in the page's language (2026年4月 / Apr 2026), as the pages' #when says them; dates are UTC days.
  var ja = document.documentElement.lang === 'ja';
  var monthFormat = new Intl.DateTimeFormat(ja ? 'ja-JP' : 'en-GB', {year: 'numeric', month: 'short', timeZone: 'UTC'});
  var dayFormat = new Intl.DateTimeFormat(ja ? 'ja-JP' : 'en-GB', {month: 'short', day: 'numeric', timeZone: 'UTC'});
  function dateLabel(t) { var d = new Date(t); return d.getUTCDate() === 1 ? monthFormat.format(d) : dayFormat.format(d); }
  function gantt(chart, g) {
    var rows = g.resources;
    var data = g.bars.map(function (b) {
      return {value: [rows.indexOf(b.resource), day(b.start), day(b.finish), b.job + ' ' + b.asset, b.daysLate, b.pinned],
        itemStyle: {color: b.daysLate > 0 ? '#a4161a' : '#0b4f8a', borderColor: b.pinned ? '#f2a900' : undefined,
          borderWidth: b.pinned ? 3 : 0}};
    });
    chart.setOption({
      animation: false,
      grid: {left: 200, right: 20, top: 20, bottom: 40},
      tooltip: {formatter: function (p) {
        return echarts.format.encodeHTML(p.value[3] + (p.value[4] > 0 ? ' (+' + p.value[4] + ' d)' : ''));
      }},
      xAxis: {type: 'time', min: day(g.horizonStart), max: day(g.horizonEnd), axisLabel: {formatter: dateLabel}},
      yAxis: {type: 'category', data: rows, inverse: true},
      series: [{type: 'custom', encode: {x: [1, 2], y: 0}, data: data, renderItem: function (params, api) {
        var y = api.value(0), start = api.coord([api.value(1), y]), end = api.coord([api.value(2), y]);
        var h = api.size([0, 1])[1] * 0.6;
        return {type: 'rect', shape: {x: start[0], y: start[1] - h / 2, width: Math.max(2, end[0] - start[0]), height: h},
          style: api.style()};
      }}]
    });
  }
  function demand(chart, months, el) {
    var d = el.getAttribute('data-demand-label'), c = el.getAttribute('data-capacity-label');
    chart.setOption({
      animation: false,
      grid: {left: 60, right: 20, top: 30, bottom: 40},
      legend: {data: [d, c]},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: months.map(function (m) { return monthFormat.format(new Date(day(m.month + '-01'))); })},
      yAxis: {type: 'value'},
      series: [
        {name: d, type: 'bar', data: months.map(function (m) { return m.demandDays; }), itemStyle: {color: '#0b4f8a'}},
        {name: c, type: 'line', data: months.map(function (m) { return m.capacityDays; }), itemStyle: {color: '#1e6b34'}}
      ]
    });
  }
  function draw() {
    load(document.getElementById('plan-gantt'), gantt);
    load(document.getElementById('plan-demand'), demand);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
