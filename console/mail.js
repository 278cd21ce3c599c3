// Results of the sender: mail per journey per day and why mail was not sent, from GET /mail-outcomes (what the
// sender counted as it settled each message: SENT, or the send ledger's reason). Charts with their numbers beside.
import { getJson } from './api.js';
import { fill, h } from './dom.js';
import { addWords, t } from './i18n.js';
import { barChart } from './chart.js';

addWords({
  'zh-CN': {
    mailResults: '邮件与短信', mailPerDay: '每日消息：已发送 / 未发送', mailPerJourney: '各旅程消息', whyNotSent: '未发送原因',
    mailJourney: '旅程', allJourneys: '全部旅程', notSent: '未发送', mailFailed: '消息统计无法读取',
    o_SUPPRESSED: '已屏蔽（退信或投诉）', o_NO_MARKETING_CONSENT: '无营销同意', o_UNSUBSCRIBED: '已退订',
    o_OPEN_DISPUTE: '有未结争议', o_JOURNEY_EXITED: '已退出旅程（已下单等）', o_EXPIRED: '已过期',
    o_EXPIRED_UNDER_CAP: '频次上限内过期', o_EXPIRED_WHILE_PAUSED: '信誉保护暂停期间过期', o_HELD_OUT: '对照组（不发送）',
    o_UNKNOWN_MEMBER: '未知会员', o_NO_ADDRESS: '无邮箱', o_INVALID_ADDRESS: '邮箱无效',
    o_NOT_AN_ACTIVE_MEMBER: '非有效会员', o_MARKETING_TO_NON_MEMBER: '非会员不发营销',
    o_PREFERS_NO_CONTACT: '不希望被联系', o_PREFERS_ANOTHER_CHANNEL: '偏好其他渠道', o_NO_PHONE_NUMBER: '无手机号',
    o_INVALID_PHONE_NUMBER: '手机号无效', o_SMS_NOT_SET_UP: '短信未开通', o_SMS_TOO_LONG: '短信过长',
    o_REJECTED_BY_SES: '邮件服务拒绝', o_REJECTED_BY_SMS: '短信服务拒绝', o_TOO_MANY_DEFERRALS: '推迟次数过多',
    o_FAILED: '发送失败', o_SKIPPED: '未发送（其他）',
  },
  en: {
    mailResults: 'Mail and SMS', mailPerDay: 'Messages per day: sent / not sent',
    mailPerJourney: 'Messages per journey',
    whyNotSent: 'Why mail was not sent', mailJourney: 'Journey', allJourneys: 'All journeys', notSent: 'Not sent',
    mailFailed: 'The message counts could not be read',
    o_SUPPRESSED: 'Suppressed (bounce or complaint)', o_NO_MARKETING_CONSENT: 'No marketing consent',
    o_UNSUBSCRIBED: 'Unsubscribed', o_OPEN_DISPUTE: 'Open dispute', o_JOURNEY_EXITED: 'Left the journey (ordered, …)',
    o_EXPIRED: 'Expired (past its last moment)', o_EXPIRED_UNDER_CAP: 'Expired under the frequency cap',
    o_EXPIRED_WHILE_PAUSED: 'Expired while paused (reputation guard)', o_HELD_OUT: 'Held out (control group)',
    o_UNKNOWN_MEMBER: 'Unknown member', o_NO_ADDRESS: 'No address', o_INVALID_ADDRESS: 'Invalid address',
    o_NOT_AN_ACTIVE_MEMBER: 'Not an active member', o_MARKETING_TO_NON_MEMBER: 'Marketing to a non-member',
    o_PREFERS_NO_CONTACT: 'Prefers no contact', o_PREFERS_ANOTHER_CHANNEL: 'Prefers another channel',
    o_NO_PHONE_NUMBER: 'No phone number', o_INVALID_PHONE_NUMBER: 'Invalid phone number',
    o_SMS_NOT_SET_UP: 'SMS not set up', o_SMS_TOO_LONG: 'SMS too long', o_REJECTED_BY_SES: 'Rejected by SES',
    o_REJECTED_BY_SMS: 'Rejected by the SMS service', o_TOO_MANY_DEFERRALS: 'Put off too many times',
    o_FAILED: 'Failed', o_SKIPPED: 'Not sent (other)',
  },
});

/** An outcome's words; a code the console does not know yet is shown as it is. */
export function outcomeName(code) {
  const word = t(`o_${code}`);
  return word === `o_${code}` ? code : word;
}

/** Every day from one date to another (YYYY-MM-DD, both included). */
export function days(from, to) {
  const all = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    all.push(d.toISOString().slice(0, 10));
  }
  return all;
}

function sum(rows, key) {
  const totals = new Map();
  for (const row of rows) totals.set(row[key], (totals.get(row[key]) || 0) + Number(row.messages));
  return totals;
}

/** The mail section of the results for a period (at most 92 days), with a journey to narrow it to. */
export async function mailResults(from, to) {
  const section = h('section', { 'aria-labelledby': 'mail-title' }, h('h2', { id: 'mail-title' }, t('mailResults')));
  let outcomes;
  try {
    outcomes = await getJson(`/mail-outcomes?${new URLSearchParams({ format: 'json', from, to })}`);
  } catch (error) {
    section.append(h('p', { class: 'error', role: 'alert' }, `${t('mailFailed')}: ${error.message}`));
    return section;
  }
  const journeys = [...new Set(outcomes.rows.map((r) => r.journey))].sort();
  const charts = h('div', {});
  const draw = (journey) => {
    const rows = outcomes.rows.filter((r) => !journey || r.journey === journey);
    const sent = rows.filter((r) => r.outcome === 'SENT');
    const notSent = rows.filter((r) => r.outcome !== 'SENT');
    const period = days(from, to);
    const sentPerDay = sum(sent, 'day');
    const notSentPerDay = sum(notSent, 'day');
    const why = [...sum(notSent, 'outcome')].sort((a, b) => b[1] - a[1]);
    const sentPerJourney = sum(outcomes.rows.filter((r) => r.outcome === 'SENT'), 'journey');
    const notSentPerJourney = sum(outcomes.rows.filter((r) => r.outcome !== 'SENT'), 'journey');
    fill(charts,
      barChart(`${t('mailPerDay')}${journey ? ` (${journey})` : ''}`, period.map((d) => d.slice(5)), [
        { name: t('sent'), values: period.map((d) => sentPerDay.get(d) || 0) },
        { name: t('notSent'), values: period.map((d) => notSentPerDay.get(d) || 0), className: 'second' },
      ]),
      barChart(`${t('whyNotSent')}${journey ? ` (${journey})` : ''}`, why.map(([code]) => outcomeName(code)), [
        { name: t('messages'), values: why.map(([, n]) => n), className: 'second' },
      ]),
      barChart(t('mailPerJourney'), journeys, [
        { name: t('sent'), values: journeys.map((j) => sentPerJourney.get(j) || 0) },
        { name: t('notSent'), values: journeys.map((j) => notSentPerJourney.get(j) || 0), className: 'second' },
      ]));
  };
  section.append(h('label', {}, t('mailJourney'), ' ', h('select', { name: 'journey',
    onchange: (e) => draw(e.target.value) },
  h('option', { value: '' }, t('allJourneys')), journeys.map((j) => h('option', { value: j }, j)))), charts);
  draw('');
  return section;
}
