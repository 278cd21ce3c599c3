// Results, as charts with their numbers beside them: the lift per journey against the holdout (lift.js), the
// wake-up rate per win-back step, cart recovery per day (with the cart coupons issued), the coupons every journey
// issued and redeemed per day (coupons.js), and mail per journey per day with why mail was not sent (mail.js).
import { getJson } from './api.js';
import { fill, h, money } from './dom.js';
import { t } from './i18n.js';
import { barChart } from './chart.js';
import { mailResults } from './mail.js';
import { liftResults } from './lift.js';
import { couponResults } from './coupons.js';

export async function resultsPage(main, state = {}) {
  // Without a period the API serves the last 90 days of the store's calendar, and names it in the file name.
  const period = new URLSearchParams({ format: 'json' });
  if (state.from) period.set('from', state.from);
  if (state.to) period.set('to', state.to);
  let wakeUp;
  let carts;
  try {
    wakeUp = await getJson(`/wake-up?${period}`);
    carts = await getJson(`/carts?${period}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const [, from, to] = wakeUp.fileName.match(/(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})/) || [];
  const redraw = (change) => resultsPage(main, { from, to, ...change });
  const steps = wakeUp.rows.map((r) => r.step);
  // The mail's counts are read at most 92 days at a time: a longer period shows its last 92 days.
  const mailFrom = [from, lastDays(to, 92)].sort()[1];
  const mail = await mailResults(mailFrom, to);
  const lift = await liftResults(from, to);
  const coupons = await couponResults(mailFrom, to);
  fill(main, 
    h('h1', {}, t('results')),
    h('form', { class: 'row', onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      redraw({ from: data.get('from'), to: data.get('to') });
    } },
    h('label', {}, t('from'), h('input', { type: 'date', name: 'from', value: from, required: true })),
    h('label', {}, t('to'), h('input', { type: 'date', name: 'to', value: to, required: true })),
    h('button', { type: 'submit' }, t('show'))),
    lift,
    barChart(t('wakeUp'), steps, [
      { name: t('rate'), values: wakeUp.rows.map((r) => parseFloat(r.wakeUpRate) || 0) },
    ], (v) => `${Number(v).toFixed(1)}%`),
    barChart(`${t('wakeUp')}: ${t('sent')} / ${t('woken')}`, steps, [
      { name: t('sent'), values: wakeUp.rows.map((r) => Number(r.sent)) },
      { name: t('woken'), values: wakeUp.rows.map((r) => Number(r.woken)), className: 'second' },
    ]),
    barChart(t('carts'), carts.rows.map((r) => r.day.slice(5)), [
      { name: t('abandoned'), values: carts.rows.map((r) => Number(r.abandoned)) },
      { name: t('recovered'), values: carts.rows.map((r) => Number(r.recovered)), className: 'second' },
    ]),
    barChart(`${t('carts')}: ${t('recoveredRevenue')}`, carts.rows.map((r) => r.day.slice(5)), [
      { name: t('recoveredRevenue'), values: carts.rows.map((r) => Number(r.recoveredRevenue)) },
      { name: t('couponCost'), values: carts.rows.map((r) => Number(r.couponCost)), className: 'second' },
    ], (v) => money(v)),
    barChart(`${t('carts')}: ${t('couponsIssued')}`, carts.rows.map((r) => r.day.slice(5)), [
      { name: t('couponsIssued'), values: carts.rows.map((r) => Number(r.couponsIssued)) },
    ]),
    coupons,
    mail);
}

/** The first of the last n days to a date (YYYY-MM-DD). */
function lastDays(to, n) {
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (n - 1));
  return day.toISOString().slice(0, 10);
}
