// Members: search by id, e-mail or phone, and the member view (profile, status, tier and why, RFM inputs,
// points and ledger, orders, journeys in progress, mail, open disputes), with the membership's history and, for
// admins, the operators' actions (freeze, unfreeze, cancel, restore, a tier override, a points adjustment, with
// a reason; a refusal's reason is shown in words). Every member text goes in as a text node (dom.js), never as markup.
import { call, getJson, parse, reasonOf, user } from './api.js';
import { endOfDay, fill, h, money, table, time } from './dom.js';
import { addWords, t } from './i18n.js';

addWords({
  'zh-CN': {
    members: '会员', memberSearch: '查找会员', searchBy: '查找方式', byId: '客户号', byEmail: '邮箱', byPhone: '电话',
    searchValue: '查找内容', find: '查找', noMember: '没有找到会员', matches: '找到 {n} 位会员',
    backToSearch: '返回查找', profile: '资料', locale: '语言', timeZone: '时区', birthday: '生日', country: '国家/地区',
    contactPreference: '联系偏好', referrer: '推荐人', consentGiven: '已同意（{at}）', consentWithdrawn: '已撤回（{at}）',
    membership: '会籍', statusChanged: '状态变更', statusReason: '原因', tierWhy: '等级依据',
    tier_spend: '近 365 天净消费 {spend} 达到 {tier} 的门槛。', tier_held: '{at} 的付款使其达到 {tier}，保留到 {until}；'
      + '近 365 天净消费现为 {spend}。', tier_base: '近 365 天净消费 {spend}，未达到任何等级门槛。',
    tier_none: '还不是会员（没有注册，也没有符合条件的订单）。', heldUntil: '保留到', nextTier: '下一等级',
    toGo: '还差 {spend} 可升至 {tier}', ladder: '等级门槛', threshold: '门槛（近 365 天净消费）',
    rfm: 'RFM', recency: '最近一次购买（天前）', frequency: '购买次数', monetary: '累计净消费',
    rfmNotScored: '该会员尚未评分（尚无已付款订单，或刚刚付款）；此处为档案中的原始数据。',
    rfmScores: 'RFM 评分（R-F-M）', segment: '分群', audiences: '人群', pointsTitle: '积分', balance: '余额',
    available: '可用', reserved: '已预留', expiring: '即将过期', lastDay: '最后可用日', never: '永不过期',
    ledger: '积分明细', sequence: '序号', balanceAfter: '变动后余额', source: '来源', ordersTitle: '订单',
    state: '状态', paid: '付款', paidAt: '付款时间', refunded: '已退款', journeys: '进行中的旅程',
    winBack: '沉睡唤醒', episode: '本轮起点', winBackEnded: '会员已再次下单，本轮结束', skipped: '未发送',
    openCarts: '未结购物车', cart: '购物车', lines: '件数', total: '金额', updated: '更新时间',
    remindersSent: '已发提醒', nextGreeting: '下一次祝福', greetings: '祝福', mail: '已发邮件', journey: '旅程',
    delivered: '已送达', bounced: '退信', openDisputes: '未结争议', openedAt: '发起时间', loadMore: '加载更多',
    viewMember: '查看会员页', none: '无', st_paid: '已付款', st_placed: '已下单',
    st_cancelled: '已取消', st_refunded: '已退款', ms_active: '正常', ms_frozen: '冻结', ms_cancelled: '已注销',
    ms_none: '非会员', k_earned: '下单获得', k_birthday_bonus: '生日加倍', k_member_day_bonus: '会员日加倍', k_referral: '推荐奖励',
    k_adjustment: '人工调整', k_returned: '退回', k_redeemed: '兑换', k_expired: '过期', k_reversed: '冲回',
    statusHistory: '会籍变更记录', changedBy: '操作人', memberAction: '会籍操作', action: '操作', actionReason: '原因',
    doAction: '执行', a_freeze: '冻结', a_unfreeze: '解冻', a_cancel: '注销', a_restore: '恢复',
    a_tier: '调整等级', overrideTier: '等级（仅调整等级）', overrideUntil: '保留到（含当天，仅调整等级）',
    tier_override: '{at} 由 {by} 人工设为 {tier}，保留到 {until}（原因：{reason}）；之后按消费规则。',
    actionSent: '已提交：{action}', actionRepeated: '该请求已执行过：{action}',
    a_points: '调整积分', adjustPoints: '积分（正数增加，负数扣减；仅调整积分）',
  },
  en: {
    members: 'Members', memberSearch: 'Find a member', searchBy: 'Find by', byId: 'Customer id', byEmail: 'E-mail',
    byPhone: 'Phone', searchValue: 'Look for', find: 'Find', noMember: 'No member found', matches: '{n} members found',
    backToSearch: 'Back to the search', profile: 'Profile', locale: 'Language', timeZone: 'Time zone',
    birthday: 'Birthday', country: 'Country', contactPreference: 'Contact preference', referrer: 'Referred by',
    consentGiven: 'given ({at})', consentWithdrawn: 'withdrawn ({at})', membership: 'Membership',
    statusChanged: 'Status changed', statusReason: 'Reason', tierWhy: 'Why this tier',
    tier_spend: 'Net spend over the last 365 days, {spend}, reaches the threshold of {tier}.',
    tier_held: 'A payment on {at} qualified for {tier}, held until {until}; net spend over the last 365 days is '
      + 'now {spend}.', tier_base: 'Net spend over the last 365 days, {spend}, reaches no tier threshold.',
    tier_none: 'Not a member yet (no registration and no qualifying order).', heldUntil: 'Held until',
    nextTier: 'Next tier', toGo: '{spend} more to reach {tier}', ladder: 'Tier thresholds',
    threshold: 'Threshold (net spend, 365 days)', rfm: 'RFM', recency: 'Days since the last order',
    frequency: 'Orders', monetary: 'Lifetime net spend',
    rfmNotScored: 'Not scored yet (no paid order, or one paid moments ago); these are the archive\u2019s raw inputs.',
    rfmScores: 'RFM scores (R-F-M)', segment: 'Segment', audiences: 'Audiences',
    pointsTitle: 'Points', balance: 'Balance', available: 'Available', reserved: 'Reserved', expiring: 'Expiring',
    lastDay: 'Last usable day', never: 'never', ledger: 'Points ledger', sequence: 'No.',
    balanceAfter: 'Balance after', source: 'Source', ordersTitle: 'Orders', state: 'State', paid: 'Paid',
    paidAt: 'Paid at', refunded: 'Refunded', journeys: 'Journeys in progress', winBack: 'Win-back',
    episode: 'Episode from', winBackEnded: 'The member ordered again: this episode has ended', skipped: 'Not sent',
    openCarts: 'Open carts', cart: 'Cart', lines: 'Lines', total: 'Total', updated: 'Updated',
    remindersSent: 'Reminders sent', nextGreeting: 'Next greeting', greetings: 'Greetings', mail: 'Mail',
    journey: 'Journey', delivered: 'Delivered', bounced: 'Bounced', openDisputes: 'Open disputes',
    openedAt: 'Opened', loadMore: 'Load more', viewMember: 'Open the member page',
    none: 'none', st_paid: 'Paid', st_placed: 'Placed', st_cancelled: 'Cancelled', st_refunded: 'Refunded',
    ms_active: 'Active', ms_frozen: 'Frozen', ms_cancelled: 'Cancelled', ms_none: 'Not a member',
    k_earned: 'Earned', k_birthday_bonus: 'Birthday bonus', k_member_day_bonus: 'Member day bonus', k_referral: 'Referral', k_adjustment: 'Adjustment',
    k_returned: 'Returned', k_redeemed: 'Redeemed', k_expired: 'Expired', k_reversed: 'Reversed',
    statusHistory: 'Membership history', changedBy: 'By', memberAction: 'Membership action', action: 'Action',
    actionReason: 'Reason', doAction: 'Apply', a_freeze: 'Freeze', a_unfreeze: 'Unfreeze', a_cancel: 'Cancel',
    a_restore: 'Restore', actionSent: 'Sent: {action}', actionRepeated: 'Already applied: {action}',
    a_tier: 'Set the tier', overrideTier: 'Tier (set the tier only)',
    overrideUntil: 'Until (inclusive; set the tier only)',
    tier_override: 'Set to {tier} by {by} on {at}, held until {until} (reason: {reason}); then the spend rule.',
    a_points: 'Adjust points', adjustPoints: 'Points (positive adds, negative takes; adjust points only)',
  },
});

