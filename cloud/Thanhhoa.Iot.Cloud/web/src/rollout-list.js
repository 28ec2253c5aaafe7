import { t } from './i18n.js';
import { dateTime, el } from './format.js';
import { waveLine } from './rollout-progress.js';

/** What a rollout delivers, in a few words: the firmware version, or "—" for a configuration. */
export const versionOf = (r) => (r.kind === 'firmware' ? r.version || '—' : '—');
export const nameOf = (r) => r.name || r.id;
export const statePill = (state) => el('span', { class: `pill rollout-${state}`, text: t(`rs.${state}`) });

/** The rollout list: one row per rollout, newest first, a bar per wave; the name opens its detail. */
export function createRolloutList(table, counter) {
  function render(rollouts, views) {
    counter.textContent = String(rollouts.length);
    const body = table.tBodies[0];
    if (!rollouts.length) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'empty', text: t('noRollouts') })));
      return;
    }

    body.replaceChildren(...rollouts.map((r) => {
      const view = views.get(r.id);
      const selected = decodeURIComponent(location.hash.slice(1)) === r.id;
      return el('tr', { 'data-rollout': r.id, 'data-state': r.state, class: selected ? 'selected' : '' },
        el('th', { scope: 'row' }, el('a', { href: `#${encodeURIComponent(r.id)}`, text: nameOf(r), 'aria-label': t('openRollout', { name: nameOf(r) }) })),
        el('td', { text: t(`rk.${r.kind}`) }),
        el('td', { text: versionOf(r) }),
        el('td', {}, statePill(r.state)),
        el('td', { text: dateTime(r.createdAt) }),
        el('td', { class: 'waves-cell' }, view ? view.waves.map(waveLine) : el('span', { class: 'muted', text: '…' })));
    }));
  }

  return { render };
}
