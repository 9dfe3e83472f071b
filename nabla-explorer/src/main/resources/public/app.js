import katex from '/webjars/katex/0.18.11/dist/katex.mjs';
import { call, latest } from './api.js';
import { EXAMPLES } from './examples.js';
import { readUrl, writeUrl } from './state.js';
import { chosenLanguage, applyLanguage, t } from './i18n.js';
import { drawContour, drawSurface, drawLevelSurface, drawValueCurve, drawSlice, clickedPoint, toPixels, fieldArrows } from './plots.js';

const $ = id => document.getElementById(id);
const fmt = x => x === null || x === undefined || Number.isNaN(x) ? 'undefined'
  : x === Infinity ? '∞' : x === -Infinity ? '−∞'
  : Math.abs(x) >= 1e7 || (x !== 0 && Math.abs(x) < 1e-4) ? x.toExponential(5).replace(/\.?0+e/, 'e') : String(+x.toPrecision(6));
const vec = xs => '(' + xs.map(fmt).join(', ') + ')';
const tex = (el, source) => katex.render(source, el, { throwOnError: false, displayMode: false });

const state = { expr: '', window: [-2, 2, -2, 2], point: [0.7, 1.2], direction: [1, -2], normalise: true, lang: 'en',
  parameters: {}, polar: false, dimension: 2, zrange: [-2, 2] };
let volume = null;
const volumeLatest = latest('/api/volume');
let grid = null, analysis = null, run = null, slice = null;
const parseLatest = latest('/api/parse'), gridLatest = latest('/api/grid'), analyzeLatest = latest('/api/analyze'),
  sliceLatest = latest('/api/slice'), stepsLatest = latest('/api/steps'), polarLatest = latest('/api/polar');
let steps = null, polar = null;

function plotsReady() {
  return new Promise(resolve => {
    const check = () => (window.Plotly ? resolve() : setTimeout(check, 20));
    check();
  });
}

// ---- state <-> controls ----------------------------------------------------------------------------------
function readControls() {
  state.expr = $('expr').value;
  const w = ['xmin', 'xmax', 'ymin', 'ymax'].map(id => Number($(id).value));
  if (w.every(Number.isFinite) && w[0] < w[1] && w[2] < w[3]) state.window = w;
  // a third coordinate while the point has one (a field of (x, y, z), or an example about to become one)
  const p = [Number($('px').value), Number($('py').value), ...(state.point.length > 2 ? [Number($('pz').value)] : [])];
  if (p.every(Number.isFinite)) state.point = p;
  const v = [Number($('vx').value), Number($('vy').value), ...(state.direction.length > 2 ? [Number($('vz').value)] : [])];
  if (v.every(Number.isFinite)) state.direction = v;
  const z = [Number($('zmin').value), Number($('zmax').value)];
  if (z.every(Number.isFinite) && z[0] < z[1]) state.zrange = z;
  state.normalise = $('normalise').checked;
}

function writeControls() {
  $('expr').value = state.expr;
  ['xmin', 'xmax', 'ymin', 'ymax'].forEach((id, i) => { $(id).value = state.window[i]; });
  $('px').value = +state.point[0].toPrecision(6);
  $('py').value = +state.point[1].toPrecision(6);
  $('vx').value = state.direction[0];
  $('vy').value = state.direction[1];
  if (state.point.length > 2) $('pz').value = +state.point[2].toPrecision(6);
  if (state.direction.length > 2) $('vz').value = state.direction[2];
  [$('zmin').value, $('zmax').value] = state.zrange;
  $('normalise').checked = state.normalise;
  showAngle();
}

function showAngle() {
  const [vx, vy] = state.direction;
  const angle = (Math.atan2(vy, vx) * 180 / Math.PI + 360) % 360;
  $('angle').value = +angle.toFixed(2);
  const r = 40, a = angle * Math.PI / 180;
  $('dial-hand').setAttribute('x2', r * Math.cos(a));
  $('dial-hand').setAttribute('y2', -r * Math.sin(a));
  $('dial-knob').setAttribute('cx', r * Math.cos(a));
  $('dial-knob').setAttribute('cy', -r * Math.sin(a));
  $('dial').setAttribute('aria-valuenow', +angle.toFixed(2));
}

function setAngle(degrees) {
  // the dial turns v in the (x, y) plane; a third component stays as it is
  const length = Math.hypot(state.direction[0], state.direction[1]) || 1;
  const a = degrees * Math.PI / 180;
  state.direction = [length * Math.cos(a), length * Math.sin(a)].map(c => +c.toPrecision(6))
    .concat(state.direction.slice(2));
  $('vx').value = state.direction[0];
  $('vy').value = state.direction[1];
  showAngle();
}

// ---- expression: live preview and inline errors -----------------------------------------------------------
function showParseError(error) {
  $('expr').classList.add('invalid');
  const box = $('expr-error');
  box.hidden = false;
  box.textContent = error.kind === 'parse'
    ? `${error.sourceLine}\n${error.caretLine}\n${error.message}${error.expected ? '; expected ' + error.expected : ''}`
    : error.message;
  if (error.kind === 'parse') $('expr').setSelectionRange?.(error.position, error.position);
}

