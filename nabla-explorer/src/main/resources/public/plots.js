import { t } from './i18n.js';
// Plotly drawings: the contour map with arrows, the surface with a tangent-plane patch, the descent value curve.
// A pale colour scale for the contour map, so that the dark arrows drawn over it stay visible.
const PALE = [[0, '#e8eefc'], [0.25, '#cfe3f3'], [0.5, '#d9f0d3'], [0.75, '#fbeec1'], [1, '#fbd3b0']];
const COLORS = { field: 'rgba(60,60,60,0.75)', point: '#d9480f', direction: '#111111', ascent: '#c92a2a',
  descent: '#1971c2', tangent: '#2b8a3e', normal: '#862e9c', path: '#f08c00' };

// Segments with arrow heads, as one line trace: [x0, y0, dx, dy] per arrow, separated by nulls.
export function arrowTrace(arrows, color, width, name, showlegend = true) {
  const xs = [], ys = [];
  for (const [x0, y0, dx, dy] of arrows) {
    const length = Math.hypot(dx, dy);
    if (!(length > 0)) continue;
    const x1 = x0 + dx, y1 = y0 + dy, head = 0.3 * length, ux = dx / length, uy = dy / length;
    const spread = Math.PI / 7;
    const back = a => [x1 - head * (ux * Math.cos(a) - uy * Math.sin(a)), y1 - head * (uy * Math.cos(a) + ux * Math.sin(a))];
    const [lx, ly] = back(spread), [rx, ry] = back(-spread);
    xs.push(x0, x1, null, lx, x1, rx, null);
    ys.push(y0, y1, null, ly, y1, ry, null);
  }
  return { type: 'scatter', mode: 'lines', x: xs, y: ys, name, showlegend, hoverinfo: 'skip',
    line: { color, width } };
}

// The gradient field: every arrow scaled by the largest |∇f| so the longest spans `scale` cells.
export function fieldArrows(grid, window, scale) {
  const norms = grid.arrows.map(([, , gx, gy]) => Math.hypot(gx, gy)).filter(Number.isFinite);
  const largest = Math.max(...norms, 0);
  if (!(largest > 0)) return [];
  const cell = Math.min(window[1] - window[0], window[3] - window[2]) / Math.sqrt(grid.arrows.length || 1);
  const k = scale * cell / largest;
  return grid.arrows.map(([x, y, gx, gy]) => [x, y, k * gx, k * gy]);
}

// 24 contour levels over the finite values of z, computed without overflow (Plotly's own spacing overflows, and
// then never ends, when the values span more than the largest double, e.g. exp(x²) near x = 26).
export function contourLevels(z) {
  let lo = Infinity, hi = -Infinity;
  for (const row of z) for (const v of row) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const size = hi / 24 - lo / 24;
  if (!(size > 0) || !Number.isFinite(size)) return null;
  return { start: lo + size / 2, end: hi - size / 2, size };
}

// axes: the names of the two coordinates and the title; the polar view draws φ(r, θ) with r across and θ up.
export function drawContour(el, grid, window, layers, axes = { x: 'x', y: 'y', title: t('plot.contourTitle'), equal: true }) {
  const levels = contourLevels(grid.z);
  const traces = [{
    type: 'contour', x: grid.x, y: grid.y, z: grid.z, colorscale: PALE, autocontour: !levels,
    contours: { coloring: 'heatmap', showlines: !!levels, ...(levels || {}) }, line: { width: 0.7, color: 'rgba(70,90,120,0.45)' },
    colorbar: { thickness: 12 }, hovertemplate: 'x=%{x:.3f}<br>y=%{y:.3f}<br>f=%{z:.4g}<extra></extra>', name: 'f',
  }];
  if (layers.field.length) traces.push(arrowTrace(layers.field, COLORS.field, 1, t('plot.field')));
  if (Number.isFinite(layers.level)) traces.push({ type: 'contour', x: grid.x, y: grid.y, z: grid.z, showscale: false, hoverinfo: 'skip',
    contours: { coloring: 'none', start: layers.level, end: layers.level, size: 1 }, line: { color: COLORS.tangent, width: 2.5, dash: 'dot' },
    name: t('plot.levelSet'), showlegend: true });
  if (layers.tangent) traces.push({ type: 'scatter', mode: 'lines', x: layers.tangent[0], y: layers.tangent[1],
    line: { color: COLORS.tangent, width: 2 }, name: t('say.tangentLine'), hoverinfo: 'skip' });
  if (layers.normal) traces.push(arrowTrace([layers.normal], COLORS.normal, 2, t('plot.normal')));
  if (layers.ascent) traces.push(arrowTrace([layers.ascent], COLORS.ascent, 3, t('plot.ascent')));
  if (layers.descent) traces.push(arrowTrace([layers.descent], COLORS.descent, 3, t('plot.descent')));
  if (layers.direction) traces.push(arrowTrace([layers.direction], COLORS.direction, 3, t('plot.direction')));
  if (layers.path) traces.push({ type: 'scatter', mode: 'lines+markers', x: layers.path.map(p => p[0]),
    y: layers.path.map(p => p[1]), line: { color: COLORS.path, width: 2 }, marker: { size: 4 }, name: t('plot.path') });
  if (layers.point) traces.push({ type: 'scatter', mode: 'markers', x: [layers.point[0]], y: [layers.point[1]],
    marker: { color: COLORS.point, size: 10, line: { color: '#fff', width: 2 } }, name: t('plot.point'), hoverinfo: 'skip' });
  const layout = {
    margin: { l: 45, r: 10, t: 30, b: 35 }, title: { text: axes.title, font: { size: 13 } },
    xaxis: { range: [window[0], window[1]], title: { text: axes.x }, constrain: 'domain' },
    yaxis: { range: [window[2], window[3]], title: { text: axes.y }, constrain: 'domain',
      ...(axes.equal ? { scaleanchor: 'x', scaleratio: 1 } : {}) },
    legend: { orientation: 'h', y: -0.12, font: { size: 11 } }, dragmode: false,
  };
  return Plotly.react(el, traces, layout, { displaylogo: false, responsive: true });
}

