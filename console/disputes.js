// The dispute desk: the queue by status with each deadline counting down, a dispute's detail with its
// history and the customer's member summary, the agents' actions, the evidence bundle.
import { call, getJson, now, parse, reasonOf } from './api.js';
import { download, fill, h, minor, money, span, table, time } from './dom.js';
import { t } from './i18n.js';

const STATUSES = ['awaiting_seller_confirmation', 'negotiating', 'awaiting_return_shipment', 'awaiting_return_receipt',
  'escalated', 'resolved', 'closed'];
let ticking;

/** A countdown to a deadline, kept current while the page is open. */
export function countdown(iso) {
  return h('span', { dataset: { due: iso || '' } });
}

function tick() {
  for (const element of document.querySelectorAll('[data-due]')) {
    if (!element.dataset.due) continue;
    const left = new Date(element.dataset.due) - now();
    element.textContent = left < 0 ? t('overdue', { t: span(left) }) : t('left', { t: span(left) });
    element.className = left < 0 ? 'overdue' : left < 24 * 3600e3 ? 'soon' : '';
  }
}

/** Keeps every countdown on the page current (the customer mail page shares them). */
export function startTicking() {
  clearInterval(ticking);
  tick();
  ticking = setInterval(tick, 30000);
}

export async function disputeQueue(main, state = { status: '', cursors: [], channel: '', search: '' }) {
  const query = new URLSearchParams({ limit: '50' });
  if (state.status) query.set('status', state.status);
  if (state.status && state.cursors.length) query.set('next', state.cursors.at(-1));
  let page;
  try {
    page = await getJson(`/disputes?${query}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const channels = [...new Set(page.disputes.map((d) => d.channel).filter(Boolean))].sort();
  const needle = state.search.trim().toLowerCase();
  const shown = page.disputes.filter((d) => (!state.channel || d.channel === state.channel)
    && (!needle || [d.disputeId, d.orderId, d.customerId].some((v) => (v || '').toLowerCase().includes(needle))));
  const redraw = (change) => disputeQueue(main, { ...state, ...change });
  const filters = h('form', { class: 'row', onsubmit: (e) => e.preventDefault() },
    h('label', {}, t('status'), h('select', { name: 'status',
      onchange: (e) => redraw({ status: e.target.value, cursors: [] }) },
      h('option', { value: '' }, t('allOpen')),
      STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, t(`st_${s}`))))),
    h('label', {}, t('channel'), h('select', { name: 'channel', onchange: (e) => redraw({ channel: e.target.value }) },
      h('option', { value: '' }, t('all')),
      channels.map((c) => h('option', { value: c, selected: c === state.channel }, c)))),
    h('label', {}, t('search'), h('input', { type: 'search', name: 'search', value: state.search,
      onchange: (e) => redraw({ search: e.target.value }) })));
  const rows = shown.length ? table([
    [t('dispute'), (d) => h('a', { href: `#/disputes/${encodeURIComponent(d.disputeId)}` }, d.disputeId)],
    [t('status'), (d) => t(`st_${d.status}`)],
    [t('channel'), (d) => d.channel || ''],
    [t('reason'), (d) => d.reason || ''],
    [t('order'), (d) => d.orderId || ''],
    [t('amount'), (d) => (d.amount ? money(d.amount.amount, d.amount.currency) : ''), 'num'],
    [t('nextDeadline'), (d) => (d.nextDeadlineAt ? `${d.nextDeadline} · ${time(d.nextDeadlineAt)}` : '')],
    [t('timeLeft'), (d) => countdown(d.nextDeadlineAt)],
  ], shown) : h('p', {}, t('nothing'));
  const paging = h('div', { class: 'row' },
    state.cursors.length ? h('button', { type: 'button', class: 'secondary',
      onclick: () => redraw({ cursors: state.cursors.slice(0, -1) }) }, t('previous')) : null,
    page.next ? h('button', { type: 'button', class: 'secondary',
      onclick: () => redraw({ cursors: [...state.cursors, page.next] }) }, t('more')) : null);
  fill(main, h('h1', {}, t('disputes')), filters, rows, paging);
  startTicking();
}