function clearParseError() {
  $('expr').classList.remove('invalid');
  $('expr-error').hidden = true;
}

async function onExpression() {
  readControls();
  const result = await parseLatest({ expr: state.expr, parameters: state.parameters });
  if (!result) return;
  if (!result.ok) {
    showParseError(result.error);
    $('preview').textContent = '';
    return;
  }
  clearParseError();
  setDimension(result.data.variables.length);
  const head = state.dimension === 3 ? 'f(x, y, z) =' : 'f(x, y) =';
  document.querySelector('label[for=expr]').textContent = head;
  tex($('preview'), head + ' ' + result.data.latex);
  showParameters(result.data.parameters);
  await Promise.all([refreshGrid(), refreshAnalysis(), refreshVolume()]);
}

// ---- three variables -----------------------------------------------------------------------------------------
// A field that uses z is a field of (x, y, z): the map shows its slice z = z₀ through the point, the 3-D view its
// level surface {f = f(x)} through the point with the normal ∇f there.
function setDimension(n) {
  if (n === state.dimension && state.point.length === n && state.direction.length === n) return;
  state.dimension = n;
  const fit = (xs, fill) => xs.slice(0, n).concat(Array(Math.max(0, n - xs.length)).fill(fill));
  state.point = fit(state.point, 0);
  state.direction = fit(state.direction, 0);
  document.body.classList.toggle('space', n === 3);
  $('polar-on').disabled = n === 3;
  if (n === 3 && state.polar) { state.polar = false; $('polar-on').checked = false; }
  writeControls();
}

async function refreshVolume() {
  if (state.dimension !== 3) { volume = null; return; }
  const w = state.window;
  const result = await volumeLatest({ expr: state.expr, parameters: state.parameters, resolution: 24,
    window: { xmin: w[0], xmax: w[1], ymin: w[2], ymax: w[3], zmin: state.zrange[0], zmax: state.zrange[1] } });
  if (!result) return;
  volume = result.ok ? result.data : null;
  redraw();
}

// ---- parameters: a slider for every symbol that is not a variable ------------------------------------------
const PARAMETER_RANGE = 5;
function showParameters(names) {
  const box = $('parameters');
  $('params-card').hidden = names.length === 0;
  for (const name of Object.keys(state.parameters)) if (!names.includes(name)) delete state.parameters[name];
  if (box.dataset.names === names.join(',')) return;
  box.dataset.names = names.join(',');
  box.innerHTML = '';
  for (const name of names) {
    if (state.parameters[name] === undefined) state.parameters[name] = 1;
    const value = state.parameters[name];
    const label = document.createElement('label');
    label.className = 'parameter';
    const range = Math.max(PARAMETER_RANGE, Math.abs(value));
    label.innerHTML = `<span class="name"></span> <input type="range" step="0.01"> <input type="number" step="any">`;
    label.querySelector('.name').textContent = name + ' =';
    const [slider, number] = label.querySelectorAll('input');
    Object.assign(slider, { min: -range, max: range, value, id: 'param-' + name });
    slider.setAttribute('aria-label', name);
    number.value = value;
    number.setAttribute('aria-label', name);
    const set = v => {
      if (!Number.isFinite(v)) return;
      state.parameters[name] = v;
      slider.value = v;
      number.value = v;
      refreshAllSoon();
    };
    slider.addEventListener('input', () => set(Number(slider.value)));
    number.addEventListener('change', () => set(Number(number.value)));
    box.append(label);
  }
}

// Plotly's axes and contour levels overflow, and may never finish, on values near the largest double: such values
// are left out of the drawings (gaps), never out of the numbers shown.
const DRAWABLE = 1e150;
const drawable = v => (Number.isFinite(v) && Math.abs(v) < DRAWABLE ? v : null);

// ---- grid and analysis ----------------------------------------------------------------------------------
async function refreshGrid() {
  readControls();
  const result = await gridLatest({ expr: state.expr, parameters: state.parameters, window: { xmin: state.window[0], xmax: state.window[1],
    ymin: state.window[2], ymax: state.window[3] }, resolution: 101, arrows: 17,
    ...(state.dimension === 3 ? { slice: { z: state.point[2] } } : {}) });
  if (!result) return;
  if (!result.ok) { showAnalysisError(result.error); return; }
  grid = { ...result.data, z: result.data.z.map(row => row.map(drawable)) };
  redraw();
}

async function refreshAnalysis() {
  readControls();
  writeUrl(state);
  const result = await analyzeLatest({ expr: state.expr, parameters: state.parameters, point: state.point, direction: state.direction,
    normalise: state.normalise });
  if (!result) return;
  if (!result.ok) {
    analysis = null;
    slice = null;
    showAnalysisError(result.error);
  } else {
    analysis = result.data;
    $('analysis-error').hidden = true;
    renderAnalysis(analysis);
    if (!document.body.dataset.firstPaint) document.body.dataset.firstPaint = String(Math.round(performance.now()));
    await Promise.all([refreshSlice(), refreshSteps(), refreshPolar()]);
  }
  redraw();
}

