// Draws the upstream supply network of an end item with ECharts: tiers left to right, critical nodes in red.
(function () {
  function draw() {
    var el = document.getElementById('network-graph');
    if (!el || typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-graph-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (g) {
        var perTier = {};
        var nodes = g.nodes.map(function (n) {
          var i = perTier[n.tier] = (perTier[n.tier] || 0) + 1;
          return {
            id: n.id, name: n.collapsed > 0 ? '+' + n.collapsed : n.label,
            x: n.tier * 220, y: i * 60,
            symbolSize: n.collapsed > 0 ? 30 : 18,
            itemStyle: {color: n.critical ? '#a4161a' : (n.collapsed > 0 ? '#6b7780' : '#0b4f8a')},
            label: {show: true, position: 'right', color: '#1b1f24'}
          };
        });
        var links = g.edges.map(function (e) { return {source: e.source, target: e.target}; });
        var chart = echarts.init(el, null, {renderer: 'svg'});
        chart.setOption({
          animation: false,
          series: [{type: 'graph', layout: 'none', roam: true, data: nodes, links: links,
            edgeSymbol: ['none', 'arrow'], lineStyle: {color: '#6b7780'}}]
        });
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