const SEARCHES = [['id', 'byId', 'text'], ['email', 'byEmail', 'email'], ['phone', 'byPhone', 'tel']];
let lastSearch = { by: 'email', value: '' };

const enc = encodeURIComponent;
const failure = (error) => h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`);
const pairs = (rows) => h('dl', {}, rows.filter(([, value]) => value !== undefined && value !== null && value !== '')
  .map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));

/** The search: by id, e-mail or phone; one member found opens their page, several are listed. */
export async function membersPage(main, search = lastSearch) {
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'row', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    lastSearch = { by: data.get('by'), value: String(data.get('value') || '').trim() };
    await find(results, lastSearch, true);
  } },
  h('label', {}, t('searchBy'), h('select', { name: 'by' },
    SEARCHES.map(([by, key]) => h('option', { value: by, selected: by === search.by }, t(key))))),
  h('label', {}, t('searchValue'), h('input', { type: 'search', name: 'value', value: search.value, required: true,
    autocomplete: 'off', maxlength: 254 })),
  h('button', { type: 'submit' }, t('find')));
  fill(main, h('h1', {}, t('memberSearch')), form, results);
  // Back on the search, the last one's members are listed again (without opening a single one's page). Not
  // awaited: the page is ready for the keyboard at once, and the list arrives in its live region.
  if (search.value) find(results, search, false);
}

async function find(results, search, open) {
  fill(results, h('p', {}, t('loading')));
  let found;
  try {
    found = await getJson(`/members?${new URLSearchParams({ [search.by]: search.value })}`);
  } catch (error) {
    fill(results, failure(error));
    return;
  }
  if (open && found.members.length === 1) {
    location.hash = `#/members/${enc(found.members[0].customerId)}`;
    return;
  }
  fill(results, found.members.length ? [h('p', {}, t('matches', { n: found.members.length })), table([
    [t('customer'), (m) => h('a', { href: `#/members/${enc(m.customerId)}` }, m.customerId)],
    [t('name'), (m) => m.name || ''],
    [t('status'), (m) => t(`ms_${m.status}`)],
    [t('tier'), (m) => m.tier || ''],
    [t('lastOrder'), (m) => time(m.lastOrderAt)],
  ], found.members)] : h('p', {}, t('noMember')));
}

