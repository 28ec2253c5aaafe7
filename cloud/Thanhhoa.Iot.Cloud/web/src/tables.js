import { t } from './i18n.js';
import { percent, el } from './format.js';

export function renderAreas(table, byRange) {
  const rows = totalFirst(byRange['30d'] || [], (r) => r.level === 'province');
  const find = (range, code) => (byRange[range] || []).find((r) => r.code === code) || {};
  table.tBodies[0].replaceChildren(...rows.map((r) => el('tr', { class: r.level === 'province' ? 'total' : '', 'data-area': r.code },
    el('td', { text: r.level === 'province' ? t('province') : r.name }),
    el('td', { text: String(r.sites) }),
    el('td', { text: percent(find('24h', r.code).availability) }),
    el('td', { text: percent(find('7d', r.code).availability) }),
    el('td', { text: percent(r.availability) }),
    el('td', { text: percent(r.unknownShare) }))));
}

export function renderIndicators(table, rows) {
  table.tBodies[0].replaceChildren(...totalFirst(rows, (r) => r.code === '38').map((r) => el('tr', { class: r.code === '38' ? 'total' : '', 'data-area': r.code },
    el('td', { text: r.code === '38' ? t('province') : r.name }),
    el('td', { text: String(r.btsSites) }),
    el('td', { class: r.sharedShare !== null && r.sharedShare >= r.sharedTarget ? 'good' : 'short', text: `${percent(r.sharedShare)} (${r.sharedBtsSites})` }),
    el('td', { text: percent(r.btsAvailability30d) }),
    el('td', { text: percent(r.hamletAvailability30d) }),
    el('td', { text: `${r.hamletsReachable}/${r.hamletStations} (${percent(r.hamletsReachableShare)})` }))));
}

function totalFirst(rows, isTotal) {
  return [...rows.filter(isTotal), ...rows.filter((r) => !isTotal(r))];
}
