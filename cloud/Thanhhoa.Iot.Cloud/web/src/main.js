import './style.css';
import { t, applyLabels, toggleLang, getLang } from './i18n.js';
import { api } from './api.js';
import { clock, el } from './format.js';
import { createMap, legend } from './map.js';
import { createAlarmList } from './alarms.js';
import { createPanel } from './panel.js';
import { renderAreas, renderIndicators } from './tables.js';

const $ = (id) => document.getElementById(id);
const sites = new Map();
const filters = { district: '', kind: '', state: '' };
let areas = [];
let reports = { availability: {}, indicators: [] };

const panel = createPanel($('panel'), $('panel-title'), $('panel-body'));
const select = (code) => panel.show(code).catch(showError);
const siteMap = createMap($('map'), select);
const alarms = createAlarmList($('alarms'), $('alarm-count'), select);

const visible = (s) => (!filters.district || s.districtCode === filters.district)
  && (!filters.kind || s.kind === filters.kind) && (!filters.state || s.state === filters.state);

function showError(err) {
  $('live').dataset.state = 'error';
  $('live').textContent = t('loadFailed', { msg: err.message });
}

function renderSites() {
  let shown = 0;
  for (const s of sites.values()) {
    const v = visible(s);
    shown += v ? 1 : 0;
    siteMap.upsert(s, v);
  }
  $('counts').textContent = t('counts', { shown, total: sites.size });
}

function renderDistricts() {
  const box = $('f-district');
  box.replaceChildren(el('option', { value: '', text: t('all') }), ...areas.map((a) => el('option', { value: a.code, text: a.name })));
  box.value = filters.district;
}

function renderAll() {
  applyLabels();
  $('lang').textContent = getLang() === 'vi' ? 'EN' : 'VI';
  renderDistricts();
  legend($('legend'));
  renderSites();
  alarms.render();
  renderAreas($('areas'), reports.availability);
  renderIndicators($('indicators'), reports.indicators);
  setLive($('live').dataset.state);
  if (panel.current()) panel.refresh().catch(showError);
}

function setLive(state) {
  $('live').dataset.state = state;
  $('live').textContent = t(`live.${state}`);
}

async function loadReports() {
  const [h24, d7, d30, indicators] = await Promise.all([api.availability('24h'), api.availability('7d'), api.availability('30d'), api.indicators()]);
  reports = { availability: { '24h': h24, '7d': d7, '30d': d30 }, indicators };
  renderAreas($('areas'), reports.availability);
  renderIndicators($('indicators'), reports.indicators);
}

async function loadLive() {
  const [list, active] = await Promise.all([api.sites(), api.alarms()]);
  sites.clear();
  for (const s of list) sites.set(s.code, s);
  siteMap.setDense(sites.size > 1500);
  renderSites();
  alarms.setAll(active);
}

function connect() {
  const stream = new EventSource('api/stream');
  let dropped = false;
  stream.addEventListener('open', () => {
    setLive('open');
    if (dropped) loadLive().catch(showError); // catch up on what happened while disconnected
  });
  stream.addEventListener('error', () => { dropped = true; setLive('error'); });
  stream.addEventListener('site', (e) => {
    const s = JSON.parse(e.data);
    sites.set(s.code, s);
    siteMap.upsert(s, visible(s));
    if (panel.current() === s.code) panel.refresh().catch(showError);
  });
  stream.addEventListener('alarms', (e) => {
    const { site, alarms: list } = JSON.parse(e.data);
    alarms.setSite(site, list);
  });
}

async function start() {
  applyLabels();
  $('operator').value = localStorage.getItem('thiot.operator') || '';
  $('operator').addEventListener('change', () => localStorage.setItem('thiot.operator', $('operator').value.trim()));
  $('lang').addEventListener('click', () => { toggleLang(); renderAll(); });
  for (const [id, key] of [['f-district', 'district'], ['f-kind', 'kind'], ['f-state', 'state']]) {
    $(id).addEventListener('change', () => {
      filters[key] = $(id).value;
      renderSites();
      if (key === 'district') $('export-availability').href = `api/availability/export.csv?level=area&range=30d${filters.district ? `&district=${filters.district}` : ''}`;
    });
  }
  const tick = () => { $('clock').textContent = clock(new Date()); };
  tick();
  setInterval(tick, 1000);
  setLive('connecting');
  areas = await api.areas(); // first call: asks for an API key when the cloud wants one
  connect();
  renderDistricts();
  legend($('legend'));
  await Promise.all([siteMap.loadOutlines(), loadLive()]);
  applyLabels();
  document.body.dataset.ready = 'true';
  await loadReports();
  document.body.dataset.reports = 'true';
}

start().catch(showError);
