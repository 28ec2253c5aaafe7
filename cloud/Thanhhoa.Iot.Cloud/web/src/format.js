import { t, locale, has } from './i18n.js';

const zone = 'Asia/Ho_Chi_Minh';
const formatters = new Map();

/** Intl formatters are costly to build; a list of a thousand alarms must not build one per row. */
function cached(kind, options) {
  const key = `${kind}|${locale()}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) {
    formatters.set(key, kind === 'date' ? new Intl.DateTimeFormat(locale(), { timeZone: zone, ...options }) : new Intl.NumberFormat(locale(), options));
  }
  return formatters.get(key);
}

export function dateTime(iso) {
  if (!iso) return '—';
  return cached('date', { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

export function clock(date) {
  return cached('date', { dateStyle: 'medium', timeStyle: 'medium' }).format(date) + ' (UTC+7)';
}

/** Chart axis labels in the page's language: hours for a day, day and month for a week. */
export function axisTime(seconds, range) {
  const options = range === '24h' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit', hour: '2-digit' };
  return cached('date', options).format(new Date(seconds * 1000));
}

export function percent(x) {
  if (x === null || x === undefined) return '—';
  return cached('number', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}

export function number(x, digits = 2) {
  if (x === null || x === undefined) return '—';
  return cached('number', { maximumFractionDigits: digits }).format(x);
}

export function duration(seconds) {
  const minutes = Math.round(seconds / 60);
  return t('duration', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export const alarmLabel = (code) => (has(`code.${code}`) ? t(`code.${code}`) : t('code.other', { code }));
export const channelLabel = (ch) => (has(`ch.${ch}`) ? t(`ch.${ch}`) : t('ch.other', { ch }));

const binary = { mains: ['on', 'off'], generator: ['on', 'off'], gen_running: ['on', 'off'], door: ['open', 'closed'], door_open: ['open', 'closed'] };
const units = { battery_v: 'V', load_a: 'A', cabinet_t: '°C', cabinet_temp: '°C' };

export function readingValue(ch, value) {
  if (binary[ch]) return t(value >= 0.5 ? binary[ch][0] : binary[ch][1]);
  return `${number(value)}${units[ch] ? ' ' + units[ch] : ''}`;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}
