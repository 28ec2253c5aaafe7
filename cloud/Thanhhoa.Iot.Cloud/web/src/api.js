import { t } from './i18n.js';

// In enforced mode the API answers 401 until the browser holds a key: ask for it once, hand it to
// POST api/session (which keeps it in an HttpOnly cookie, out of reach of this script), and retry.
let login = null;

async function signIn() {
  const key = window.prompt(t('keyPrompt'));
  if (!key) return false;
  const response = await fetch('api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ key: key.trim() }),
  });
  return response.ok;
}

async function request(path, options) {
  let response = await fetch(path, options);
  if (response.status === 401) {
    login = login || signIn().finally(() => { login = null; });
    if (await login) response = await fetch(path, options);
  }
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
  me: () => request('api/me'),
  rollouts: () => request('api/rollouts'),
  rollout: (id) => request(`api/rollouts/${encodeURIComponent(id)}`),
  rolloutDevices: (id, state) => request(`api/rollouts/${encodeURIComponent(id)}/devices${state ? `?state=${encodeURIComponent(state)}` : ''}`),
  rolloutAction: (id, action) => request(`api/rollouts/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
  ack: (id, by) => request(`api/alarms/${encodeURIComponent(id)}/ack`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ by }),
  }),
};
