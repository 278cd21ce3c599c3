// The lift report on the Results page (GET /lift?by=journey, docs/campaigns.md "The lift report"): per journey,
// the treated members' conversion rate against the held-out members', the incremental conversions with their 95 %
// interval, the costs and ROI, with the numbers beside the charts and the report as CSV. The statistics are the
// API's: the console only divides converters by members for the two rates.
import { call, getJson, parse, reasonOf } from './api.js';
import { download, h, money, table } from './dom.js';
import { addWords, t } from './i18n.js';
import { barChart, intervalChart } from './chart.js';

addWords({
  'zh-CN': {
    lift: '增量效果（对照组）', liftRates: '转化率：发送组 / 对照组', treatedRate: '发送组转化率', heldOutRate: '对照组转化率',
    liftConversions: '增量转化（95% 区间）', estimate: '估计', low: '下限', high: '上限', liftJourney: '旅程',
    eligible: '符合条件', skipped: '未发出', incrementalRevenue: '增量营收', sendCost: '发送成本', roi: '投资回报率',
    liftWeeks: '分配周：{from} 至 {to}', liftCsv: '下载增量报告 CSV', liftFailed: '增量报告无法读取', liftNone: '此期间没有分配',
  },
  en: {
    lift: 'Lift against the holdout', liftRates: 'Conversion rate: treated / held out', treatedRate: 'Treated rate',
    heldOutRate: 'Held-out rate', liftConversions: 'Incremental conversions (95 % interval)', estimate: 'Estimate',
    low: 'Low', high: 'High', liftJourney: 'Journey', eligible: 'Eligible', skipped: 'Not sent',
    incrementalRevenue: 'Incremental revenue', sendCost: 'Send cost', roi: 'ROI',
    liftWeeks: 'Weeks of the assignment: {from} to {to}', liftCsv: 'Download the lift report (CSV)',
    liftFailed: 'The lift report could not be read', liftNone: 'No assignments in this period',
  },
});

/** The ISO week of a date (YYYY-MM-DD): 2026-W49. */
export function isoWeek(date) {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = day.getUTCFullYear();
  const week = Math.floor((day - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The report's weeks for a period of days: its last 13 weeks at most (what the API reads at once). */
export function liftWeeks(from, to) {
  const first = new Date(`${to}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - 84);
  const start = [from, first.toISOString().slice(0, 10)].sort()[1];
  return { from: isoWeek(start), to: isoWeek(to) };
}

/** The lift rows pooled by journey or step over the weeks (JSON). */
export function liftRows(weeks, by) {
  return getJson(`/lift?${new URLSearchParams({ by, from: weeks.from, to: weeks.to, format: 'json' })}`)
    .then((report) => report.rows);
}

const number = (value) => (value === '' || value === undefined ? NaN : Number(value));
const percent = (v) => `${Number(v).toFixed(1)}%`;
const signed = (v) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** The treated and held-out conversion rates of a row, in percent (NaN without members). */
export function rates(row) {
  const treated = Number(row.sent) + Number(row.skipped);
  return { treated: treated ? (100 * Number(row.treatedConverters)) / treated : NaN,
    heldOut: Number(row.heldOut) ? (100 * Number(row.heldOutConverters)) / Number(row.heldOut) : NaN };
}

/** ROI as a percent, or a dash when the API gave none (nothing spent, or no revenue estimate yet). */
export function roiText(row) {
  return row.roi === '' || row.roi === undefined ? '–' : percent(100 * Number(row.roi));
}

/** The lift section of the Results page for a period of days. */
export async function liftResults(from, to) {
  const weeks = liftWeeks(from, to);
  const status = h('p', { role: 'status' });
  const section = h('section', { 'aria-labelledby': 'lift-title' }, h('h2', { id: 'lift-title' }, t('lift')),
    h('p', { class: 'muted' }, t('liftWeeks', weeks)));
  let rows;
  try {
    rows = await liftRows(weeks, 'journey');
  } catch (error) {
    section.append(h('p', { class: 'error', role: 'alert' }, `${t('liftFailed')}: ${error.message}`));
    return section;
  }
  const csv = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const query = new URLSearchParams({ by: 'journey', from: weeks.from, to: weeks.to, format: 'csv' });
    const response = await call('GET', `/lift?${query}`, undefined, { asBlob: true });
    if (response.ok) download(`lift-${weeks.from}-to-${weeks.to}.csv`, response.body);
    else status.textContent = `${t('failed')}: ${reasonOf(parse(await response.body.text()), response.status)}`;
  } }, t('liftCsv'));
  if (!rows.length) {
    section.append(h('p', {}, t('liftNone')), h('div', { class: 'row' }, csv), status);
    return section;
  }
  const journeys = rows.map((r) => r.journey);
  const rate = rows.map(rates);
  section.append(
    barChart(t('liftRates'), journeys, [
      { name: t('treatedRate'), values: rate.map((r) => r.treated || 0) },
      { name: t('heldOutRate'), values: rate.map((r) => r.heldOut || 0), className: 'second' },
    ], percent),
    intervalChart(t('liftConversions'), rows.map((r) => ({ label: r.journey,
      estimate: number(r.incrementalConversions), low: number(r.incrementalConversionsLow),
      high: number(r.incrementalConversionsHigh) })), { estimate: t('estimate'), low: t('low'), high: t('high') },
    signed),
    table([[t('liftJourney'), (r) => r.journey], [t('eligible'), (r) => r.eligible, 'num'],
      [t('sent'), (r) => r.sent, 'num'], [t('skipped'), (r) => r.skipped, 'num'],
      [t('heldOut'), (r) => r.heldOut, 'num'],
      [t('incrementalRevenue'), (r) => (r.incrementalRevenue === '' ? '–' : `${money(r.incrementalRevenue)} (`
        + `${money(r.incrementalRevenueLow)} – ${money(r.incrementalRevenueHigh)})`), 'num'],
      [t('couponCost'), (r) => money(r.couponCost), 'num'], [t('sendCost'), (r) => money(r.sendCost), 'num'],
      [t('roi'), roiText, 'num']], rows),
    h('div', { class: 'row' }, csv), status);
  return section;
}
