// The floor of `make bench`: the framework's 24 chevron cells (four
// concentric hexagons, six players) as one SVG string, built by hand with no
// library, no model and no Wasm. Anything that draws the diagram can only be
// slower. bench/floor.html is this one small module writing the cells, the
// page bench/cold.mjs gives every page's cold load as a ratio to; the warm
// benchmark (bench/radar.mjs) times setting this string against the core's
// drawing.

/** The SVG text of 24 chevron cells, `size` CSS pixels square. */
export function chevronSvg(size = 600) {
  const c = size / 2;
  const radii = [0.95, 0.75, 0.55, 0.35, 0.15].map((r) => r * c);
  // Hexagon corner k of ring r, the first one at the top, clockwise.
  const corner = (r, k) => {
    const a = (Math.PI / 3) * k - Math.PI / 2;
    return [c + r * Math.cos(a), c + r * Math.sin(a)];
  };
  const mid = (r, k) => {
    const [x1, y1] = corner(r, k);
    const [x2, y2] = corner(r, k + 1);
    return [(x1 + x2) / 2, (y1 + y2) / 2];
  };
  const pt = ([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`;
  let paths = '';
  for (let ring = 0; ring < 4; ring++) {
    const [outer, inner] = [radii[ring], radii[ring + 1]];
    for (let k = 0; k < 6; k++) {
      // A chevron around corner k: from the middle of the edge before it to
      // the middle of the edge after it, on the outer and the inner hexagon.
      const d = [mid(outer, k - 1), corner(outer, k), mid(outer, k), mid(inner, k), corner(inner, k), mid(inner, k - 1)];
      paths += `<path class="cell level-${(ring + k) % 5}" data-ring="${ring}" data-player="${k}" d="M${d.map(pt).join('L')}Z"/>`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="24 cells">${paths}</svg>`;
}

// On the floor page, write the cells at once.
const floor = document.getElementById('floor');
if (floor) floor.innerHTML = chevronSvg();