/** One member's page; {@code notice} says what an action just did. */
export async function memberPage(main, id, notice) {
  let view;
  try {
    view = await getJson(`/members/${enc(id)}`);
  } catch (error) {
    fill(main, h('p', {}, h('a', { href: '#/members' }, `← ${t('backToSearch')}`)),
      error.status === 404 ? h('p', { role: 'alert' }, t('noMember')) : failure(error));
    return;
  }
  const p = view.profile;
  fill(main,
    h('p', {}, h('a', { href: '#/members' }, `← ${t('backToSearch')}`)),
    h('h1', {}, p.name ? `${p.name} · ${view.customerId}` : view.customerId),
    notice ? h('p', { class: 'ok', role: 'status', tabindex: '-1' }, notice) : null,
    h('div', { class: 'grid' },
      section('profile', pairs([['customer', view.customerId], ['name', p.name], ['email', p.email],
        ['phone', p.phone], ['locale', p.locale], ['timeZone', p.timeZone], ['birthday', p.birthday],
        ['country', p.country], ['contactPreference', p.contactPreference],
        ['consent', p.marketingConsent && t(p.marketingConsent.granted ? 'consentGiven' : 'consentWithdrawn',
          { at: time(p.marketingConsent.at) })], ['referrer', p.referrerId]])),
      section('membership', membership(view)),
      section('rfm', rfm(view.rfm))),
    section('statusHistory', history(view.membership.history || []), memberAction(main, view)),
    section('pointsTitle', points(view)),
    section('ordersTitle', orders(view)),
    section('journeys', journeys(view.journeys)),
    section('mail', mail(view)),
    section('openDisputes', view.disputes.length ? table([
      [t('dispute'), (d) => h('a', { href: `#/disputes/${enc(d.disputeId)}` }, d.disputeId)],
      [t('status'), (d) => (d.status ? t(`st_${d.status}`) : '')],
      [t('order'), (d) => d.orderId || ''],
      [t('reason'), (d) => d.reason || ''],
      [t('amount'), (d) => (d.amount ? money(d.amount.amount, d.amount.currency) : ''), 'num'],
      [t('openedAt'), (d) => time(d.openedAt)],
    ], view.disputes) : h('p', {}, t('nothing'))));
}

function section(title, ...content) {
  return h('section', { class: 'card', 'aria-label': t(title) }, h('h2', {}, t(title)), content);
}

