import { t } from './i18n.js';
import { api } from './api.js';
import { dateTime, el, duration } from './format.js';
import { waveBar, segments, downloadCell } from './rollout-progress.js';
import { nameOf, statePill, versionOf } from './rollout-list.js';

const $ = (id) => document.getElementById(id);
const active = (state) => state === 'running' || state === 'paused' || state === 'halted';

/** TimeSpan text ("01:00:00", "1.02:00:00") in seconds. */
function seconds(span) {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(span || '');
  return m ? ((Number(m[1] || 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4]) : 0;
}

function fact(label, value) {
  return [el('dt', { text: label }), el('dd', { text: value ?? '—' })];
}

/**
 * One rollout: facts, the per-wave table, the per-device table filtered by state, and (admins only;
 * the API checks the role anyway) pause, resume and cancel.
 */
export function createRolloutDetail(onChanged, onError) {
  let current = null;
  let view = null;
  let devices = [];
  let admin = false;
  let busy = false;

  async function show(id) {
    current = id;
    view = null;
    $('detail').hidden = false;
    await refresh();
  }

  function hide() {
    current = null;
    $('detail').hidden = true;
  }

  async function refresh() {
    if (!current) return;
    const id = current;
    const state = $('f-device-state').value;
    const [v, list] = await Promise.all([api.rollout(id), api.rolloutDevices(id, state)]);
    if (id !== current) return;
    view = v;
    devices = list;
    render();
  }

  function setAdmin(value) {
    admin = value;
    if (view) renderActions(view.rollout);
  }

  async function act(action) {
    if (!view || busy) return;
    const r = view.rollout;
    if (action === 'cancel' && !window.confirm(t('confirmCancel', { name: nameOf(r) }))) return;
    busy = true;
    renderActions(r);
    try {
      view = await api.rolloutAction(r.id, action);
      render();
      onChanged();
    } catch (err) {
      onError(t('actionFailed', { msg: err.message }));
    } finally {
      busy = false;
      if (view) renderActions(view.rollout);
    }
  }

  function render() {
    if (!view) return;
    const r = view.rollout;
    $('detail').dataset.rollout = r.id;
    $('detail').dataset.state = r.state;
    $('detail-title').replaceChildren(el('span', { text: nameOf(r) }), statePill(r.state));
    renderActions(r);
    renderFacts(r);
    renderWaves(view.waves);
    renderDevices();
  }

  function renderActions(r) {
    $('detail-actions').hidden = !admin;
    $('act-pause').hidden = r.state !== 'running';
    $('act-resume').hidden = r.state !== 'paused';
    $('act-cancel').hidden = !active(r.state);
    for (const id of ['act-pause', 'act-resume', 'act-cancel']) $(id).disabled = busy;
  }

  function renderFacts(r) {
    const delivers = r.kind === 'firmware' ? `${t('rk.firmware')} ${versionOf(r)} (${r.artifactId || '—'})` : `${t('rk.config')} ${JSON.stringify(r.config || {})}`;
    $('detail-facts').replaceChildren(
      ...fact(t('target'), delivers),
      ...fact(t('created'), `${dateTime(r.createdAt)}${r.createdBy ? ` — ${r.createdBy}` : ''}`),
      ...fact(t('devices'), String(r.deviceCount)),
      ...fact(t('currentWave'), r.currentWave < 0 ? t('notStarted') : t('waveLabel', { n: r.currentWave + 1 })),
      ...fact(t('rules'), t('rulesValue', { min: r.minSuccessPercent, max: r.errorThresholdPercent, stall: duration(seconds(r.stallAfter)) })),
      ...(r.reason ? fact(t('reason'), r.reason) : []),
      ...(r.finishedAt ? fact(t('finished'), dateTime(r.finishedAt)) : []));
  }

  function renderWaves(waves) {
    $('waves').tBodies[0].replaceChildren(...waves.map((w) => {
      const c = segments(w);
      return el('tr', { 'data-wave': String(w.index) },
        el('th', { scope: 'row', text: t('waveLabel', { n: w.index + 1 }) }),
        el('td', { text: `${w.percent}%` }),
        el('td', { text: String(w.devices) }),
        el('td', { text: w.startedAt ? dateTime(w.startedAt) : t('notStarted') }),
        el('td', { text: String(c.pending) }),
        el('td', { text: String(c.active) }),
        el('td', { text: String(w.committed) }),
        el('td', { text: String(w.failed) }),
        el('td', { text: String(w.rolledBack) }),
        el('td', { text: String(w.stalled) }),
        el('td', { class: 'bar-cell' }, waveBar(w)));
    }));
  }

  function renderDevices() {
    $('device-count').textContent = t('deviceCount', { n: devices.length });
    const body = $('devices').tBodies[0];
    if (!devices.length) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'empty', text: t('noDevices') })));
      return;
    }

    body.replaceChildren(...devices.map((d) => el('tr', { 'data-device': d.deviceId, 'data-state': d.state },
      el('th', { scope: 'row', text: d.deviceId }),
      el('td', { text: t('waveLabel', { n: d.wave + 1 }) }),
      el('td', {}, el('span', { class: `pill device-${d.state}`, text: t(`ds.${d.state}`) })),
      downloadCell(d),
      el('td', { class: 'reason', text: d.reason || '' }),
      el('td', { text: dateTime(d.lastProgressAt) }))));
  }

  $('act-pause').addEventListener('click', () => act('pause'));
  $('act-resume').addEventListener('click', () => act('resume'));
  $('act-cancel').addEventListener('click', () => act('cancel'));
  $('f-device-state').addEventListener('change', () => refresh().catch((err) => onError(t('loadFailed', { msg: err.message }))));

  return { show, hide, refresh, render, setAdmin, current: () => current };
}
