// Building the page: every text goes in as a text node, never as markup, so member text is always escaped.
import { lang } from './i18n.js';

/** An element with attributes (on* are listeners) and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children with these (nested lists flattened, absent ones left out). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
  return element;
}

let config = { storeTimeZone: 'UTC', storeCurrency: 'CNY' };
export function configure(next) {
  config = next;
}

/** A time in the store's time zone. */
export function time(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang(), { timeZone: config.storeTimeZone, dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso));
}

/** The last second of a date (YYYY-MM-DD) in the store's time zone, as ISO-8601 with the zone's offset on that day. */
export function endOfDay(date) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: config.storeTimeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`)).find((part) => part.type === 'timeZoneName').value;
  return `${date}T23:59:59${name === 'GMT' ? 'Z' : name.replace('GMT', '')}`;
}

/** Minor units of a currency, as money. */
export function money(minor, currency = config.storeCurrency) {
  const format = new Intl.NumberFormat(lang(), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(Number(minor) / 10 ** digits);
}

/** Major units typed by a person, as minor units of the currency. */
export function minor(major, currency = config.storeCurrency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return Math.round(Number(major) * 10 ** digits);
}

/** "3d 4h" / "2h 5m" / "12m". */
export function span(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}

/** A table of rows: columns are [label, (row) => cell content, className?]. */
export function table(columns, rows) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map(([label, , cls]) => h('th', { scope: 'col', class: cls }, label)))),
    h('tbody', {}, rows.map((row) => h('tr', {},
      columns.map(([, cell, cls]) => h('td', { class: cls }, cell(row))))))));
}

/** Saves text or a blob as a file. */
export function download(name, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