// The plane coordinates of a click on the contour map, or null outside the plotting area.
export function clickedPoint(el, event) {
  const layout = el._fullLayout;
  if (!layout) return null;
  const xa = layout.xaxis, ya = layout.yaxis, box = el.getBoundingClientRect();
  const px = event.clientX - box.left - xa._offset, py = event.clientY - box.top - ya._offset;
  if (px < 0 || py < 0 || px > xa._length || py > ya._length) return null;
  return [xa.p2c(px), ya.p2c(py)];
}

// The pixel position, inside the element, of the plane point (x, y) on the contour map.
export function toPixels(el, x, y) {
  const layout = el._fullLayout;
  if (!layout) return [NaN, NaN];
  const xa = layout.xaxis, ya = layout.yaxis;
  return [xa._offset + xa.c2p(x), ya._offset + ya.c2p(y)];
}

// The slice t ↦ f(x + t v) with its tangent line of slope D_v f at t = 0; at a kink the two one-sided tangent
// lines, the right one of slope D_v f and the left one of slope −D_{−v} f.
export function drawSlice(el, slice, analysis) {
  if (!window.Plotly) return null;
  const traces = [];
  let title = t('plot.slice');
  if (slice) {
    const ts = slice.t, h = ts[ts.length - 1], f0 = slice.value;
    traces.push({ type: 'scatter', mode: 'lines', x: ts, y: slice.values, name: 'f(x + t v)', line: { color: '#1f3b73', width: 2 },
      hovertemplate: 't=%{x:.4f}<br>f=%{y:.6g}<extra></extra>' });
    const r = slice.right.value, l = slice.left.value;
    if (!slice.kink && Number.isFinite(r)) {
      traces.push({ type: 'scatter', mode: 'lines', x: [-h, h], y: [f0 - r * h, f0 + r * h], name: t('plot.tangent'),
        line: { color: COLORS.ascent, width: 2, dash: 'dash' }, hoverinfo: 'skip' });
    } else {
      if (Number.isFinite(r)) traces.push({ type: 'scatter', mode: 'lines', x: [0, h], y: [f0, f0 + r * h],
        name: t('plot.rightTangent'), line: { color: COLORS.ascent, width: 2, dash: 'dash' }, hoverinfo: 'skip' });
      if (Number.isFinite(l)) traces.push({ type: 'scatter', mode: 'lines', x: [-h, 0], y: [f0 - l * h, f0],
        name: t('plot.leftTangent'), line: { color: COLORS.descent, width: 2, dash: 'dash' }, hoverinfo: 'skip' });
    }
    traces.push({ type: 'scatter', mode: 'markers', x: [0], y: [f0], name: 'x (t = 0)', hoverinfo: 'skip',
      marker: { color: COLORS.point, size: 9, line: { color: '#fff', width: 2 } } });
    const v = slice.v.map(c => +c.toPrecision(4)).join(', ');
    title = t('plot.sliceAlong', v) + t(slice.kink ? 'plot.sliceKink' : 'plot.sliceSmooth');
  }
  const finite = slice ? slice.values.filter(Number.isFinite) : [];
  const lo = Math.min(...finite), hi = Math.max(...finite), pad = 0.1 * (hi - lo || 1);
  return Plotly.react(el, traces, {
    margin: { l: 55, r: 10, t: 30, b: 40 }, title: { text: title, font: { size: 13 } },
    xaxis: { title: { text: 't' }, zeroline: true }, yaxis: { title: { text: 'f' }, range: finite.length ? [lo - pad, hi + pad] : undefined },
    legend: { orientation: 'h', y: -0.18, font: { size: 11 } },
  }, { displaylogo: false, responsive: true });
}

// Every k-th grid line, so that the WebGL surface stays light (at most about 50 lines per axis).
function coarse(grid) {
  const k = Math.max(1, Math.ceil(grid.x.length / 50));
  const pick = (_, i) => i % k === 0;
  return { x: grid.x.filter(pick), y: grid.y.filter(pick), z: grid.z.filter(pick).map(row => row.filter(pick)) };
}

