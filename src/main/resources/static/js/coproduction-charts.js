// Co-production run: stacked bars per nation and year — delivered on time, late, unmet (one stack per nation), each
// part labelled with its quantity when it has one, each stack with its nation. The legend sits below the plot, never
// over it. Drawn on a canvas, tooltips included: the SVG renderer and HTML tooltips write style attributes, which the
// site's content security policy refuses.
(function () {
  function draw() {
    var el = document.getElementById('coproduction-chart');
    if (!el || typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); }).then(function (rows) {
        var years = [], nations = [], names = {};
        (el.getAttribute('data-nation-names') || '').split(';').forEach(function (pair) {
          var i = pair.indexOf('=');
          if (i > 0) { names[pair.substring(0, i)] = pair.substring(i + 1); }
        });
        rows.forEach(function (r) {
          if (years.indexOf(r.year) < 0) { years.push(r.year); }
          if (nations.indexOf(r.nation) < 0) { nations.push(r.nation); }
        });
        years.sort();
        var parts = [['delivered', el.getAttribute('data-delivered'), [dicasToken('color-chart-2'), dicasToken('color-chart-1'), dicasToken('color-chart-3')]],
                     ['late', el.getAttribute('data-late'), [dicasToken('color-chart-late'), dicasToken('color-chart-late'), dicasToken('color-chart-late')]],
                     ['unmet', el.getAttribute('data-unmet'), [dicasToken('color-chart-critical'), dicasToken('color-chart-critical'), dicasToken('color-chart-critical')]]];
        var series = [];
        nations.forEach(function (n, i) {
          parts.forEach(function (p) {
            series.push({name: (names[n] || n) + ' ' + p[1], type: 'bar', stack: n, itemStyle: {color: p[2][i % 3]},
              label: {show: true, position: 'inside', color: p[0] === 'late' ? dicasToken('color-ink') : dicasToken('color-on-status'),
                formatter: function (v) { return v.value > 0 ? String(v.value) : ''; }},
              data: years.map(function (y) {
                var row = rows.filter(function (r) { return r.nation === n && r.year === y; })[0];
                return row ? row[p[0]] : 0;
              })});
          });
        });
        // each stack's nation above it: a transparent bar on top of the last part, labelled with the nation's name
        nations.forEach(function (n) {
          series.push({name: '', type: 'bar', stack: n, silent: true, tooltip: {show: false},
            itemStyle: {color: 'transparent'}, data: years.map(function () { return 0; }),
            label: {show: true, position: 'top', color: dicasToken('color-ink'), formatter: names[n] || n}});
        });
        echarts.init(el, null, {renderer: 'canvas'}).setOption({
          animation: false,
          grid: {left: 60, right: 20, top: 40, bottom: 90},
          legend: {type: 'scroll', bottom: 0, data: series.filter(function (s) { return s.name !== ''; })
            .map(function (s) { return s.name; })},
          tooltip: {trigger: 'axis', renderMode: 'richText'},
          xAxis: {type: 'category', data: years.map(String)},
          yAxis: {type: 'value'},
          series: series
        });
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
