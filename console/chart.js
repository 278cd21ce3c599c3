// A bar chart in plain SVG (no library), always shown with its numbers in a table beside it.
import { h, table } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Bars per label, one or two series. series: [{name, values, className?}]; format: value to text.
 * The chart is an image for the eye (role img, a title saying what it shows); the table holds the figures.
 */
export function barChart(title, labels, series, format = String) {
  const width = Math.max(320, labels.length * 22 * series.length + 60);
  const height = 200;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const band = (width - 50) / Math.max(1, labels.length);
  const bar = Math.max(2, (band - 4) / series.length);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 40}`, width, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  chart.append(svg('line', { x1: 40, y1: height, x2: width - 5, y2: height, stroke: '#999' }));
  chart.append(svg('text', { x: 36, y: 12, 'text-anchor': 'end', 'font-size': 10 }, format(max)));
  chart.append(svg('text', { x: 36, y: height, 'text-anchor': 'end', 'font-size': 10 }, format(0)));
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const value = s.values[i] || 0;
      const barHeight = (value / max) * (height - 15);
      chart.append(svg('rect', { class: `bar ${s.className || ''}`, x: 45 + i * band + j * bar, y: height - barHeight,
        width: bar - 1, height: barHeight }));
    });
    if (labels.length <= 16 || i % Math.ceil(labels.length / 16) === 0) {
      chart.append(svg('text', { x: 45 + i * band, y: height + 14, 'font-size': 9 }, label));
    }
  });
  const columns = [['', (row) => row.label], ...series.map((s) => [s.name, (row) => format(row[s.name]), 'num'])];
  const rows = labels.map((label, i) => Object.fromEntries([['label', label],
    ...series.map((s) => [s.name, s.values[i]])]));
  return h('figure', { class: 'chart' }, h('figcaption', {}, h('h2', {}, title)), chart, table(columns, rows));
}

/**
 * Estimates with their intervals, one row per label: a dot at the estimate and a line from low to high, against
 * a zero line. rows: [{label, estimate, low, high}] (low and high may be null: no interval yet). The table beside
 * holds the figures.
 */
export function intervalChart(title, rows, names, format = String) {
  const width = 420;
  const row = 26;
  const height = Math.max(1, rows.length) * row + 30;
  const values = rows.flatMap((r) => [r.estimate, r.low, r.high]).filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values, lo + 1);
  const left = 120;
  const x = (v) => left + ((v - lo) / (hi - lo)) * (width - left - 15);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  chart.append(svg('line', { x1: x(0), y1: 5, x2: x(0), y2: height - 20, stroke: '#999' }));
  chart.append(svg('text', { x: x(lo), y: height - 5, 'font-size': 9 }, format(lo)));
  chart.append(svg('text', { x: x(hi), y: height - 5, 'font-size': 9, 'text-anchor': 'end' }, format(hi)));
  rows.forEach((r, i) => {
    const y = 18 + i * row;
    chart.append(svg('text', { x: left - 6, y: y + 3, 'text-anchor': 'end', 'font-size': 10 }, r.label));
    if (Number.isFinite(r.low) && Number.isFinite(r.high)) {
      chart.append(svg('line', { class: 'interval', x1: x(r.low), y1: y, x2: x(r.high), y2: y }));
    }
    if (Number.isFinite(r.estimate)) chart.append(svg('circle', { class: 'bar', cx: x(r.estimate), cy: y, r: 4 }));
  });
  const cell = (v) => (Number.isFinite(v) ? format(v) : '–');
  const columns = [['', (r) => r.label], [names.estimate, (r) => cell(r.estimate), 'num'],
    [names.low, (r) => cell(r.low), 'num'], [names.high, (r) => cell(r.high), 'num']];
  return h('figure', { class: 'chart' }, h('figcaption', {}, h('h2', {}, title)), chart, table(columns, rows));
}
