// The JSON API (docs/api.md). Every call resolves to {ok: true, data} or {ok: false, error}.
export async function call(path, body) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, error: { kind: 'network', message: 'the server did not answer: ' + e.message } };
  }
  let payload;
  try {
    payload = JSON.parse(await response.text(), finite);
  } catch (e) {
    payload = { error: { kind: 'internal', message: 'unreadable answer (status ' + response.status + ')' } };
  }
  return response.ok ? { ok: true, data: payload } : { ok: false, error: payload.error };
}

// Numbers that are not finite arrive as the strings "Infinity", "-Infinity" and "NaN" (docs/api.md).
const NOT_FINITE = { 'Infinity': Infinity, '-Infinity': -Infinity, 'NaN': NaN };
function finite(key, value) {
  return typeof value === 'string' && Object.hasOwn(NOT_FINITE, value) ? NOT_FINITE[value] : value;
}

// Calls that supersede each other (typing, dragging): only the latest answer is used.
export function latest(path) {
  let generation = 0;
  return async body => {
    const mine = ++generation;
    const result = await call(path, body);
    return mine === generation ? result : null;
  };
}
