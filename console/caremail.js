// Customer mail: the queue of open conversations by category with each answer deadline counting down, a
// conversation's thread with the member summary and recent orders, and the reply box with the saved replies.
import { call, getJson, parse, reasonOf } from './api.js';
import { fill, h, money, table, time } from './dom.js';
import { addWords, lang, t } from './i18n.js';
import { countdown, startTicking } from './disputes.js';

addWords({
  'zh-CN': {
    careMail: '客户邮件', conversation: '会话', category: '分类', subject: '主题', urgent: '紧急', answerBy: '答复期限',
    thread: '往来邮件与历史', reply: '回复', savedReply: '常用回复', insert: '插入', replyText: '回复内容（可编辑）',
    sendClose: '发送并关闭', sendWait: '发送并等待客户回复', closeOnly: '关闭（不回复）', recentOrders: '最近订单',
    customerLang: '客户语言', sentClosed: '已发送回复并关闭会话', sentWaiting: '已发送回复，等待客户回复',
    closedOnly: '会话已关闭', conversationStatus: '会话状态', cs_open: '待答复', cs_waiting: '等待客户', cs_closed: '已关闭',
    notMember: '发件人不是会员', earlierEntries: '更早的邮件与历史未显示（只显示最近 200 条）', k_message: '客户来信', k_received: '收到', k_replied: '已回复', k_waiting: '等待客户',
    k_closed: '已关闭', k_reopened: '重新打开', k_reminded: '已提醒', k_escalated: '已升级', 'k_deadline-moved': '期限已调整',
    cat_complaint: '投诉', cat_returns: '退货退款', cat_delivery: '物流配送', cat_invoice: '发票', cat_product: '商品咨询',
    cat_other: '其他', chars: '{n} / {max} 字',
  },
  en: {
    careMail: 'Customer mail', conversation: 'Conversation', category: 'Category', subject: 'Subject',
    urgent: 'Urgent', answerBy: 'Answer by', thread: 'Thread and history', reply: 'Reply', savedReply: 'Saved reply',
    insert: 'Insert', replyText: 'Reply (editable)', sendClose: 'Send and close',
    sendWait: 'Send and wait for the customer', closeOnly: 'Close without a reply', recentOrders: 'Recent orders',
    customerLang: 'Customer\u2019s language', sentClosed: 'Reply sent; conversation closed',
    sentWaiting: 'Reply sent; waiting for the customer', closedOnly: 'Conversation closed',
    conversationStatus: 'Conversation', cs_open: 'Awaiting our answer', cs_waiting: 'Waiting for the customer',
    cs_closed: 'Closed', notMember: 'The sender is not a member',
    earlierEntries: 'Earlier mail and history are not shown (the newest 200 entries are)', k_message: 'Customer mail', k_received: 'Received',
    k_replied: 'Replied', k_waiting: 'Waiting', k_closed: 'Closed', k_reopened: 'Reopened', k_reminded: 'Reminded',
    k_escalated: 'Escalated', 'k_deadline-moved': 'Deadline moved', cat_complaint: 'Complaint',
    cat_returns: 'Returns and refunds', cat_delivery: 'Delivery', cat_invoice: 'Invoice',
    cat_product: 'Product question', cat_other: 'Other', chars: '{n} / {max} characters',
  },
});

const CATEGORIES = ['complaint', 'returns', 'delivery', 'invoice', 'product', 'other'];
const MAX_TEXT = 10000;
const enc = encodeURIComponent;
const category = (name) => (CATEGORIES.includes(name) ? t(`cat_${name}`) : name);
// What the last action did, said once on the queue it returns to.
let said;
const failure = (error) => h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`);

/** The queue: open conversations, nearest answer deadline first, filtered by category. */
export async function careQueue(main, state = { category: '' }) {
  const notice = said;
  said = undefined;
  const query = new URLSearchParams({ limit: '100' });
  if (state.category) query.set('category', state.category);
  let page;
  try {
    page = await getJson(`/care/conversations?${query}`);
  } catch (error) {
    fill(main, h('h1', {}, t('careMail')), failure(error));
    return;
  }
  const filter = h('form', { class: 'row', onsubmit: (e) => e.preventDefault() },
    h('label', {}, t('category'), h('select', { name: 'category',
      onchange: (e) => careQueue(main, { category: e.target.value }) },
    h('option', { value: '' }, t('all')),
    CATEGORIES.map((c) => h('option', { value: c, selected: c === state.category }, category(c))))));
  const rows = page.conversations.length ? table([
    [t('conversation'), (c) => h('a', { href: `#/care/${enc(c.conversationId)}` }, c.subject || c.conversationId)],
    [t('category'), (c) => category(c.category)],
    [t('urgent'), (c) => (c.urgent ? h('strong', { class: 'overdue' }, t('urgent')) : '')],
    [t('email'), (c) => c.email],
    [t('answerBy'), (c) => time(c.answerBy)],
    [t('timeLeft'), (c) => countdown(c.answerBy)],
  ], page.conversations) : h('p', {}, t('nothing'));
  fill(main, h('h1', {}, t('careMail')),
    notice ? h('p', { class: 'ok', role: 'status' }, notice) : null, filter, rows);
  startTicking();
}

