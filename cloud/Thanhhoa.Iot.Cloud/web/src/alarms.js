import { t } from './i18n.js';
import { api } from './api.js';
import { dateTime, alarmLabel, el } from './format.js';

/** The active alarm list: kept per site, replaced whole when the stream sends a site's alarms. */
export function createAlarmList(table, counter, onSelect) {
  const bySite = new Map();

  function setAll(alarms) {
    bySite.clear();
    for (const a of alarms) {
      if (!bySite.has(a.site)) bySite.set(a.site, []);
      bySite.get(a.site).push(a);
    }
    render();
  }

  function setSite(site, alarms) {
    if (alarms.length) bySite.set(site, alarms); else bySite.delete(site);
    render();
  }

  async function acknowledge(alarm) {
    const by = document.getElementById('operator').value.trim();
    if (!by) { window.alert(t('enterName')); document.getElementById('operator').focus(); return; }
    const acked = await api.ack(alarm.id, by);
    const list = (bySite.get(alarm.site) || []).map((a) => (a.id === acked.id ? acked : a));
    setSite(alarm.site, list);
  }

  const rank = { critical: 3, major: 2, warning: 1, info: 0 };
  const shown = 300; // the worst first; the counter and the CSV export have them all

  function render() {
    const all = [...bySite.values()].flat().sort((a, b) => (rank[b.severity] - rank[a.severity]) || b.raisedAt.localeCompare(a.raisedAt));
    counter.textContent = String(all.length);
    const body = table.tBodies[0];
    if (!all.length) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: t('noAlarms') })));
      return;
    }
    const rows = all.slice(0, shown).map((a) => el('tr', { class: `alarm sev-${a.severity}${a.ackedBy ? ' acked' : ''}`, 'data-alarm': a.id, 'data-site': a.site, 'data-code': a.code },
      el('td', {}, el('span', { class: `sev sev-${a.severity}`, text: t(`sev.${a.severity}`) })),
      el('td', {}, el('a', { href: '#', text: a.siteName, onclick: (e) => { e.preventDefault(); onSelect(a.site); } })),
      el('td', { text: alarmLabel(a.code) }),
      el('td', { text: dateTime(a.raisedAt) }),
      el('td', {}, a.ackedBy
        ? el('span', { class: 'acked-by', text: t('ackedBy', { by: a.ackedBy, at: dateTime(a.ackedAt) }) })
        : el('button', { type: 'button', class: 'ack', text: t('ackButton'), onclick: () => acknowledge(a).catch((err) => window.alert(t('loadFailed', { msg: err.message }))) })),
    ));
    if (all.length > shown) rows.push(el('tr', {}, el('td', { colspan: 5, class: 'empty', text: t('moreAlarms', { n: all.length - shown }) })));
    body.replaceChildren(...rows);
  }

  return { setAll, setSite, render };
}
