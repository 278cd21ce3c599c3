// The follow-up lists (回访表): this month's birthdays and the dormant members to wake up, page by page,
// downloadable whole as CSV, with each follow-up call marked, stored and shown back; and the referral list.
import { call, getJson, parse, reasonOf } from './api.js';
import { download, fill, h, table, time } from './dom.js';
import { addWords, t } from './i18n.js';

addWords({
  'zh-CN': {
    referrals: '推荐名单', referee: '被推荐人', referrerId: '推荐人', firstOrder: '首单', paidAt: '首单付款',
    qualifiesAt: '退款期结束', reward: '奖励', referrerPoints: '推荐人积分', refereePoints: '被推荐人积分',
    rewarded: '已发奖励',
    decidedAt: '结果时间', onlyReferrer: '只看此推荐人的被推荐人', yes: '是', no: '否',
    rs_pending: '待确认', rs_rewarded: '已奖励', rs_refused: '不予奖励', rs_reversed: '已冲回',
  },
  en: {
    referrals: 'Referrals', referee: 'Referee', referrerId: 'Referrer', firstOrder: 'First order',
    paidAt: 'First order paid', qualifiesAt: 'Refund window ends', reward: 'Reward',
    referrerPoints: 'Referrer points',
    refereePoints: 'Referee points', rewarded: 'Reward given', decidedAt: 'Decided',
    onlyReferrer: 'Only this referrer\u2019s referees', yes: 'yes', no: 'no',
    rs_pending: 'Pending', rs_rewarded: 'Rewarded', rs_refused: 'Refused', rs_reversed: 'Reversed',
  },
});

const OUTCOMES = ['reached', 'no_answer', 'call_back', 'declined', 'wrong_number'];
const PAGE = 50;
/** How often an export asked for is followed until its file is written. */
const EXPORT_POLL_MS = 1000;

const COLUMNS = {
  birthdays: [['localDate', 'localDate'], ['lunarDate', 'lunarDate'], ['greeted', 'greeted'],
    ['coupon', 'giftCoupon'], ['couponUsed', 'couponUsed']],
  dormant: [['step', 'step'], ['enteredAt', 'enteredAt'], ['message', 'message'], ['coupon', 'coupon'],
    ['couponUsed', 'couponUsed'], ['cameBack', 'cameBack']],
};

export async function followUpList(main, list, state = {}) {
  const cursors = state.cursors || [];
  // Without a month the API serves the current one in the store's time zone, and names it in the file name.
  const query = new URLSearchParams({ format: 'json', limit: String(PAGE) });
  if (state.month) query.set('month', state.month);
  if (cursors.length) query.set('next', cursors.at(-1));
  let page;
  try {
    page = await getJson(`/${list}?${query}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const month = state.month || (page.fileName.match(/(\d{4}-\d{2})\.json$/) || [])[1];
  const redraw = (change) => followUpList(main, list, { month, cursors, ...change });
  const columns = [
    [t('name'), (r) => r.name],
    [t('customer'), (r) => r.customerId],
    [t('phone'), (r) => r.phone],
    [t('contact'), (r) => r.contactPreference],
    [t('tier'), (r) => r.tier],
    ...COLUMNS[list].map(([key, field]) => [t(key), (r) => r[field]]),
    [t('followUp'), (r) => followUpCell(list, month, r)],
  ];
  const status = h('span', { class: 'muted', role: 'status' });
  fill(main, 
    h('h1', {}, t(list)),
    h('form', { class: 'row', onsubmit: (e) => e.preventDefault() },
      h('label', {}, t('month'), h('input', { type: 'month', name: 'month', value: month,
        onchange: (e) => e.target.value && redraw({ month: e.target.value, cursors: [] }) })),
      h('button', { type: 'button', class: 'secondary', onclick: () => downloadAll(list, month, status) },
        t('downloadCsv')),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportAll(list, month, status) },
        t('exportAll')),
      status),
    page.rows.length ? table(columns, page.rows) : h('p', {}, t('nothing')),
    h('div', { class: 'row' },
      cursors.length ? h('button', { type: 'button', class: 'secondary',
        onclick: () => redraw({ cursors: cursors.slice(0, -1) }) },
        t('previous')) : null,
      page.next ? h('button', { type: 'button', class: 'secondary',
        onclick: () => redraw({ cursors: [...cursors, page.next] }) },
        t('more')) : null));
}

/**
 * The referral list (推荐名单, GET /referrals): who referred whom, the referee's first paid order, where the
 * referral stands and the reward; a month's referrals (by when each was first seen) or one referrer's referees,
 * page by page, downloadable whole as CSV.
 */
export async function referralList(main, state = {}) {
  const cursors = state.cursors || [];
  const query = new URLSearchParams({ format: 'json', limit: String(PAGE) });
  if (state.month) query.set('month', state.month);
  if (state.referrerId) query.set('referrerId', state.referrerId);
  if (cursors.length) query.set('next', cursors.at(-1));
  let page;
  try {
    page = await getJson(`/referrals?${query}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const month = state.month || (page.fileName.match(/(\d{4}-\d{2})\.json$/) || [])[1] || '';
  const redraw = (change) => referralList(main, { month, referrerId: state.referrerId, cursors, ...change });
  const columns = [
    [t('referee'), (r) => r.refereeId], [t('referrerId'), (r) => r.referrerId],
    [t('status'), (r) => t(`rs_${r.status}`)], [t('reason'), (r) => r.reason],
    [t('firstOrder'), (r) => r.firstOrderId], [t('paidAt'), (r) => time(r.paidAt)],
    [t('qualifiesAt'), (r) => time(r.qualifiesAt)], [t('reward'), (r) => r.reward],
    [t('referrerPoints'), (r) => r.referrerPoints, 'num'],
    [t('refereePoints'), (r) => r.refereePoints, 'num'],
    [t('rewarded'), (r) => t(r.rewarded === 'true' ? 'yes' : 'no')],
    [t('decidedAt'), (r) => time(r.decidedAt)],
  ];
  const status = h('span', { class: 'muted', role: 'status' });
  const filter = h('form', { class: 'row', dataset: { form: 'referrer' }, onsubmit: (event) => {
    event.preventDefault();
    redraw({ referrerId: String(new FormData(filter).get('referrerId') || '').trim(), cursors: [] });
  } },
  h('label', {}, t('month'), h('input', { type: 'month', name: 'month', value: month,
    onchange: (e) => e.target.value && redraw({ month: e.target.value, referrerId: '', cursors: [] }) })),
  h('label', {}, t('onlyReferrer'), h('input', { name: 'referrerId', value: state.referrerId || '',
    autocomplete: 'off' })),
  h('button', { type: 'submit' }, t('show')),
  h('button', { type: 'button', class: 'secondary', onclick: () => downloadAll('referrals', month, status) },
    t('downloadCsv')),
  status);
  fill(main, h('h1', {}, t('referrals')), filter,
    page.rows.length ? table(columns, page.rows) : h('p', {}, t('nothing')),
    h('div', { class: 'row' },
      cursors.length ? h('button', { type: 'button', class: 'secondary',
        onclick: () => redraw({ cursors: cursors.slice(0, -1) }) }, t('previous')) : null,
      page.next ? h('button', { type: 'button', class: 'secondary',
        onclick: () => redraw({ cursors: [...cursors, page.next] }) }, t('more')) : null));
}

/** The call as recorded, and a button that opens a small form to record one. */
function followUpCell(list, month, row) {
  const cell = h('div', {});
  const shown = () => {
    fill(cell, 
      row.followUp ? h('div', { class: 'followup' }, h('strong', {}, t(row.followUp)),
        row.followUpNote ? ` — ${row.followUpNote}` : '',
        h('div', { class: 'muted' }, `${row.followUpBy} · ${row.followUpAt}`)) : null,
      h('button', { type: 'button', class: 'link', onclick: edit }, t('markCall')));
  };
  const edit = () => {
    const message = h('span', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'row', onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const response = await call('POST', '/follow-ups', { list, month, customerId: row.customerId,
        outcome: data.get('outcome'), ...(data.get('note') ? { note: data.get('note') } : {}) });
      const body = parse(response.body);
      if (!response.ok) {
        message.textContent = `${t('refused')}: ${reasonOf(body, response.status)}`;
        return;
      }
      Object.assign(row, { followUp: body.outcome, followUpNote: body.note || '', followUpBy: body.by,
        followUpAt: time(body.at) });
      shown();
      cell.querySelector('button').focus();
    } },
    h('label', {}, t('callOutcome'),
      h('select', { name: 'outcome' }, OUTCOMES.map((o) => h('option', { value: o }, t(o))))),
    h('label', {}, t('note'), h('input', { name: 'note', maxlength: 1000 })),
    h('button', { type: 'submit' }, t('save')), message);
    fill(cell, form);
    form.querySelector('select').focus();
  };
  shown();
  return cell;
}

