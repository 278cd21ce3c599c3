// Coupons issued and redeemed per day and journey, from GET /coupon-outcomes (what the coupon book counted where it
// issued or redeemed each coupon: greetings, win-back, referrals, carts, broadcasts). Charts with their numbers.
import { getJson } from './api.js';
import { h, money } from './dom.js';
import { addWords, t } from './i18n.js';
import { barChart } from './chart.js';
import { days } from './mail.js';

addWords({
  'zh-CN': {
    couponResults: '优惠券', couponsPerDay: '每日优惠券：发放 / 核销', couponsPerJourney: '各旅程优惠券', issued: '发放',
    redeemed: '核销', discount: '优惠金额', couponsFailed: '优惠券统计无法读取',
  },
  en: {
    couponResults: 'Coupons', couponsPerDay: 'Coupons per day: issued / redeemed',
    couponsPerJourney: 'Coupons per journey', issued: 'Issued', redeemed: 'Redeemed', discount: 'Discounts',
    couponsFailed: 'The coupon counts could not be read',
  },
});

function total(rows, key, field) {
  const totals = new Map();
  for (const row of rows) totals.set(row[key], (totals.get(row[key]) || 0) + Number(row[field]));
  return totals;
}

/** The coupons section of the results for a period (at most 92 days). */
export async function couponResults(from, to) {
  const section = h('section', { 'aria-labelledby': 'coupon-title' },
    h('h2', { id: 'coupon-title' }, t('couponResults')));
  let outcomes;
  try {
    outcomes = await getJson(`/coupon-outcomes?${new URLSearchParams({ format: 'json', from, to })}`);
  } catch (error) {
    section.append(h('p', { class: 'error', role: 'alert' }, `${t('couponsFailed')}: ${error.message}`));
    return section;
  }
  const period = days(from, to);
  const journeys = [...new Set(outcomes.rows.map((r) => r.journey))].sort();
  const issuedPerDay = total(outcomes.rows, 'day', 'issued');
  const redeemedPerDay = total(outcomes.rows, 'day', 'redeemed');
  const issued = total(outcomes.rows, 'journey', 'issued');
  const redeemed = total(outcomes.rows, 'journey', 'redeemed');
  const discount = total(outcomes.rows, 'journey', 'discount');
  section.append(
    barChart(t('couponsPerDay'), period.map((d) => d.slice(5)), [
      { name: t('issued'), values: period.map((d) => issuedPerDay.get(d) || 0) },
      { name: t('redeemed'), values: period.map((d) => redeemedPerDay.get(d) || 0), className: 'second' },
    ]),
    barChart(t('couponsPerJourney'), journeys, [
      { name: t('issued'), values: journeys.map((j) => issued.get(j) || 0) },
      { name: t('redeemed'), values: journeys.map((j) => redeemed.get(j) || 0), className: 'second' },
    ]),
    barChart(`${t('couponsPerJourney')}: ${t('discount')}`, journeys, [
      { name: t('discount'), values: journeys.map((j) => discount.get(j) || 0) },
    ], (v) => money(v)));
  return section;
}