// ---- polar view ------------------------------------------------------------------------------------------
// x = r cos θ, y = r sin θ: φ(r, θ) over [0, rmax] × [−π, π], rmax the window's farthest corner; the documents'
// D_{e_r} f = ∂φ/∂r, D_{e_θ} f = (1/r) ∂φ/∂θ and ∇f = f_r e_r + (1/r) f_θ e_θ.
function polarRange() {
  const w = state.window;
  return Math.max(...[[w[0], w[2]], [w[0], w[3]], [w[1], w[2]], [w[1], w[3]]].map(([x, y]) => Math.hypot(x, y)));
}

async function refreshPolar() {
  if (!state.polar) { polar = null; renderPolar(); return; }
  const result = await polarLatest({ expr: state.expr, parameters: state.parameters, point: state.point,
    rmax: polarRange(), resolution: 101, arrows: 17 });
  if (!result) return;
  polar = result.ok ? { ...result.data, grid: { ...result.data.grid, z: result.data.grid.z.map(row => row.map(drawable)) } }
    : { error: result.error };
  renderPolar();
  redraw();
}

function renderPolar() {
  const el = $('polar-caption');
  el.innerHTML = '';
  el.hidden = !polar;
  if (!polar) return;
  if (polar.error) { el.textContent = polar.error.message; return; }
  const lines = [
    `r = ${texNumber(polar.r)},\\ \\theta = ${texNumber(polar.theta)},\\quad \\varphi(r, \\theta) = ${polar.phi.latex}`,
    `D_{e_r} f = \\frac{\\partial\\varphi}{\\partial r} = ${polar.fr.formula.latex} = ${texNumber(polar.radial)}`,
    `\\frac{\\partial\\varphi}{\\partial\\theta} = ${polar.ftheta.formula.latex} = ${texNumber(polar.ftheta.value)}` +
      (polar.angular === null ? '' : `,\\quad D_{e_\\theta} f = \\frac{1}{r}\\frac{\\partial\\varphi}{\\partial\\theta} = ${texNumber(polar.angular)}`),
  ];
  if (polar.recomposed) lines.push(`\\nabla f = f_r\\,e_r + \\frac{1}{r} f_\\theta\\,e_\\theta = ${texVector(polar.recomposed.map(texNumber))}`);
  for (const line of lines) {
    const div = document.createElement('div');
    tex(div, line);
    el.append(div);
  }
  el.dataset.radial = polar.radial;
  el.dataset.angular = polar.angular === null ? '' : polar.angular;
}

// Constants such as 0.8944271909999159 (= 2/√5) rounded to 6 digits for reading; the exact formula is on hover.
const readable = latex => latex.replace(/\d+\.\d{7,}/g, m => String(+Number(m).toPrecision(6)));

// ---- step by step ------------------------------------------------------------------------------------------
// Fetched while the card is open: the derivation of every ∂f/∂x_i, rule by rule, and D_v f = Σ ∂f/∂x_i v_i.
async function refreshSteps() {
  if (!$('steps-card').open) return;
  const result = await stepsLatest({ expr: state.expr, parameters: state.parameters, direction: state.direction, normalise: state.normalise });
  if (!result) return;
  steps = result.ok ? result.data : { error: result.error };
  renderSteps();
}

function renderSteps() {
  const el = $('steps');
  el.innerHTML = '';
  if (!steps) return;
  if (steps.error) { el.textContent = steps.error.message; return; }
  el.dataset.expr = steps.expr;
  for (const d of steps.partials) {
    const h = document.createElement('h3');
    h.textContent = t('steps.partial', '∂f/∂' + d.variable);
    const list = document.createElement('ol');
    list.className = 'steps';
    list.dataset.variable = d.variable;
    const dx = `\\frac{\\partial}{\\partial ${d.variable}}`;
    for (const s of d.steps) {
      const item = document.createElement('li');
      item.style.marginLeft = (1.2 * s.depth) + 'em';
      item.dataset.rule = s.rule;
      const name = document.createElement('span');
      name.className = 'rule';
      name.textContent = t('rule.' + s.rule);
      const eq = document.createElement('div');
      const lhs = `${dx}\\left(${s.node}\\right)`;
      tex(eq, s.applied === s.result ? `${lhs} = ${s.result}` : `${lhs} = ${s.applied} = ${s.result}`);
      item.append(name, eq);
      if (s.table) {
        const table = document.createElement('div');
        table.className = 'small';
        tex(table, `\\text{${t('steps.table')}: }` + s.table);
        item.append(table);
      }
      list.append(item);
    }
    const result = document.createElement('div');
    result.className = 'steps-result';
    tex(result, `\\frac{\\partial f}{\\partial ${d.variable}} = ${d.result.latex}`);
    el.append(h, list);
    if (d.truncated) {
      const cut = document.createElement('div');
      cut.className = 'small';
      cut.textContent = t('steps.truncated');
      el.append(cut);
    }
    el.append(result);
  }
  if (steps.directional) {
    const h = document.createElement('h3');
    h.textContent = t('steps.directional');
    const eq = document.createElement('div');
    eq.className = 'steps-result';
    eq.title = '∇f·v = ' + steps.directional.formula.plain;
    tex(eq, `D_v f = \\nabla f\\cdot v = ${steps.directional.applied} = ${readable(steps.directional.formula.latex)}`);
    el.append(h, eq);
  }
}

