// Draws the upstream supply network of an end item with ECharts: tiers left to right, critical nodes in red. Nodes are
// labelled with their names (the id only when a node has no name), above the node so that edges, which run between
// tiers at node height, never cross a label. Drawn on a canvas: the SVG renderer writes style attributes, which the
// site's content security policy refuses (one console error per element).
(function () {
  function draw() {
    var el = document.getElementById('network-graph');
    if (!el || typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-graph-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.json(); })
      .then(function (g) {
        var perTier = {};
        var maxTier = g.nodes.reduce(function (m, n) { return Math.max(m, n.tier); }, 0);
        var nodes = g.nodes.map(function (n) {
          var i = perTier[n.tier] = (perTier[n.tier] || 0) + 1;
          return {
            id: n.id, name: n.collapsed > 0 ? '+' + n.collapsed : (n.label || n.id), full: n.label,
            x: (maxTier - n.tier) * 260, y: i * 64,
            symbolSize: n.collapsed > 0 ? 30 : 18,
            itemStyle: {color: n.critical ? dicasToken('color-chart-critical') : (n.collapsed > 0 ? dicasToken('color-chart-muted') : dicasToken('color-chart-1'))},
            label: {show: true, position: 'top', distance: 6, color: dicasToken('color-ink'), width: 220, overflow: 'truncate',
                    backgroundColor: dicasToken('color-chart-label-fill'), padding: [1, 3]}
          };
        });
        var links = g.edges.map(function (e) { return {source: e.source, target: e.target}; });
        var chart = echarts.init(el, null, {renderer: 'canvas'});
        chart.setOption({
          animation: false,
          tooltip: {formatter: function (p) { return p.dataType === 'node' ? echarts.format.encodeHTML(p.data.full || p.data.name) : ''; }},
          series: [{type: 'graph', layout: 'none', roam: true, data: nodes, links: links,
            edgeSymbol: ['none', 'arrow'], lineStyle: {color: dicasToken('color-chart-muted'), curveness: 0.08}, labelLayout: {hideOverlap: true}}]
        });
      });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