export async function disputeDetail(main, id, notice) {
  let dispute;
  try {
    dispute = await getJson(`/disputes/${encodeURIComponent(id)}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
    return;
  }
  const facts = h('dl', {},
    [['order', dispute.orderId], ['customer', dispute.customerId], ['channel', dispute.channel],
      ['reason', dispute.reason],
      ['amount', dispute.amount && money(dispute.amount.amount, dispute.amount.currency)],
      ['status', t(`st_${dispute.status}`)], ['outcome', dispute.resolution], ['at', time(dispute.openedAt)]]
      .filter(([, value]) => value).map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));
  const evidence = (format) => async () => {
    const response = await call('GET', `/disputes/${encodeURIComponent(id)}/evidence?format=${format}`, undefined,
      { asBlob: true });
    if (response.ok) download(`evidence-${id}.${format}`, response.body);
    else document.getElementById('status').textContent = `${t('failed')}: HTTP ${response.status}`;
  };
  fill(main, 
    h('p', {}, h('a', { href: '#/disputes' }, `← ${t('back')}`)),
    h('h1', {}, `${t('dispute')} ${dispute.disputeId}`),
    notice ? h('p', { class: 'ok', role: 'status' }, notice) : null,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-label': t('dispute') }, facts,
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'secondary', onclick: evidence('html') }, t('evidenceHtml')),
          h('button', { type: 'button', class: 'secondary', onclick: evidence('json') }, t('evidenceJson')))),
      memberCard(dispute.member)),
    h('h2', {}, t('deadlines')),
    dispute.deadlines.length ? table([
      [t('nextDeadline'), (d) => d.label || d.name],
      [t('due'), (d) => time(d.due)],
      [t('timeLeft'), (d) => countdown(d.due)],
      [t('responsible'), (d) => d.responsible],
    ], dispute.deadlines) : h('p', {}, t('nothing')),
    h('h2', {}, t('actions')),
    actions(main, dispute),
    h('h2', {}, t('history')),
    table([
      [t('at'), (e) => time(e.at)],
      [t('kind'), (e) => e.kind],
      [t('outcome'), (e) => e.outcome],
      [t('actor'), (e) => e.actor || ''],
      [t('details'), (e) => Object.entries(e.details || {}).map(([k, v]) => `${k}: ${v}`).join('; ')],
      [t('messages'), (e) => (e.messages || []).map((m) => `${m.template} → ${m.to}`).join(', ')],
    ], dispute.history));
  startTicking();
}

function memberCard(member) {
  const card = h('section', { class: 'card', 'aria-label': t('member') }, h('h2', {}, t('member')));
  if (!member || !member.known) {
    card.append(h('p', {}, t('unknownMember')));
    return card;
  }
  card.append(h('dl', {}, [['name', member.name], ['customer', member.customerId], ['phone', member.phone],
    ['email', member.email], ['status', member.status], ['tier', member.tier],
    ['memberSince', time(member.memberSince)],
    ['orders', member.orderCount], ['spend', money(member.lifetimeSpend)], ['points', member.points],
    ['lastOrder', time(member.lastOrderAt)], ['refunds', member.refundCount]]
    .filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
  h('p', {}, h('a', { href: `#/members/${encodeURIComponent(member.customerId)}` }, t('viewMember'))));
  return card;
}

/** The four actions, each a small form; a refusal's reason is shown in words beside it. */
function actions(main, dispute) {
  const form = (name, action, fields, body) => {
    const message = h('p', { class: 'error', role: 'alert' });
    const key = crypto.randomUUID();
    const element = h('form', { class: 'card', dataset: { action }, onsubmit: async (event) => {
      event.preventDefault();
      const response = await call('POST', `/disputes/${encodeURIComponent(dispute.disputeId)}/${action}`,
        body(new FormData(element)), { idempotencyKey: key });
      if (response.ok) disputeDetail(main, dispute.disputeId, t('saved'));
      else message.textContent = `${t('refused')}: ${reasonOf(parse(response.body), response.status)}`;
    } }, h('h3', {}, t(name)), h('div', { class: 'row' }, fields,
      h('button', { type: 'submit' }, t('save'))), message);
    return element;
  };
  const text = (key, name, required) => h('label', {}, t(key),
    h('textarea', { name, rows: 2, cols: 30, required, maxlength: 2000 }));
  const currency = dispute.amount ? dispute.amount.currency : undefined;
  return h('div', { class: 'grid' },
    form('accept', 'accept', [text('note', 'note')], (d) => (d.get('note') ? { note: d.get('note') } : {})),
    form('reject', 'reject', [
      h('label', {}, `${t('refund')} (${currency || ''})`,
        h('input', { type: 'number', name: 'refund', min: 0, step: '0.01', required: true })),
      h('label', {}, h('span', {}, t('returnGoods')), h('input', { type: 'checkbox', name: 'returnGoods' })),
      text('proposalText', 'text')],
    (d) => ({ counterProposal: { refund: { amount: minor(d.get('refund'), currency), currency },
      returnGoods: d.get('returnGoods') === 'on', ...(d.get('text') ? { text: d.get('text') } : {}) } })),
    form('confirmReceipt', 'confirm-receipt', [text('note', 'note')],
      (d) => (d.get('note') ? { note: d.get('note') } : {})),
    form('addNote', 'notes', [text('note', 'text', true)], (d) => ({ text: d.get('text') })));
}