// The slice t ↦ f(x + t v) over a quarter of the window on each side of x.
async function refreshSlice() {
  const w = state.window, halfWidth = 0.25 * Math.min(w[1] - w[0], w[3] - w[2]) / (state.normalise ? 1 : Math.hypot(...state.direction) || 1);
  const result = await sliceLatest({ expr: state.expr, parameters: state.parameters, point: state.point, direction: state.direction,
    normalise: state.normalise, halfWidth, samples: 201 });
  if (!result) return;
  slice = result.ok ? { ...result.data, values: result.data.values.map(drawable) } : null;
  renderSliceCaption();
}

function slopeText(s) {
  return s.value === null ? t('say.slopeNone', s.reason || s.kind) : fmt(s.value);
}

function renderSliceCaption() {
  const el = $('slice-caption');
  if (!slice) { el.textContent = ''; return; }
  el.textContent = slice.kink
    ? t('say.kinkAlongV', slopeText(slice.right), slopeText(slice.left))
    : t('say.slopeAtZero', slopeText(slice.right));
  el.dataset.right = slice.right.value === null ? '' : slice.right.value;
  el.dataset.left = slice.left.value === null ? '' : slice.left.value;
  el.dataset.kink = slice.kink;
}

function showAnalysisError(error) {
  const box = $('analysis-error');
  box.hidden = false;
  box.textContent = error.kind === 'parse' ? error.message : `${error.message}`;
  // nothing of the previous formula stays on screen after an error
  for (const id of ['r-value', 'r-grad-symbolic', 'r-grad', 'r-dir', 'r-dir-given', 'r-dir-unit', 'r-dir-formula', 'r-steepest',
    'r-level', 'r-hessian', 'r-class', 'r-diff', 'r-clarke']) {
    $(id).textContent = '—';
  }
}

const texVector = xs => '\\begin{pmatrix}' + xs.join('\\\\') + '\\end{pmatrix}';
const texNumber = x => fmt(x).replace('∞', '\\infty').replace('−', '-').replace(/e([+-]?\d+)/, '\\times10^{$1}');

function renderAnalysis(a) {
  $('r-value').textContent = fmt(a.value);
  $('r-value').dataset.value = a.value;
  $('r-value').dataset.point = JSON.stringify(a.point);
  $('r-value').dataset.expr = a.expr;
  $('r-value').dataset.direction = JSON.stringify(a.direction.given);
  tex($('r-grad-symbolic'), '\\nabla f = ' + texVector(a.gradient.formulas.map(f => f.latex)));
  const g = a.gradient;
  $('r-grad').textContent = `${vec(g.values)},  ‖∇f‖ = ${fmt(g.norm)}` +
    (g.smooth ? '' : t('say.gradientKink', g.kinks.join(', ')));
  $('r-grad').dataset.values = JSON.stringify(g.values);
  const d = a.direction;
  const dirEl = $('r-dir');
  dirEl.innerHTML = '';
  const line = document.createElement('div');
  tex(line, (d.normalised ? `v = ${texVector(d.given.map(texNumber))}/\\lVert\\cdot\\rVert = ` : 'v = ') + texVector(d.v.map(texNumber)));
  const written = document.createElement('div');
  tex(written, (d.derivative === null ? '' : 'D_v f = ') + d.writtenOutLatex);
  dirEl.append(line, written);
  if (d.derivative === null) {
    const note = document.createElement('div');
    note.className = 'small';
    note.textContent = t('say.directionKink');
    const limit = document.createElement('div');
    tex(limit, 'D_v f = \\lim_{t\\downarrow 0}\\frac{f(x+tv)-f(x)}{t} = ' +
      (d.byDefinition === null ? '\\text{does not exist}' : texNumber(d.byDefinition)));
    dirEl.append(limit, note);
  }
  renderBoth(d);
  dirEl.dataset.value = d.derivative === null ? (d.byDefinition === null ? '' : d.byDefinition) : d.derivative;
  // constants such as 0.8944271909999159 (= 2/√5) rounded to 6 digits for reading; the exact formula on hover
  $('r-dir-formula').title = '∇f·v = ' + d.formula.plain;
  tex($('r-dir-formula'), '\\nabla f\\cdot v = ' + readable(d.formula.latex) +
    (d.formulaValue === null ? '' : ' = ' + texNumber(d.formulaValue)));
  renderSteepest(a.steepest);
  renderLevelSet(a.levelSet);
  renderHessian(a.hessian, a.classification);
  renderDifferentiability(a.differentiability, a.clarke);
  $('r-steepest').dataset.rate = a.steepest ? a.steepest.rate : '';
}

