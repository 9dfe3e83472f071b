// The view's state lives in the URL so that a view can be shared:
// ?f=<expression>&win=xmin,xmax,ymin,ymax&at=x,y[,z]&v=v1,v2[,v3]&zwin=zmin,zmax&unit=1&par=a:1.5,b:-2&view=polar&lang=ko
const numbers = (text, ...n) => {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  return n.includes(parts.length) && parts.every(Number.isFinite) ? parts : null;
};

export function readUrl() {
  const q = new URLSearchParams(location.search);
  return {
    expr: q.get('f'),
    window: numbers(q.get('win'), 4),
    point: numbers(q.get('at'), 2, 3),
    direction: numbers(q.get('v'), 2, 3),
    zrange: numbers(q.get('zwin'), 2),
    normalise: q.has('unit') ? q.get('unit') !== '0' : null,
    parameters: parameters(q.get('par')),
    polar: q.has('view') ? q.get('view') === 'polar' : null,
  };
}

// a:1.5,b:-2 → {a: 1.5, b: -2}; null when absent or malformed
function parameters(text) {
  if (!text) return null;
  const out = {};
  for (const pair of text.split(',')) {
    const [name, value] = pair.split(':');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name || '') || !Number.isFinite(Number(value))) return null;
    out[name] = Number(value);
  }
  return out;
}

export function writeUrl(state) {
  const q = new URLSearchParams();
  q.set('f', state.expr);
  q.set('win', state.window.join(','));
  q.set('at', state.point.join(','));
  q.set('v', state.direction.join(','));
  q.set('unit', state.normalise ? '1' : '0');
  if (state.dimension === 3) q.set('zwin', state.zrange.join(','));
  const names = Object.keys(state.parameters || {});
  if (names.length) q.set('par', names.map(n => n + ':' + state.parameters[n]).join(','));
  if (state.polar) q.set('view', 'polar');
  if (state.lang) q.set('lang', state.lang);
  history.replaceState(null, '', '?' + q.toString());
}