/** One conversation: its facts, the member, the thread, and the reply box. */
export async function careDetail(main, id) {
  let conversation;
  let saved;
  try {
    [conversation, saved] = await Promise.all([getJson(`/care/conversations/${enc(id)}`),
      getJson(`/care/saved-replies?conversationId=${enc(id)}`)]);
  } catch (error) {
    fill(main, h('p', {}, h('a', { href: '#/care' }, `← ${t('back')}`)), failure(error));
    return;
  }
  const c = conversation;
  const facts = h('dl', {}, [['subject', c.subject], ['email', c.email], ['category', category(c.category)],
    ['urgent', c.urgent ? t('urgent') : ''], ['order', c.orderId], ['conversationStatus', t(`cs_${c.status}`)],
    ['customerLang', c.locale], ['answerBy', c.status === 'open' ? time(c.answerBy) : '']]
    .filter(([, v]) => v).map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  fill(main,
    h('p', {}, h('a', { href: '#/care' }, `← ${t('back')}`)),
    h('h1', {}, `${t('conversation')}: ${c.subject}`),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-label': t('conversation') }, facts,
        c.status === 'open' ? h('p', {}, countdown(c.answerBy)) : null),
      await memberCard(c.customerId)),
    h('h2', {}, t('thread')),
    c.earlierEntries ? h('p', { class: 'muted' }, t('earlierEntries')) : null,
    h('ol', { class: 'thread' }, c.thread.map((e) => h('li', { class: `entry ${e.kind}` },
      h('p', { class: 'muted' }, `${time(e.at)} · ${t(`k_${e.kind}`)}`),
      h('pre', { class: 'mail' }, e.text)))),
    c.status === 'closed' ? null : replyBox(c, saved.savedReplies));
  startTicking();
}

async function memberCard(customerId) {
  const card = h('section', { class: 'card', 'aria-label': t('member') }, h('h2', {}, t('member')));
  if (!customerId) {
    card.append(h('p', {}, t('notMember')));
    return card;
  }
  try {
    const view = await getJson(`/members/${enc(customerId)}`);
    const p = view.profile;
    card.append(h('dl', {}, [['name', p.name], ['customer', view.customerId], ['email', p.email],
      ['phone', p.phone], ['tier', view.tier && view.tier.name]]
      .filter(([, v]) => v).map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
    h('h3', {}, t('recentOrders')),
    view.orders.items.length ? table([
      [t('order'), (o) => o.orderId],
      [t('paidAt'), (o) => time(o.paidAt)],
      [t('paid'), (o) => (o.paid ? money(o.paid.amount, o.paid.currency) : ''), 'num'],
    ], view.orders.items.slice(0, 5)) : h('p', {}, t('nothing')),
    h('p', {}, h('a', { href: `#/members/${enc(view.customerId)}` }, t('viewMember'))));
  } catch (error) {
    card.append(failure(error));
  }
  return card;
}

/** The reply box: a saved reply of the category inserted in the customer's language, edited, then sent. */
function replyBox(c, saved) {
  const mine = saved.filter((r) => r.category === c.category);
  const others = saved.filter((r) => r.category !== c.category);
  const language = c.locale === 'zh-CN' ? 'zh-CN' : 'en';
  const text = h('textarea', { id: 'reply-text', name: 'text', rows: 8, cols: 70, maxlength: MAX_TEXT,
    lang: language });
  const counter = h('span', { class: 'muted', 'aria-live': 'polite' });
  const count = () => { counter.textContent = t('chars', { n: text.value.length, max: MAX_TEXT }); };
  text.addEventListener('input', count);
  count();
  const pick = h('select', { id: 'saved-reply', name: 'saved' },
    [...mine, ...others].map((r) => h('option', { value: r.id },
      `${category(r.category)} · ${r.title[lang()] || r.title.en}`)));
  const insert = () => {
    const chosen = saved.find((r) => r.id === pick.value);
    if (!chosen) return;
    const at = text.selectionStart ?? text.value.length;
    text.value = text.value.slice(0, at) + chosen.text[language] + text.value.slice(text.selectionEnd ?? at);
    count();
    text.focus();
  };
  const message = h('p', { class: 'error', role: 'alert' });
  const requestKey = crypto.randomUUID();
  const buttons = [];
  const act = (path, body, done) => async () => {
    if (body && !text.value.trim()) {
      message.textContent = `${t('refused')}: ${t('replyText')}`;
      text.focus();
      return;
    }
    buttons.forEach((b) => { b.disabled = true; });
    const response = await call('POST', `/care/conversations/${enc(c.conversationId)}/${path}`,
      body ? body() : {});
    if (response.ok) {
      said = t(done);
      location.hash = '#/care';
      return;
    }
    buttons.forEach((b) => { b.disabled = false; });
    message.textContent = `${t('refused')}: ${reasonOf(parse(response.body), response.status)}`;
  };
  const reply = (close) => () => ({ text: text.value, close, requestKey });
  buttons.push(
    h('button', { type: 'button', id: 'send-close', onclick: act('replies', reply(true), 'sentClosed') },
      t('sendClose')),
    h('button', { type: 'button', id: 'send-wait', class: 'secondary',
      onclick: act('replies', reply(false), 'sentWaiting') }, t('sendWait')),
    h('button', { type: 'button', id: 'close-only', class: 'secondary', onclick: act('close', null, 'closedOnly') },
      t('closeOnly')));
  return h('section', { class: 'card', 'aria-label': t('reply') }, h('h2', {}, t('reply')),
    h('div', { class: 'row' }, h('label', { for: 'saved-reply' }, t('savedReply'), pick),
      h('button', { type: 'button', class: 'secondary', id: 'insert-saved', onclick: insert }, t('insert'))),
    h('label', { for: 'reply-text' }, t('replyText'), text), counter,
    h('div', { class: 'row' }, buttons), message);
}