/** The whole list as one CSV file, fetched page by page (5000 rows a page), whatever its size. */
function downloadAll(list, month, status) {
  return downloadPages(`/${list}`, { month }, `${list}-${month}.csv`, status, 5000);
}

/**
 * A whole list of the staff API as one CSV file named `name`, fetched page by page (`limit` rows a page, each next
 * page by the X-Next-Cursor header), whatever its size; what happened is written in `status`.
 */
export async function downloadPages(path, params, name, status, limit) {
  const parts = [];
  let next = '';
  let rows = 0;
  do {
    const query = new URLSearchParams({ ...params, limit: String(limit) });
    if (next) query.set('next', next);
    const response = await call('GET', `${path}?${query}`);
    if (!response.ok) {
      status.textContent = `${t('failed')}: ${reasonOf(parse(response.body), response.status)}`;
      return;
    }
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line.length);
    parts.push(...(parts.length ? lines.slice(1) : lines));
    rows += lines.length - 1;
    next = response.headers.get('x-next-cursor') || '';
  } while (next);
  download(name, `\uFEFF${parts.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
  status.textContent = t('downloaded', { n: rows });
}

/**
 * The whole list written to S3 (POST /exports asks for it, ListExportFunction writes it), followed with
 * GET /exports/{id} until it is done, then downloaded through the short-lived link the status carries: a list
 * of any length, while every request answers at once; the browser fetches the file straight from S3.
 */
async function exportAll(list, month, status) {
  status.textContent = t('exporting');
  const asked = await call('POST', '/exports', { list, month });
  let body = parse(asked.body);
  if (!asked.ok || !body || !body.statusUrl) {
    status.textContent = `${t('failed')}: ${reasonOf(body, asked.status)}`;
    return;
  }
  const started = Date.now();
  while (body.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, EXPORT_POLL_MS));
    status.textContent = t('exportingFor', { s: Math.round((Date.now() - started) / 1000) });
    const followed = await call('GET', body.statusUrl);
    const next = parse(followed.body);
    if (!followed.ok || !next) {
      status.textContent = `${t('failed')}: ${reasonOf(next, followed.status)}`;
      return;
    }
    body = next;
  }
  if (body.status !== 'done') {
    status.textContent = `${t('failed')}: ${body.error || body.status}`;
    return;
  }
  const link = h('a', { href: body.url, download: body.file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  status.textContent = t('exported', { n: body.rows, t: time(body.expiresAt) });
}
