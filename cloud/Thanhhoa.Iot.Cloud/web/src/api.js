async function request(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) {
    let detail = `${response.status}`;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

export const api = {
  sites: () => request('api/sites'),
  site: (code) => request(`api/sites/${encodeURIComponent(code)}`),
  timeline: (code, range) => request(`api/sites/${encodeURIComponent(code)}/timeline?range=${range}`),
  battery: (code, range) => request(`api/sites/${encodeURIComponent(code)}/battery?range=${range}`),
  alarms: () => request('api/alarms'),
  areas: () => request('api/areas'),
  availability: (range) => request(`api/availability?level=area&range=${range}`),
  indicators: () => request('api/indicators'),
  ack: (id, by) => request(`api/alarms/${encodeURIComponent(id)}/ack`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ by }),
  }),
};
