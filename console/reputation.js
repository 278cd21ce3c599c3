// The reputation guard for admins (GET /reputation: whether marketing e-mail is paused, the window's rates against
// the policy, the last pause and resume; POST /reputation/resume, recorded under the admin's name) and engagement
// for marketers and admins (GET /engagement: opens and clicks per journey over a period, when tracking is on).
import { call, getJson, parse, reasonOf } from './api.js';
import { fill, h, time } from './dom.js';
import { addWords, t } from './i18n.js';
import { barChart } from './chart.js';

addWords({
  'zh-CN': {
    reputation: '发信信誉', engagement: '打开与点击', paused: '营销邮件已暂停', notPaused: '营销邮件正常发送',
    window: '统计窗口（{h} 小时）', sends: '发送', bounces: '硬退信', complaints: '投诉', bounceRate: '退信率',
    complaintRate: '投诉率', pauseAt: '暂停阈值', lastPause: '上次暂停', lastResume: '上次恢复', resumedBy: '操作人',
    resume: '恢复营销邮件', resumed: '已恢复营销邮件', minSends: '至少 {n} 封后才判断', opens: '打开', clicks: '点击',
    trackingOff: '打开与点击跟踪未开启（模板参数 EngagementTracking），因此没有计数。',
    perJourney: '各旅程打开与点击', rateNow: '当前',
    r_COMPLAINT_RATE: '投诉率过高', r_BOUNCE_RATE: '退信率过高', r_ACCOUNT_BOUNCE_RATE: 'SES 账号退信率告警',
    r_ACCOUNT_COMPLAINT_RATE: 'SES 账号投诉率告警',
  },
  en: {
    reputation: 'Sending reputation', engagement: 'Opens and clicks', paused: 'Marketing e-mail is paused',
    notPaused: 'Marketing e-mail is going out', window: 'Window ({h} hours)', sends: 'Sends', bounces: 'Hard bounces',
    complaints: 'Complaints', bounceRate: 'Bounce rate', complaintRate: 'Complaint rate', pauseAt: 'Pauses at',
    lastPause: 'Last pause', lastResume: 'Last resume', resumedBy: 'By', resume: 'Resume marketing e-mail',
    resumed: 'Marketing e-mail resumed', minSends: 'judged after {n} sends', opens: 'Opens', clicks: 'Clicks',
    trackingOff: 'Open and click tracking is off (template parameter EngagementTracking): nothing is counted.',
    perJourney: 'Opens and clicks per journey', rateNow: 'Now',
    r_COMPLAINT_RATE: 'Complaint rate too high', r_BOUNCE_RATE: 'Bounce rate too high',
    r_ACCOUNT_BOUNCE_RATE: 'SES account bounce-rate alarm',
    r_ACCOUNT_COMPLAINT_RATE: 'SES account complaint-rate alarm',
  },
});

const percent = (v) => `${Number(v).toFixed(2)}%`;

function reasonWords(code) {
  const word = t(`r_${code}`);
  return word === `r_${code}` ? code : word;
}

function counts(c) {
  return [[t('sends'), c.sends], [t('bounces'), c.bounces], [t('complaints'), c.complaints],
    [t('bounceRate'), percent(c.bouncePercent)], [t('complaintRate'), percent(c.complaintPercent)]];
}

function list(rows) {
  return h('dl', { class: 'counts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', { class: 'num' }, String(v))]));
}

/** #/reputation (admins). */
export async function reputationPage(main, notice = '') {
  let r;
  try {
    r = await getJson('/reputation');
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const message = h('p', { class: 'error', role: 'alert' });
  const resume = async () => {
    const response = await call('POST', '/reputation/resume');
    if (response.ok) await reputationPage(main, t('resumed'));
    else message.textContent = `${t('refused')}: ${reasonOf(parse(response.body), response.status)}`;
  };
  const policy = r.policy;
  fill(main, h('h1', {}, t('reputation')),
    h('p', { role: 'status' }, notice),
    h('p', { class: r.paused ? 'state paused' : 'state' }, h('strong', {}, r.paused ? t('paused') : t('notPaused'))),
    r.paused ? h('button', { type: 'button', onclick: resume }, t('resume')) : null,
    message,
    barChart(t('window', { h: r.window.hours }), [t('bounceRate'), t('complaintRate')], [
      { name: t('rateNow'), values: [r.window.bouncePercent, r.window.complaintPercent] },
      { name: t('pauseAt'), values: [policy.bouncePausePercent, policy.complaintPausePercent], className: 'second' },
    ], percent),
    list([...counts(r.window), [t('pauseAt'), `${t('bounceRate')} ${percent(policy.bouncePausePercent)}, `
      + `${t('complaintRate')} ${percent(policy.complaintPausePercent)} (${t('minSends', { n: policy.minSends })})`]]),
    r.lastPause ? [h('h2', {}, t('lastPause')), list([[t('at'), time(r.lastPause.at)],
      [t('reason'), reasonWords(r.lastPause.reason)], ...counts(r.lastPause)])] : null,
    r.lastResume ? [h('h2', {}, t('lastResume')), list([[t('at'), time(r.lastResume.at)],
      [t('resumedBy'), r.lastResume.by]])] : null);
}

/** #/engagement (marketers, admins): opens and clicks per journey over a period. */
export async function engagementPage(main, state = {}) {
  const period = new URLSearchParams();
  if (state.from) period.set('from', state.from);
  if (state.to) period.set('to', state.to);
  let e;
  try {
    e = await getJson(`/engagement?${period}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const journeys = e.journeys.map((j) => j.journey);
  fill(main, h('h1', {}, t('engagement')),
    h('form', { class: 'row', onsubmit: (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      engagementPage(main, { from: data.get('from'), to: data.get('to') });
    } },
    h('label', {}, t('from'), h('input', { type: 'date', name: 'from', value: e.from, required: true })),
    h('label', {}, t('to'), h('input', { type: 'date', name: 'to', value: e.to, required: true })),
    h('button', { type: 'submit' }, t('show'))),
    e.tracking === 'on' ? null : h('p', { class: 'notice' }, t('trackingOff')),
    barChart(t('perJourney'), journeys, [
      { name: t('opens'), values: e.journeys.map((j) => Number(j.opens)) },
      { name: t('clicks'), values: e.journeys.map((j) => Number(j.clicks)), className: 'second' },
    ]));
}