function membership(view) {
  const m = view.membership;
  const tier = view.tier;
  const spend = money(tier.trailingYearSpend.amount, tier.trailingYearSpend.currency);
  const by = tier.override || {};
  const why = t(`tier_${tier.basis}`, { spend, tier: tier.name || '', at: time(tier.qualifiedAt || by.setAt),
    until: time(tier.heldUntil), by: by.actor || '', reason: by.reason || '' });
  return [pairs([['status', t(`ms_${m.status}`)], ['memberSince', time(m.memberSince)],
    ['statusChanged', time(m.changedAt)], ['statusReason', m.reason], ['tier', tier.name || t('none')],
    ['tierWhy', why], ['heldUntil', time(tier.heldUntil)],
    ['nextTier', tier.next && t('toGo', { spend: money(tier.next.spendToGo.amount, tier.next.spendToGo.currency),
      tier: tier.next.tier })]]),
  h('details', {}, h('summary', {}, t('ladder')), table([
    [t('tier'), (l) => l.tier],
    [t('threshold'), (l) => money(l.threshold, tier.trailingYearSpend.currency), 'num'],
  ], tier.ladder))];
}

function history(entries) {
  return entries.length ? table([
    [t('at'), (e) => time(e.at)],
    [t('status'), (e) => t(`ms_${e.status}`)],
    [t('actionReason'), (e) => e.reason || ''],
    [t('changedBy'), (e) => e.actor || ''],
  ], entries) : h('p', {}, t('nothing'));
}

/**
 * An admin's action on the membership or the points (a signed adjustment): the action, a reason (required), and a
 * request key made once per form,
 * so that sending again after a lost answer is the same action. A refusal's reason is shown beside the form.
 */
function memberAction(main, view) {
  const who = user();
  if (!who || !who.groups.includes('admins')) return null;
  const message = h('p', { class: 'error', role: 'alert' });
  const requestKey = crypto.randomUUID();
  const form = h('form', { class: 'row', dataset: { form: 'member-action' }, onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const action = String(data.get('action'));
    const until = String(data.get('until') || '');
    const request = { action, requestKey, reason: String(data.get('reason') || '').trim(),
      ...(action === 'tier' ? { tier: data.get('tier'), ...(until ? { until: endOfDay(until) } : {}) } : {}),
      ...(action === 'points' ? { points: Number(data.get('points') || 0) } : {}) };
    const response = await call('POST', `/members/${enc(view.customerId)}/actions`, request);
    const body = parse(response.body);
    if (response.ok) {
      await memberPage(main, view.customerId,
        t(response.status === 202 ? 'actionSent' : 'actionRepeated', { action: t(`a_${action}`) }));
      main.querySelector('[role=status]')?.focus();
    } else {
      message.textContent = `${t('refused')}: ${reasonOf(body, response.status)}`;
    }
  } },
  h('label', {}, t('action'), h('select', { name: 'action' },
    ['freeze', 'unfreeze', 'cancel', 'restore', 'tier', 'points']
      .map((a) => h('option', { value: a }, t(`a_${a}`))))),
  h('label', {}, t('overrideTier'), h('select', { name: 'tier' },
    view.tier.ladder.map((level) => h('option', { value: level.tier }, level.tier)))),
  h('label', {}, t('overrideUntil'), h('input', { type: 'date', name: 'until' })),
  h('label', {}, t('adjustPoints'), h('input', { type: 'number', name: 'points', step: 1, min: -1000000,
    max: 1000000 })),
  h('label', {}, t('actionReason'), h('input', { type: 'text', name: 'reason', required: true, maxlength: 500,
    autocomplete: 'off' })),
  h('button', { type: 'submit' }, t('doAction')));
  return h('div', {}, h('h3', {}, t('memberAction')), form, message);
}

function rfm(values) {
  return [pairs([['recency', values.recencyDays ?? t('none')], ['frequency', values.frequency],
    ['monetary', money(values.monetary.amount, values.monetary.currency)],
    ['rfmScores', values.scored ? `${values.scores.r}-${values.scores.f}-${values.scores.m}` : null],
    ['segment', values.segment], ['audiences', (values.audiences || []).join(', ') || null]]),
  values.scored ? null : h('p', { class: 'muted' }, t('rfmNotScored'))];
}