// The server's words for the point's kind and the differentiability verdict, as message keys.
const KINDS = { minimum: 'kind.minimum', maximum: 'kind.maximum', saddle: 'kind.saddle', degenerate: 'kind.degenerate',
  'not stationary': 'kind.notStationary' };
const VERDICTS = {
  'differentiable': 'verdict.differentiable',
  'not differentiable: directional derivatives exist but v ↦ D_v f is not linear': 'verdict.directionalNotLinear',
  'not differentiable: only one-sided directional derivatives (a kink)': 'verdict.oneSidedOnly',
  'not differentiable: some directional derivative does not exist': 'verdict.noDirectional',
};

// The documents' two numbers, as they write them (4 significant digits), the full value on hover.
const four = x => Number.isFinite(x) ? String(x.toPrecision(4)).replace('-', '−') : fmt(x);
function renderBoth(d) {
  const given = $('r-dir-given'), unit = $('r-dir-unit');
  if (d.asGiven === null) {
    given.textContent = t('say.bothKink');
    unit.textContent = '';
    return;
  }
  given.textContent = t('say.asGiven', four(d.asGiven), vec(d.given));
  given.title = String(d.asGiven);
  given.dataset.value = d.asGiven;
  unit.textContent = d.unit === null ? '' : t('say.unit', four(d.unit), fmt(d.length));
  unit.title = String(d.unit);
  unit.dataset.value = d.unit === null ? '' : d.unit;
}

function renderSteepest(s) {
  const el = $('r-steepest');
  if (!s) { el.textContent = t('say.notAvailable'); return; }
  el.textContent = s.stationary ? t('say.stationary') : t('say.ascentDescent', vec(s.ascent), fmt(s.rate), vec(s.descent));
}

function renderLevelSet(l) {
  const el = $('r-level');
  if (!l) { el.textContent = t('say.notAvailable'); return; }
  el.innerHTML = '';
  if (!l.normal) { el.textContent = `f = ${fmt(l.level)}; ${l.note}`; return; }
  const eq = document.createElement('div');
  tex(eq, 'f = ' + texNumber(l.level) + ',\\quad \\text{' + t('say.tangentLine') + ': } ' + l.equationLatex);
  const nt = document.createElement('div');
  nt.textContent = t('say.normalTangent', vec(l.normal), vec(l.tangent[0]));
  el.append(eq, nt);
}

function renderHessian(h, c) {
  const el = $('r-hessian');
  el.innerHTML = '';
  const symbolic = document.createElement('div');
  tex(symbolic, 'H = \\begin{pmatrix}' + h.formulas.map(row => row.map(f => f.latex).join(' & ')).join('\\\\') + '\\end{pmatrix}');
  const numeric = document.createElement('div');
  if (h.values) tex(numeric, 'H(x) = \\begin{pmatrix}' + h.values.map(row => row.map(texNumber).join(' & ')).join('\\\\') + '\\end{pmatrix}');
  el.append(symbolic, numeric);
  if (h.reason) {
    const why = document.createElement('div');
    why.className = h.exists ? 'small' : 'verdict-no';
    why.textContent = hessianReason(h.reason);
    el.append(why);
  }
  el.dataset.exists = h.exists;
  const kind = c && t(KINDS[c.kind] || c.kind);
  $('r-class').textContent = !c ? t('say.notAvailable') : c.eigenvalues ? t('say.eigenvalues', kind, vec(c.eigenvalues)) : kind;
}

// 0 ∈ ∂f(x) up to rounding: ‖g⋆‖ tiny next to the set's vertices (or 1 for a ball or interval)
function clarkeStationary(clarke) {
  const scale = Math.max(1, ...clarke.vertices.map(v => Math.hypot(...v)));
  return Math.hypot(...clarke.minimumNorm) <= 1e-12 * scale;
}

function renderDifferentiability(d, clarke) {
  const el = $('r-diff');
  if (!d) { el.textContent = t('say.notAvailable'); } else {
    el.innerHTML = '';
    const verdict = document.createElement('span');
    verdict.className = d.differentiable ? 'verdict-yes' : 'verdict-no';
    verdict.textContent = VERDICTS[d.verdict] ? t(VERDICTS[d.verdict]) : d.verdict;
    const why = document.createElement('div');
    why.className = 'small';
    why.textContent = d.explanation || '';
    el.append(verdict, why);
  }
  const c = $('r-clarke');
  if (!clarke) { c.textContent = analysis && analysis.gradient.smooth ? t('say.smoothClarke') : '—'; return; }
  c.innerHTML = '';
  const set = document.createElement('div');
  set.textContent = clarke.set ? `${clarke.set}  (${clarke.kind})` : t('say.noClarke');
  const how = document.createElement('div');
  how.className = 'small';
  const g = clarke.minimumNorm, norm = g && !clarkeStationary(clarke) ? Math.hypot(...g) : 0;
  how.textContent = t('say.kinks', clarke.kinks.join(', '), clarke.explanation || '') + (!g ? '' :
    t('say.minimumNorm', vec(g)) + (norm > 0 ? t('say.steepestClarke', vec(g.map(v => -v / norm)))
      : t('say.clarkeStationary')));
  c.append(set, how);
}

