import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from './i18n.js';
import { api } from './api.js';
import { stateColours } from './map.js';
import { dateTime, percent, duration, readingValue, channelLabel, alarmLabel, el, number, axisTime } from './format.js';

const intervalColours = { ...stateColours, unknown: '#b0bec5' };

/** The per-site panel: identity, gateway health, readings, autonomy, timeline, battery chart, outages. */
export function createPanel(card, title, body) {
  let current = null;
  let range = '24h';
  let chart = null;

  async function show(code) {
    current = code;
    card.hidden = false;
    await refresh();
  }

  async function refresh() {
    if (!current) return;
    const code = current;
    const [detail, timeline, battery] = await Promise.all([api.site(code), api.timeline(code, range), api.battery(code, range)]);
    if (code !== current) return;
    render(detail, timeline, battery);
  }

  function render(detail, timeline, battery) {
    const s = detail.status;
    title.replaceChildren(el('span', { text: s.name }), el('span', { class: `pill state-${s.state}`, text: t(`state.${s.state}`) }),
      el('button', { type: 'button', class: 'close', 'aria-label': t('close'), text: '×', onclick: () => { card.hidden = true; current = null; } }));
    const facts = el('dl', { class: 'facts' },
      fact(t('code'), s.code), fact(t('kind'), t(`kind.${s.kind}`)), fact(t('operators'), s.operators.join(', ')),
      fact(t('district'), s.districtName), fact(t('commune'), s.communeName || '—'),
      fact(t('location'), `${number(s.latitude, 5)}, ${number(s.longitude, 5)}`));
    const gw = detail.gateway;
    const health = gw ? el('dl', { class: 'facts' },
      fact(t('gateway'), gw.deviceId), fact(t('online'), t(gw.online ? 'yes' : 'no')), fact(t('lastSeen'), dateTime(gw.lastSeen)),
      fact(t('firmware'), gw.firmware || '—'), fact(t('session'), String(gw.session)),
      gw.offlineReason ? fact(t('offlineReason'), gw.offlineReason) : null) : el('p', { class: 'note', text: t('noData') });
    const readings = el('table', { class: 'list readings' }, el('tbody', {}, detail.readings.map((r) =>
      el('tr', { 'data-channel': r.channel }, el('td', { text: channelLabel(r.channel) }), el('td', { text: readingValue(r.channel, r.value) }), el('td', { class: 'muted', text: dateTime(r.timestamp) })))));
    const autonomy = detail.autonomy ? el('p', { class: 'autonomy' }, el('strong', { text: `${t('autonomy')}: ` }),
      detail.autonomy.minutes === null || detail.autonomy.minutes === undefined ? t('autonomyUnknown')
        : t('autonomyValue', { min: Math.round(detail.autonomy.minutes), cutoff: number(detail.autonomy.cutoffVolts, 1), conf: t(`conf.${detail.autonomy.confidence.toLowerCase()}`) })) : null;
    const ranges = el('div', { class: 'ranges' }, ['24h', '7d'].map((r) => el('button', {
      type: 'button', class: r === range ? 'active' : '', text: t(`range${r}`), onclick: () => { range = r; refresh(); },
    })));
    const chartBox = el('div', { class: 'chart' });
    body.replaceChildren(facts, health, el('h3', { text: t('readings') }), readings, autonomy, ranges,
      el('h3', { text: t('timeline') }), timelineBar(timeline), figures(timeline),
      el('h3', { text: t('batteryChart') }), chartBox, el('h3', { text: t('outages') }), outageList(timeline));
    drawChart(chartBox, battery);
  }

  function fact(label, value) {
    return [el('dt', { text: label }), el('dd', { text: value })];
  }

  function timelineBar(timeline) {
    const from = Date.parse(timeline.from);
    const span = Date.parse(timeline.to) - from || 1;
    return el('div', { class: 'timeline' }, timeline.intervals.map((i) => el('span', {
      class: `seg seg-${i.state}`,
      style: `left:${((Date.parse(i.start) - from) / span) * 100}%;width:${Math.max(0.2, ((Date.parse(i.end) - Date.parse(i.start)) / span) * 100)}%;background:${intervalColours[i.state]}`,
      title: `${t(`state.${i.state}`)}: ${dateTime(i.start)} – ${dateTime(i.end)}`,
    })));
  }

  function figures(timeline) {
    let up = 0; let down = 0; let unknown = 0;
    for (const i of timeline.intervals) {
      const s = (Date.parse(i.end) - Date.parse(i.start)) / 1000;
      if (i.state === 'down') down += s; else if (i.state === 'unknown') unknown += s; else up += s;
    }
    const total = up + down + unknown;
    return el('p', { class: 'figures' }, `${t('availability')}: ${percent(up + down > 0 ? up / (up + down) : null)} · ${t('unknownShare')}: ${percent(total > 0 ? unknown / total : null)}`);
  }

  function outageList(timeline) {
    if (!timeline.outages.length) return el('p', { class: 'note', text: t('noOutages') });
    return el('table', { class: 'list' }, el('tbody', {}, timeline.outages.slice().reverse().map((o) => el('tr', {},
      el('td', { text: t(`outage.${o.kind}`) }), el('td', { text: dateTime(o.start) }),
      el('td', { text: o.end ? duration(o.durationSeconds) : `${duration(o.durationSeconds)} (${t('ongoing')})` }),
      el('td', { text: alarmLabel(o.cause) })))));
  }

  function drawChart(box, points) {
    if (chart) { chart.destroy(); chart = null; }
    if (!points.length) { box.append(el('p', { class: 'note', text: t('noData') })); return; }
    const xs = points.map((p) => Date.parse(p.at) / 1000);
    const ys = points.map((p) => p.volts);
    chart = new uPlot({
      width: Math.max(280, box.clientWidth || 340), height: 160, tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Asia/Ho_Chi_Minh'),
      series: [{}, { label: 'V', stroke: '#ef8f00', width: 1.5 }], legend: { show: false },
      axes: [{ size: 30, values: (u, splits) => splits.map((s) => axisTime(s, range)) }, { size: 40 }],
    }, [xs, ys], box);
  }

  return { show, refresh, current: () => current };
}
