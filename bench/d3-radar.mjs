// A tech-radar page made the usual way, for bench/cold.mjs: D3 (the whole
// library, loaded as a classic script) draws four rings of six sectors as
// arcs with data joins, and labels each ring: the same 24 cells as the floor.
/* global d3 */
const size = 600;
const rings = ['Leadership', 'Integration', 'Technology', 'Management'];
const players = ['Senior leaders', 'Procurement', 'Finance & legal', 'Business units', 'IT', 'HR'];
const data = rings.flatMap((ring, r) => players.map((player, p) => ({ ring, r, player, p, level: (r + p) % 5 })));
const radius = d3.scaleLinear().domain([0, rings.length]).range([size * 0.475, size * 0.075]);
const angle = d3.scaleLinear().domain([0, players.length]).range([-Math.PI / 6, (2 * Math.PI) - Math.PI / 6]);
const arc = d3.arc()
  .innerRadius((d) => radius(d.r + 1))
  .outerRadius((d) => radius(d.r))
  .startAngle((d) => angle(d.p))
  .endAngle((d) => angle(d.p + 1))
  .padAngle(0.01);
const svg = d3.select('#diagram').append('svg')
  .attr('viewBox', `${-size / 2} ${-size / 2} ${size} ${size}`)
  .attr('role', 'img')
  .attr('aria-label', 'Tech radar');
svg.append('g').selectAll('path').data(data).join('path')
  .attr('class', (d) => `cell level-${d.level}`)
  .attr('d', arc);
svg.append('g').selectAll('text').data(rings).join('text')
  .attr('class', 'ring-label')
  .attr('y', (_, r) => -(radius(r) + radius(r + 1)) / 2)
  .text((d) => d);