// ---- drawing ---------------------------------------------------------------------------------------------
function layers() {
  const w = state.window, span = Math.min(w[1] - w[0], w[3] - w[2]);
  const out = { point: state.point, field: [], path: run && run.expr === state.expr ? run.path : null };
  if (grid && $('arrows-on').checked) out.field = fieldArrows(grid, w, Number($('arrow-scale').value));
  if (!analysis) return out;
  const [x0, y0] = analysis.point, arrow = 0.18 * span;
  const d = analysis.direction.v, dl = Math.hypot(...d) || 1;
  out.direction = [x0, y0, arrow * d[0] / dl, arrow * d[1] / dl];
  if (analysis.steepest && !analysis.steepest.stationary) {
    const [ax, ay] = analysis.steepest.ascent;
    out.ascent = [x0, y0, arrow * ax, arrow * ay];
    out.descent = [x0, y0, -arrow * ax, -arrow * ay];
  }
  const clarke = analysis.clarke;
  if (clarke && clarke.minimumNorm && !clarkeStationary(clarke)) {
    const [gx, gy] = clarke.minimumNorm, n = Math.hypot(gx, gy);
    out.descent = [x0, y0, -arrow * gx / n, -arrow * gy / n];
  }
  const l = analysis.levelSet;
  if (l && l.normal && state.dimension === 2) {
    const [tx, ty] = l.tangent[0], h = 0.25 * span;
    out.tangent = [[x0 - h * tx, x0 + h * tx], [y0 - h * ty, y0 + h * ty]];
    out.normal = [x0, y0, 0.12 * span * l.normal[0], 0.12 * span * l.normal[1]];
  }
  out.level = analysis.value;
  return out;
}

// Everything the page has written, again in the language now chosen.
function rerender() {
  if (analysis) renderAnalysis(analysis);
  renderSliceCaption();
  renderSteps();
  renderPolar();
  renderCheck();
  renderDescent();
  drawValueCurve($('descent-curve'), run);
  redraw();
}

function redraw() {
  if (!window.Plotly) return;
  drawSlice($('slice'), slice, analysis);
  if (!grid) return;
  if (state.polar && polar && polar.grid) {
    const w = [0, polarRange(), -Math.PI, Math.PI];
    const field = $('arrows-on').checked ? fieldArrows(polar.grid, w, Number($('arrow-scale').value)) : [];
    drawContour($('contour'), polar.grid, w, { point: [polar.r, polar.theta], field },
      { x: 'r', y: 'θ', title: t('plot.polarTitle'), equal: false });
  } else if (state.dimension === 3) {
    drawContour($('contour'), grid, state.window, layers(),
      { x: 'x', y: 'y', title: t('plot.sliceZ', fmt(state.point[2])), equal: true });
  } else {
    drawContour($('contour'), grid, state.window, layers());
  }
  if (state.dimension === 3) drawLevelSurface($('surface'), volume, analysis, state.window, $('transparent').checked);
  else drawSurface($('surface'), grid, analysis, state.window, $('transparent').checked);
}

// ---- descent ---------------------------------------------------------------------------------------------
async function descend() {
  readControls();
  const params = { maxIterations: Number($('p-iterations').value), tolerance: Number($('p-tolerance').value),
    c1: Number($('p-c1').value), c2: Number($('p-c2').value), initialStep: Number($('p-step').value),
    memory: Number($('p-memory').value) };
  const result = await call('/api/descend', { expr: state.expr, parameters: state.parameters, start: state.point, method: $('method').value, params });
  const summary = $('descent-summary');
  if (!result.ok) { summary.textContent = result.error.message; return; }
  run = { ...result.data, expr: state.expr };
  renderDescent();
  drawValueCurve($('descent-curve'), run);
  redraw();
}

function renderDescent() {
  if (!run) return;
  const last = run.path[run.path.length - 1];
  // the server's message in English; in Korean the reason's own words
  const stopped = state.lang === 'en' ? run.message : t('stop.' + run.stopReason);
  $('descent-summary').textContent = t('say.descent', run.method, run.iterations, stopped, vec(last),
    fmt(run.values[run.values.length - 1]), run.functionEvaluations, run.gradientEvaluations);
}

// ---- check my answer ----------------------------------------------------------------------------------
let checked = null;
async function checkAnswer() {
  readControls();
  const fx = $('ans-fx').value.trim(), fy = $('ans-fy').value.trim(), dv = $('ans-dv').value.trim();
  const body = { expr: state.expr, parameters: state.parameters, point: state.point, direction: state.direction, normalise: state.normalise };
  const fz = $('ans-fz').value.trim();
  if (fx || fy || (state.dimension === 3 && fz)) body.gradient = [fx || '0', fy || '0', ...(state.dimension === 3 ? [fz || '0'] : [])];
  if (dv) body.derivative = dv;
  checked = !body.gradient && !body.derivative ? { prompt: true } : await call('/api/check', body);
  renderCheck();
}