export function drawSurface(el, grid, analysis, window, transparent) {
  const s = coarse(grid);
  const traces = [{ type: 'surface', x: s.x, y: s.y, z: s.z, colorscale: 'Viridis', showscale: false,
    opacity: transparent ? 0.6 : 1, name: 'f', contours: { z: { show: true, usecolormap: true, width: 1 } } }];
  const any = s.z.some(row => row.some(Number.isFinite));
  if (!any) traces.length = 0;   // nothing drawable: WebGL must not be handed an empty or infinite surface
  const plane = analysis && analysis.gradient.smooth && [analysis.value, ...analysis.gradient.values]
    .every(c => Number.isFinite(c) && Math.abs(c) < 1e150);
  if (any && plane) {
    const [x0, y0] = analysis.point, f0 = analysis.value, [gx, gy] = analysis.gradient.values;
    const h = 0.12 * Math.min(window[1] - window[0], window[3] - window[2]);
    const xs = [x0 - h, x0 + h], ys = [y0 - h, y0 + h];
    const z = ys.map(y => xs.map(x => f0 + gx * (x - x0) + gy * (y - y0)));
    traces.push({ type: 'surface', x: xs, y: ys, z, showscale: false, opacity: 0.85, name: t('plot.tangentPlane'),
      colorscale: [[0, '#ff922b'], [1, '#ff922b']], hoverinfo: 'skip' });
    traces.push({ type: 'scatter3d', mode: 'markers', x: [x0], y: [y0], z: [f0], marker: { size: 4, color: COLORS.point }, name: 'point' });
  }
  return Plotly.react(el, traces, {
    margin: { l: 0, r: 0, t: 30, b: 0 }, title: { text: t('plot.surfaceTitle'), font: { size: 13 }, x: 0.05, xanchor: 'left' },
    scene: { xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'y' } }, zaxis: { title: { text: 'f' } } }, showlegend: false,
  }, { displaylogo: false, responsive: true });
}

export function drawValueCurve(el, run) {
  if (!window.Plotly) return null;
  const values = run ? run.values : [];
  const positive = values.length > 1 && values.every(v => v > 0);
  return Plotly.react(el, [{ type: 'scatter', mode: 'lines+markers', x: values.map((_, k) => k), y: values,
    line: { color: COLORS.path }, marker: { size: 4 }, name: 'f(x_k)' }], {
    margin: { l: 55, r: 10, t: 30, b: 40 }, title: { text: t('plot.descentTitle'), font: { size: 13 } },
    xaxis: { title: { text: t('plot.iteration') } }, yaxis: { title: { text: 'f(x_k)' }, type: positive ? 'log' : 'linear' },
  }, { displaylogo: false, responsive: true });
}

// A field of (x, y, z): its level surface {f = c} through the point (c = f(x)), the point, and the normal ∇f there
// as a cone; the surface is sampled on the volume's 3-D grid.
export function drawLevelSurface(el, volume, analysis, window, transparent) {
  const traces = [];
  if (volume && analysis && Number.isFinite(analysis.value)) {
    traces.push({ type: 'isosurface', x: volume.x, y: volume.y, z: volume.z,
      value: volume.values.map(v => (v === null ? NaN : v)), isomin: analysis.value, isomax: analysis.value,
      surface: { count: 1 }, caps: { x: { show: false }, y: { show: false }, z: { show: false } },
      colorscale: [[0, '#4c6ef5'], [1, '#4c6ef5']], showscale: false, opacity: transparent ? 0.6 : 1, name: t('plot.levelSurface') });
    const [x0, y0, z0] = analysis.point;
    traces.push({ type: 'scatter3d', mode: 'markers', x: [x0], y: [y0], z: [z0], marker: { size: 4, color: COLORS.point }, name: t('plot.point') });
    const g = analysis.gradient.values;
    if (analysis.gradient.smooth && g.every(Number.isFinite) && Math.hypot(...g) > 0) {
      const n = Math.hypot(...g), span = 0.2 * Math.min(window[1] - window[0], window[3] - window[2]);
      traces.push({ type: 'scatter3d', mode: 'lines', x: [x0, x0 + span * g[0] / n], y: [y0, y0 + span * g[1] / n],
        z: [z0, z0 + span * g[2] / n], line: { color: COLORS.normal, width: 6 }, name: t('plot.normal') });
      traces.push({ type: 'cone', x: [x0 + span * g[0] / n], y: [y0 + span * g[1] / n], z: [z0 + span * g[2] / n],
        u: [g[0] / n], v: [g[1] / n], w: [g[2] / n], sizemode: 'absolute', sizeref: 0.3 * span, anchor: 'tip',
        showscale: false, colorscale: [[0, COLORS.normal], [1, COLORS.normal]], name: t('plot.normal') });
    }
  }
  return Plotly.react(el, traces, {
    margin: { l: 0, r: 0, t: 30, b: 0 }, title: { text: t('plot.levelSurfaceTitle'), font: { size: 13 }, x: 0.05, xanchor: 'left' },
    scene: { xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'y' } }, zaxis: { title: { text: 'z' } } }, showlegend: false,
  }, { displaylogo: false, responsive: true });
}