/** A table whose rows grow by pages: "Load more" fetches the next page and appends it, focus staying in place. */
function paged(columns, first, itemsOf, nextOf, load) {
  const holder = h('div');
  const rows = [...itemsOf(first)];
  let next = nextOf(first);
  const draw = () => {
    const more = next ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        const page = await getJson(load(next));
        rows.push(...itemsOf(page));
        next = nextOf(page);
        draw();
        holder.querySelector('button')?.focus();
      } catch (error) {
        holder.append(failure(error));
      }
    } }, t('loadMore')) : null;
    fill(holder, rows.length ? table(columns, rows) : h('p', {}, t('nothing')), h('div', { class: 'row' }, more));
  };
  draw();
  return holder;
}

function points(view) {
  const pts = view.points;
  return [pairs([['balance', pts.balance], ['available', pts.available], ['reserved', pts.reserved],
    ['expiring', pts.expiring.map((lot) => `${lot.points} → ${lot.lastDay || t('never')}`).join(', ') || t('none')]]),
  h('h3', {}, t('ledger')),
  paged([
    [t('at'), (e) => time(e.recordedAt)],
    [t('kind'), (e) => t(`k_${e.kind}`)],
    [t('pointsTitle'), (e) => (e.points > 0 ? `+${e.points}` : String(e.points)), 'num'],
    [t('balanceAfter'), (e) => e.balanceAfter, 'num'],
    [t('source'), (e) => e.source],
    [t('reason'), (e) => [e.reason, e.actor].filter(Boolean).join(' · ')],
  ], pts, (page) => page.entries, (page) => page.next,
  (next) => `/members/${enc(view.customerId)}/points?before=${enc(next)}`)];
}

function orders(view) {
  return paged([
    [t('order'), (o) => o.orderId],
    [t('state'), (o) => t(`st_${o.state}`)],
    [t('paidAt'), (o) => time(o.paidAt)],
    [t('paid'), (o) => (o.paid ? money(o.paid.amount, o.paid.currency) : ''), 'num'],
    [t('refunded'), (o) => (o.refunded.amount ? money(o.refunded.amount, o.refunded.currency) : ''), 'num'],
    [t('pointsTitle'), (o) => o.points ?? '', 'num'],
  ], view.orders, (page) => page.items, (page) => page.next,
  (next) => `/members/${enc(view.customerId)}/orders?next=${enc(next)}`);
}

function mail(view) {
  return paged([
    [t('at'), (m) => time(m.settledAt)],
    [t('journey'), (m) => m.journey],
    [t('template'), (m) => m.template],
    [t('status'), (m) => [m.status, m.reason].filter(Boolean).join(' · ')],
    [t('delivered'), (m) => time(m.deliveredAt)],
    [t('bounced'), (m) => time(m.bouncedAt)],
  ], view.mail, (page) => page.items, (page) => page.next,
  (next) => `/members/${enc(view.customerId)}/mail?next=${enc(next)}`);
}

function journeys(j) {
  const winBack = j.winBack;
  return [
    h('h3', {}, t('winBack')),
    winBack ? [pairs([['episode', time(winBack.episode)]]),
      winBack.ended ? h('p', { class: 'muted' }, t('winBackEnded')) : null,
      table([
        [t('step'), (s) => s.step],
        [t('enteredAt'), (s) => time(s.enteredAt)],
        [t('coupon'), (s) => s.couponCode || ''],
        [t('skipped'), (s) => s.skipped || ''],
      ], winBack.steps)] : h('p', {}, t('nothing')),
    h('h3', {}, t('openCarts')),
    j.carts.length ? table([
      [t('cart'), (c) => c.cartId],
      [t('updated'), (c) => time(c.updatedAt)],
      [t('lines'), (c) => c.lineCount ?? '', 'num'],
      [t('total'), (c) => (c.total ? money(c.total.amount, c.total.currency) : ''), 'num'],
      [t('remindersSent'), (c) => c.reminders.join(', ')],
    ], j.carts) : h('p', {}, t('nothing')),
    h('h3', {}, t('greetings')),
    pairs([['nextGreeting', j.nextGreeting && `${j.nextGreeting.kind} · ${j.nextGreeting.localDate}`]]),
    j.greetings.length ? table([
      [t('kind'), (g) => g.kind],
      [t('localDate'), (g) => g.localDate],
      [t('at'), (g) => time(g.greetAt)],
    ], j.greetings) : h('p', {}, t('nothing')),
  ];
}