// The server's hints and reasons are English sentences of a few known forms: said in the language chosen.
const HINTS = [['that is D_v f for v as given', 'hint.asGiven'], ['that is D_v̂ f for the unit direction', 'hint.unit'],
  ['the sign is wrong', 'hint.sign']];
function hint(text) {
  const known = HINTS.find(([start]) => text.startsWith(start));
  return known ? t(known[1], text.slice(text.lastIndexOf('=') + 1).trim()) : text;
}

function hessianReason(text) {
  const missing = 'H(x) does not exist: ', beyond = 'some entries of H(x) are beyond the double range';
  if (text.startsWith(missing)) return t('hessian.missing', text.slice(missing.length));
  return text.startsWith(beyond) ? t('hessian.beyond') : text;
}

function renderCheck() {
  const out = $('check-result');
  if (!checked) return;
  out.innerHTML = '';
  if (checked.prompt) { out.textContent = t('say.checkPrompt'); return; }
  if (!checked.ok) { out.textContent = checked.error.message; out.dataset.right = 'error'; return; }
  const lines = [];
  let all = true;
  for (const c of checked.data.gradient || []) {
    all = all && c.right;
    lines.push(c.right ? [t('say.componentRight', c.variable, c.given), true]
      : [t('say.componentWrong', c.variable, c.given, vec(c.differsAt), fmt(c.givenValue), fmt(c.expectedValue)), false]);
  }
  const d = checked.data.derivative;
  if (d) {
    all = all && d.right;
    lines.push(d.right ? [t('say.valueRight', d.given), true]
      : [t('say.valueWrong', d.given) + (d.hint ? ' — ' + hint(d.hint) : ''), false]);
  }
  for (const [text, right] of lines) {
    const line = document.createElement('div');
    line.className = right ? 'verdict-yes' : 'verdict-no';
    line.textContent = text;
    out.append(line);
  }
  out.dataset.right = all;
}

// ---- wiring ----------------------------------------------------------------------------------------------
function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function bindDial() {
  const dial = $('dial');
  let dragging = false;
  const set = ev => {
    const box = dial.getBoundingClientRect();
    const dx = ev.clientX - (box.left + box.width / 2), dy = -(ev.clientY - (box.top + box.height / 2));
    if (dx === 0 && dy === 0) return;
    setAngle((Math.atan2(dy, dx) * 180 / Math.PI + 360) % 360);
    refreshAnalysisSoon();
  };
  dial.addEventListener('pointerdown', ev => { dragging = true; dial.setPointerCapture(ev.pointerId); set(ev); });
  dial.addEventListener('pointermove', ev => { if (dragging) set(ev); });
  dial.addEventListener('pointerup', () => { dragging = false; });
  dial.addEventListener('keydown', ev => {
    const step = ev.shiftKey ? 1 : 5;
    const turn = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step }[ev.key];
    if (turn === undefined) return;
    ev.preventDefault();
    setAngle((Number($('angle').value) + turn + 360) % 360);
    refreshAnalysisSoon();
  });
}

// ---- zoom and pan --------------------------------------------------------------------------------------------
// The window is the view: zooming and panning change it (and the address bar), and the grid is sampled anew.
function setWindow(w) {
  if (!(w[0] < w[1] && w[2] < w[3]) || !w.every(Number.isFinite) || w[1] - w[0] > 1e6 || w[3] - w[2] > 1e6) return;
  state.window = w.map(c => +c.toPrecision(6));
  ['xmin', 'xmax', 'ymin', 'ymax'].forEach((id, i) => { $(id).value = state.window[i]; });
  refreshGrid();
  refreshAnalysis();
}

// Scale the window by k about the plane point (cx, cy), which stays where it is on the screen.
function zoom(k, cx, cy) {
  const [x0, x1, y0, y1] = state.window;
  if (cx === undefined) { cx = (x0 + x1) / 2; cy = (y0 + y1) / 2; }
  setWindow([cx + k * (x0 - cx), cx + k * (x1 - cx), cy + k * (y0 - cy), cy + k * (y1 - cy)]);
}

// Shift the window by a quarter of its width or height.
function pan(dx, dy) {
  const [x0, x1, y0, y1] = state.window, w = (x1 - x0) / 4, h = (y1 - y0) / 4;
  setWindow([x0 + dx * w, x1 + dx * w, y0 + dy * h, y1 + dy * h]);
}

function bindZoomAndPan() {
  $('zoom-in').addEventListener('click', () => zoom(0.5));
  $('zoom-out').addEventListener('click', () => zoom(2));
  $('pan-left').addEventListener('click', () => pan(-1, 0));
  $('pan-right').addEventListener('click', () => pan(1, 0));
  $('pan-up').addEventListener('click', () => pan(0, 1));
  $('pan-down').addEventListener('click', () => pan(0, -1));
  $('zoom-point').addEventListener('click', () => {
    const [x0, x1, y0, y1] = state.window, [px, py] = state.point, w = (x1 - x0) / 2, h = (y1 - y0) / 2;
    setWindow([px - w, px + w, py - h, py + h]);
  });
  let scale = 1;
  const wheel = debounce(p => { const k = scale; scale = 1; zoom(k, p[0], p[1]); }, 80);
  $('contour').addEventListener('wheel', ev => {
    const p = clickedPoint($('contour'), ev);
    if (!p || state.polar) return;
    ev.preventDefault();
    scale *= ev.deltaY > 0 ? 1.25 : 0.8;
    wheel(p);
  }, { passive: false });
}

