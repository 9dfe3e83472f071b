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
  const payload = await response.json().catch(() => ({ error: { kind: 'internal', message: 'unreadable answer' } }));
  return response.ok ? { ok: true, data: payload } : { ok: false, error: payload.error };
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
