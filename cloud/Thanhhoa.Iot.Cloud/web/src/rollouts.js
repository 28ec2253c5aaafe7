import './style.css';
import { t, applyLabels, toggleLang, getLang } from './i18n.js';
import { api } from './api.js';
import { clock } from './format.js';
import { createRolloutList } from './rollout-list.js';
import { createRolloutDetail } from './rollout-detail.js';
import { renderLegend } from './rollout-progress.js';

// The rollouts page (rollouts.html): polls the API every few seconds (rollouts do not publish on /api/stream).
const pollMs = 3000;
const listed = 50; // newest first; older ones stay in the API
const $ = (id) => document.getElementById(id);
const views = new Map();
let rollouts = [];
let role = null;
let live = 'connecting';

const list = createRolloutList($('rollouts'), $('rollout-count'));
const detail = createRolloutDetail(() => poll(), showError);

function showError(message) {
  live = 'error';
  $('live').dataset.state = 'error';
  $('live').textContent = message;
}

function setLive(state) {
  live = state;
  $('live').dataset.state = state === 'polling' ? 'open' : state;
  $('live').textContent = t(`live.${state}`, { s: pollMs / 1000 });
}

function renderAll() {
  applyLabels();
  $('lang').textContent = getLang() === 'vi' ? 'EN' : 'VI';
  $('role').textContent = role ? t('roleAs', { role: t(`role.${role}`) }) : '';
  renderLegend($('progress-legend'));
  list.render(rollouts, views);
  detail.render();
  if (live !== 'error') setLive(live);
}

/** Finished rollouts whose record has not changed keep the waves already read; the rest are read again. */
async function loadViews(shown) {
  const stale = shown.filter((r) => {
    const cached = views.get(r.id);
    return !cached || cached.rollout.state !== r.state || cached.rollout.updatedAt !== r.updatedAt
      || r.state === 'running' || r.state === 'paused' || r.state === 'halted';
  });
  const fresh = await Promise.all(stale.map((r) => api.rollout(r.id)));
  for (const v of fresh) views.set(v.rollout.id, v);
}

async function refresh() {
  const all = await api.rollouts();
  const shown = all.slice(0, listed);
  await loadViews(shown);
  rollouts = shown;
  list.render(rollouts, views);
  await detail.refresh();
  setLive('polling');
  document.body.dataset.ready = 'true';
}

let timer = null;
let inFlight = null;

/** One refresh now, then every pollMs; a refresh in flight is joined, never doubled. */
async function poll() {
  if (inFlight) return inFlight;
  clearTimeout(timer);
  inFlight = refresh().catch((err) => showError(t('loadFailed', { msg: err.message })));
  await inFlight;
  inFlight = null;
  clearTimeout(timer);
  timer = setTimeout(poll, pollMs);
  return undefined;
}

function openFromHash() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) { detail.hide(); return; }
  detail.show(id).then(() => $('detail').scrollIntoView({ block: 'nearest' })).catch((err) => showError(t('loadFailed', { msg: err.message })));
  list.render(rollouts, views);
}

async function start() {
  applyLabels();
  renderLegend($('progress-legend'));
  $('lang').addEventListener('click', () => { toggleLang(); renderAll(); });
  const tick = () => { $('clock').textContent = clock(new Date()); };
  tick();
  setInterval(tick, 1000);
  setLive('connecting');
  const me = await api.me(); // first call: asks for an API key when the cloud wants one
  role = me.role;
  $('role').textContent = role ? t('roleAs', { role: t(`role.${role}`) }) : '';
  detail.setAdmin(role === 'Admin');
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  await poll();
}

start().catch((err) => showError(t('loadFailed', { msg: err.message })));