// Drag on the contour map: from near the direction arrow's tip it turns v, anywhere else it moves the point.
function bindMapDrag() {
  const el = $('contour');
  let mode = null;
  const apply = ev => {
    let p = clickedPoint(el, ev);
    if (!p) return;
    if (state.polar) p = [p[0] * Math.cos(p[1]), p[0] * Math.sin(p[1])];
    if (mode === 'direction') {
      const [x0, y0] = state.point;
      if (p[0] === x0 && p[1] === y0) return;
      setAngle((Math.atan2(p[1] - y0, p[0] - x0) * 180 / Math.PI + 360) % 360);
    } else {
      state.point = p.map(c => +c.toPrecision(4)).concat(state.point.slice(2));
      $('px').value = state.point[0];
      $('py').value = state.point[1];
    }
    refreshAnalysisSoon();
  };
  el.addEventListener('pointerdown', ev => {
    const p = clickedPoint(el, ev);
    if (!p) return;
    const tip = analysis && !state.polar && layers().direction;
    mode = 'point';
    if (tip) {
      const [tx, ty] = toPixels(el, tip[0] + tip[2], tip[1] + tip[3]);
      const box = el.getBoundingClientRect();
      if (Math.hypot(ev.clientX - box.left - tx, ev.clientY - box.top - ty) < 14) mode = 'direction';
    }
    el.setPointerCapture(ev.pointerId);
    apply(ev);
  });
  el.addEventListener('pointermove', ev => { if (mode) apply(ev); });
  el.addEventListener('pointerup', () => { mode = null; });
}

const refreshAnalysisSoon = debounce(refreshAnalysis, 60);
const refreshAllSoon = debounce(() => { refreshGrid(); refreshAnalysis(); }, 60);

function applyExample(example) {
  Object.assign(state, { expr: example.expr, window: example.window, point: example.point, direction: example.direction,
    parameters: { ...(example.parameters || {}) } });
  run = null;
  drawValueCurve($('descent-curve'), null);
  $('descent-summary').textContent = '';
  writeControls();
  onExpression();
}

async function main() {
  const select = $('examples');
  EXAMPLES.forEach((e, i) => select.add(new Option(e.name, String(i))));
  select.addEventListener('change', () => { if (select.value !== '') applyExample(EXAMPLES[Number(select.value)]); });
  const url = readUrl();
  Object.assign(state, EXAMPLES[0]);
  for (const key of ['expr', 'window', 'point', 'direction', 'normalise', 'parameters', 'polar', 'zrange']) if (url[key] !== null) state[key] = url[key];
  delete state.name;
  state.lang = chosenLanguage();
  $('lang').value = state.lang;
  const language = applyLanguage(state.lang);
  $('lang').addEventListener('change', async () => {
    state.lang = $('lang').value;
    writeUrl(state);
    await applyLanguage(state.lang);
    rerender();
  });
  writeControls();
  $('expr').addEventListener('input', debounce(onExpression, 150));
  for (const id of ['xmin', 'xmax', 'ymin', 'ymax']) $(id).addEventListener('change', () => { refreshGrid(); refreshAnalysis(); });
  for (const id of ['px', 'py', 'vx', 'vy', 'vz']) $(id).addEventListener('change', () => { readControls(); showAngle(); refreshAnalysis(); });
  // the slice z = z₀ goes through the point: a new z₀ is a new slice
  $('pz').addEventListener('change', () => { readControls(); refreshGrid(); refreshAnalysis(); });
  for (const id of ['zmin', 'zmax']) $(id).addEventListener('change', () => { readControls(); refreshVolume(); });
  $('normalise').addEventListener('change', refreshAnalysis);
  $('angle').addEventListener('change', () => { setAngle(Number($('angle').value)); refreshAnalysis(); });
  $('arrow-scale').addEventListener('input', redraw);
  $('arrows-on').addEventListener('change', redraw);
  $('transparent').addEventListener('change', redraw);
  $('descend').addEventListener('click', descend);
  $('check').addEventListener('click', checkAnswer);
  $('steps-card').addEventListener('toggle', refreshSteps);
  $('clear-descent').addEventListener('click', () => { run = null; $('descent-summary').textContent = ''; drawValueCurve($('descent-curve'), null); redraw(); });
  bindMapDrag();
  bindDial();
  bindZoomAndPan();
  $('polar-on').checked = state.polar;
  $('polar-on').addEventListener('change', () => { state.polar = $('polar-on').checked; writeUrl(state); refreshPolar(); });
  // the numbers come first; the plots follow when Plotly (a large script, loaded async) is there
  await Promise.all([language.then(onExpression), plotsReady()]);
  drawValueCurve($('descent-curve'), run);
  redraw();
  document.body.dataset.ready = 'true';
}

main();
