import { t } from './i18n.js';
import { el, number } from './format.js';

/** The five parts of a wave's bar, in drawing order: done, failed (failed + rolled back), stalled, in progress, not started. */
export const segmentOrder = ['committed', 'failed', 'stalled', 'active', 'pending'];

export function segments(wave) {
  return {
    committed: wave.committed,
    failed: wave.failed + wave.rolledBack,
    stalled: wave.stalled,
    active: wave.downloading + wave.installed,
    pending: wave.pending,
  };
}

/** One wave as a stacked bar; its text alternative names every count. */
export function waveBar(wave) {
  const counts = segments(wave);
  const label = t('waveSummary', { n: wave.index + 1, devices: wave.devices, ...counts });
  const data = Object.fromEntries(segmentOrder.map((k) => [`data-${k}`, String(counts[k])]));
  return el('div', { class: 'wave-bar', role: 'img', 'aria-label': label, title: label, 'data-wave': String(wave.index), ...data },
    segmentOrder.filter((k) => counts[k] > 0).map((k) => el('span', { class: `seg seg-${k}`, style: `flex-grow: ${counts[k]}` })));
}

/** A wave's line in the rollout list: its name, its bar and committed/devices. */
export function waveLine(wave) {
  return el('div', { class: 'wave-line' },
    el('span', { class: 'wave-name', text: t('waveLabel', { n: wave.index + 1 }) }),
    waveBar(wave),
    el('span', { class: 'wave-count', text: `${wave.committed}/${wave.devices}` }));
}

export function renderLegend(list) {
  list.replaceChildren(...segmentOrder.map((k) => el('li', {}, el('i', { class: `seg seg-${k}`, 'aria-hidden': 'true' }), el('span', { text: t(`seg.${k}`) }))));
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${number(n / 1024, 1)} kB`;
  return `${number(n / (1024 * 1024), 1)} MB`;
}

/** Download progress as a native progress bar with its figures beside it; '—' when the device reported none. */
export function downloadCell(device) {
  if (!device.total) return el('td', { class: 'muted', text: '—' });
  const text = t('downloadOf', { bytes: bytes(device.bytes ?? 0), total: bytes(device.total) });
  return el('td', { class: 'download' },
    el('progress', { max: String(device.total), value: String(device.bytes ?? 0), 'aria-label': `${device.deviceId}: ${text}` }),
    el('span', { text }));
}
