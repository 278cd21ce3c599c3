// Broadcasts for marketers and admins (docs/campaigns.md#broadcasts): the store's broadcasts newest first, each with
// its status, audience, counts and lift line, and on its own page what the sender did with its mail (sent, not
// sent and why, waiting); define one (an RFM segment or audience, or a list of members; one
// template or A/B variants with their split; the send window in each member's own time; a coupon; the holdout),
// start it, watch its counts, cancel it. A refusal is shown in the API's words.
import { call, getJson, now, parse, reasonOf } from './api.js';
import { fill, h, table, time } from './dom.js';
import { addWords, t } from './i18n.js';
import { isoWeek, liftRows, roiText } from './lift.js';
import { outcomeName } from './mail.js';

addWords({
  'zh-CN': {
    broadcasts: '群发活动', newBroadcast: '新建群发', openBroadcast: '打开群发', campaignId: '活动编号',
    campaignName: '活动名称', audienceKind: '受众', bSegment: 'RFM 分群', audienceRule: 'RFM 受众', memberList: '会员名单',
    audienceValue: '分群、受众或会员编号（以空格或逗号分隔）', variant: '版本', share: '占比（%）', headline: '标题',
    bodyText: '正文', link: '链接', windowStart: '开始（会员当地时间）', windowEnd: '结束（会员当地时间）',
    couponValue: '优惠券（如 CNY:1000 或 10%，可空）', couponDays: '有效天数', holdout: '对照组比例（%，可空）',
    define: '保存草稿', start: '开始发送', cancelBroadcast: '取消群发', refresh: '刷新', counts: '计数',
    audienceMembers: '已读取会员', notFound: '档案中没有', queued: '已排队', pagesDone: '已完成页数',
    createdBy: '创建人', cancelledBy: '取消人', finishedAt: '完成时间', secondVariant: '加入 B 版本（A/B 测试）',
    bs_draft: '草稿', bs_scheduled: '已排期', bs_sending: '发送中', bs_sent: '已发送', bs_cancelled: '已取消',
    allBroadcasts: '全部群发', createdAt: '创建时间', audienceSize: '受众', moreBroadcasts: '更多群发',
    sentMail: '已发出', notSentMail: '未发出', liftLine: '增量转化（95% 区间）', noBroadcasts: '还没有群发',
    liftNotYet: '尚无', memberCount: '{n} 位会员', waitingMail: '待发送（未到窗口、免打扰或频次上限）',
    whyNotSentBroadcast: '未发出原因', allVariants: '合计',
  },
  en: {
    broadcasts: 'Broadcasts', newBroadcast: 'New broadcast', openBroadcast: 'Open a broadcast',
    campaignId: 'Campaign id', campaignName: 'Name', audienceKind: 'Audience', bSegment: 'RFM segment',
    audienceRule: 'RFM audience', memberList: 'Member list',
    audienceValue: 'Segment, audience or member ids (separated by spaces or commas)', variant: 'Variant',
    share: 'Share (%)', headline: 'Headline', bodyText: 'Message', link: 'Link',
    windowStart: 'Start (member\u2019s local time)', windowEnd: 'End (member\u2019s local time)',
    couponValue: 'Coupon (e.g. CNY:1000 or 10%, optional)', couponDays: 'Valid days',
    holdout: 'Holdout (%, optional)', define: 'Save the draft', start: 'Start', cancelBroadcast: 'Cancel the broadcast',
    refresh: 'Refresh', counts: 'Counts', audienceMembers: 'Members read', notFound: 'Not in the archive',
    queued: 'Queued', pagesDone: 'Pages done', createdBy: 'Created by', cancelledBy: 'Cancelled by',
    finishedAt: 'Finished', secondVariant: 'Add a variant B (A/B test)',
    bs_draft: 'Draft', bs_scheduled: 'Scheduled', bs_sending: 'Sending', bs_sent: 'Sent', bs_cancelled: 'Cancelled',
    allBroadcasts: 'The store\u2019s broadcasts', createdAt: 'Created', audienceSize: 'Audience',
    moreBroadcasts: 'More broadcasts', sentMail: 'Sent', notSentMail: 'Not sent',
    liftLine: 'Incremental conversions (95 % interval)', noBroadcasts: 'No broadcasts yet', liftNotYet: 'not yet',
    memberCount: '{n} members', waitingMail: 'Waiting (before the window, quiet hours or the cap)',
    whyNotSentBroadcast: 'Why mail was not sent', allVariants: 'All',
  },
});

const enc = encodeURIComponent;
const LOCALES = ['zh-CN', 'en'];

function field(label, name, attrs = {}) {
  return h('label', {}, t(label), h('input', { name, ...attrs }));
}

function variantFields(letter, required) {
  return h('fieldset', { class: 'variant' }, h('legend', {}, `${t('variant')} ${letter}`),
    field('share', `share${letter}`, { type: 'number', min: 1, max: 100, value: letter === 'A' ? 100 : 50,
      required }),
    LOCALES.map((locale) => h('div', { class: 'row', lang: locale },
      field('headline', `headline${letter}.${locale}`, { required: required && locale === 'zh-CN', maxlength: 2000 }),
      field('bodyText', `message${letter}.${locale}`, { required: required && locale === 'zh-CN', maxlength: 2000 }),
      field('link', `link${letter}.${locale}`, { type: 'url', maxlength: 2000 }))));
}

/** The definition the API takes, from the form. */
function definition(data) {
  const value = (name) => String(data.get(name) || '').trim();
  const audience = value('audience');
  const kind = value('audienceKind');
  const variants = ['A', 'B'].filter((v) => v === 'A' || data.get('withB')).map((v) => ({
    name: v, share: Number(value(`share${v}`)),
    content: Object.fromEntries(LOCALES.filter((l) => value(`headline${v}.${l}`) || value(`message${v}.${l}`))
      .map((l) => [l, Object.fromEntries([['headline', value(`headline${v}.${l}`)],
        ['message', value(`message${v}.${l}`)], ['link', value(`link${v}.${l}`)]].filter(([, x]) => x))])),
  }));
  return {
    campaignId: value('campaignId'), name: value('name') || undefined,
    audience: kind === 'members' ? { members: audience.split(/[\s,]+/).filter(Boolean) } : { [kind]: audience },
    variants, window: { start: value('start'), end: value('end') },
    coupon: value('coupon') ? { value: value('coupon'), validDays: Number(value('couponDays') || 14) } : undefined,
    holdoutPercent: value('holdout') || undefined,
  };
}

/** A broadcast's audience in words: its segment or audience, or the size of its member list. */
function audienceText(audience) {
  if (audience.segment) return `${t('bSegment')}: ${audience.segment}`;
  if (audience.audience) return `${t('audienceRule')}: ${audience.audience}`;
  return t('memberCount', { n: audience.members });
}

/** A lift line in words: incremental conversions (low to high), ROI. */
function liftText(line) {
  if (!line || line.incrementalConversions === '') return t('liftNotYet');
  const range = `${line.incrementalConversionsLow} – ${line.incrementalConversionsHigh}`;
  return `${line.incrementalConversions} (${range}); ${t('roi')} ${roiText(line)}`;
}

/**
 * The lift lines of the broadcasts (journey broadcast, one step per campaign), from the week of the oldest
 * broadcast shown to this week (at most the 13 weeks the API reads at once). An unreadable report leaves them out.
 */
async function liftLines(broadcasts) {
  if (!broadcasts.length) return new Map();
  const today = new Date(now()).toISOString().slice(0, 10);
  const oldest = broadcasts.map((b) => b.createdAt.slice(0, 10)).sort()[0];
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - 84);
  const from = [oldest, first.toISOString().slice(0, 10)].sort()[1];
  try {
    const rows = await liftRows({ from: isoWeek(from), to: isoWeek(today) }, 'step');
    return new Map(rows.filter((r) => r.journey === 'broadcast').map((r) => [r.step, r]));
  } catch {
    return new Map();
  }
}

/** The store's broadcasts, newest first, a page at a time ("More broadcasts" adds the next page). */
async function broadcastList() {
  const section = h('section', { 'aria-labelledby': 'broadcast-list' },
    h('h2', { id: 'broadcast-list' }, t('allBroadcasts')));
  const shown = [];
  const body = h('div', {});
  const more = h('button', { type: 'button', class: 'secondary', hidden: true });
  let next = '';
  const load = async () => {
    let page;
    try {
      page = await getJson(`/broadcasts?${new URLSearchParams(next ? { limit: '20', next } : { limit: '20' })}`);
    } catch (error) {
      fill(body, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`));
      return;
    }
    shown.push(...page.broadcasts);
    next = page.next || '';
    const lift = await liftLines(shown);
    const queued = (b) => Object.values(b.counts.queued || {}).reduce((a, n) => a + n, 0);
    fill(body, shown.length ? table([
      [t('campaignId'), (b) => h('a', { href: `#/broadcasts/${enc(b.campaignId)}` }, b.campaignId)],
      [t('campaignName'), (b) => b.name || ''], [t('status'), (b) => t(`bs_${b.status}`)],
      [t('createdAt'), (b) => time(b.createdAt)], [t('audienceSize'), (b) => audienceText(b.audience)],
      [t('audienceMembers'), (b) => String(b.counts.members), 'num'],
      [t('heldOut'), (b) => String(b.counts.heldOut), 'num'], [t('notFound'), (b) => String(b.counts.notFound), 'num'],
      [t('queued'), (b) => String(queued(b)), 'num'],
      [t('sentMail'), (b) => lift.get(b.campaignId)?.sent ?? '–', 'num'],
      [t('notSentMail'), (b) => lift.get(b.campaignId)?.skipped ?? '–', 'num'],
      [t('liftLine'), (b) => liftText(lift.get(b.campaignId))]], shown) : h('p', {}, t('noBroadcasts')));
    more.hidden = !next;
  };
  more.textContent = t('moreBroadcasts');
  more.addEventListener('click', load);
  await load();
  section.append(body, more);
  return section;
}

/** #/broadcasts: the store's broadcasts; define a broadcast, or open one by its id. */
export async function broadcastsPage(main) {
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'broadcast', onsubmit: async (event) => {
    event.preventDefault();
    message.textContent = '';
    const response = await call('POST', '/broadcasts', definition(new FormData(form)));
    const body = parse(response.body);
    if (response.ok) location.hash = `#/broadcasts/${enc(body.campaignId)}`;
    else message.textContent = `${t('refused')}: ${reasonOf(body, response.status)}`;
  } },
  h('h2', {}, t('newBroadcast')),
  h('div', { class: 'row' }, field('campaignId', 'campaignId', { required: true, pattern: '[a-z0-9][a-z0-9\\-]{0,63}',
    placeholder: 'spring-teas-2027' }), field('campaignName', 'name', { maxlength: 200 })),
  h('div', { class: 'row' }, h('label', {}, t('audienceKind'), h('select', { name: 'audienceKind' },
    h('option', { value: 'segment' }, t('bSegment')), h('option', { value: 'audience' }, t('audienceRule')),
    h('option', { value: 'members' }, t('memberList')))),
  h('label', {}, t('audienceValue'), h('textarea', { name: 'audience', rows: 2, required: true }))),
  variantFields('A', true),
  h('label', {}, h('input', { type: 'checkbox', name: 'withB', onchange: (e) => {
    form.querySelector('.variant-b').hidden = !e.target.checked;
    form.elements['shareA'].value = e.target.checked ? 50 : 100;
  } }), ' ', t('secondVariant')),
  h('div', { class: 'variant-b', hidden: true }, variantFields('B', false)),
  h('div', { class: 'row' }, field('windowStart', 'start', { type: 'datetime-local', required: true }),
    field('windowEnd', 'end', { type: 'datetime-local', required: true })),
  h('div', { class: 'row' }, field('couponValue', 'coupon', { maxlength: 20 }),
    field('couponDays', 'couponDays', { type: 'number', min: 1, max: 365, value: 14 }),
    field('holdout', 'holdout', { type: 'number', min: 0, max: 50 })),
  h('button', { type: 'submit' }, t('define')), message);
  const open = h('form', { class: 'row', onsubmit: (event) => {
    event.preventDefault();
    location.hash = `#/broadcasts/${enc(new FormData(open).get('id').trim())}`;
  } }, h('label', {}, t('campaignId'), h('input', { name: 'id', required: true })),
  h('button', { type: 'submit' }, t('openBroadcast')));
  fill(main, h('h1', {}, t('broadcasts')), await broadcastList(), open, form);
}

/**
 * Why the broadcast's mail was not sent: each reason in words (the Results page's), in all and per variant, most
 * frequent first; nothing while every message went or waits.
 */
function whyNotSent(delivery) {
  const reasons = Object.entries(delivery.notSent || {}).sort((a, b) => b[1] - a[1]);
  if (!reasons.length) return null;
  const variants = Object.keys(delivery.variants || {});
  return h('section', { class: 'why-not-sent', 'aria-labelledby': 'why-not-sent' },
    h('h2', { id: 'why-not-sent' }, t('whyNotSentBroadcast')),
    table([[t('reason'), ([code]) => outcomeName(code)], [t('allVariants'), ([, n]) => String(n), 'num'],
      ...variants.map((v) => [`${t('variant')} ${v}`,
        ([code]) => String(delivery.variants[v].notSent?.[code] ?? 0), 'num'])], reasons));
}

/** #/broadcasts/<id>: the broadcast's status, counts and delivery (why mail was not sent), with start and cancel. */
export async function broadcastDetail(main, campaignId, notice = '') {
  let b;
  try {
    b = await getJson(`/broadcasts/${enc(campaignId)}`);
  } catch (error) {
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('failed')}: ${error.message}`),
      h('p', {}, h('a', { href: '#/broadcasts' }, t('broadcasts'))));
    return;
  }
  const message = h('p', { class: 'error', role: 'alert' });
  const act = (action) => async () => {
    const response = await call('POST', `/broadcasts/${enc(campaignId)}/${action}`);
    if (response.ok) await broadcastDetail(main, campaignId, t('done'));
    else message.textContent = `${t('refused')}: ${reasonOf(parse(response.body), response.status)}`;
  };
  const counts = b.counts || {};
  const delivery = b.delivery || { sent: 0, notSent: {}, waiting: 0, variants: {} };
  const notSent = (figures) => Object.values(figures.notSent || {}).reduce((a, n) => a + n, 0);
  const line = (await liftLines([b])).get(b.campaignId);
  const rows = [[t('status'), t(`bs_${b.status}`)], [t('audienceMembers'), counts.members ?? 0],
    [t('heldOut'), counts.heldOut ?? 0], [t('notFound'), counts.notFound ?? 0],
    ...Object.entries(counts.queued || {}).map(([v, n]) => [`${t('queued')} (${t('variant')} ${v})`, n]),
    [t('sentMail'), delivery.sent], [t('notSentMail'), notSent(delivery)], [t('waitingMail'), delivery.waiting],
    [t('liftLine'), liftText(line)],
    [t('pagesDone'), b.pagesDone ?? 0], [t('createdBy'), b.createdBy || ''],
    ...(b.finishedAt ? [[t('finishedAt'), time(b.finishedAt)]] : []),
    ...(b.cancelledBy ? [[t('cancelledBy'), b.cancelledBy]] : [])];
  fill(main, h('p', {}, h('a', { href: '#/broadcasts' }, t('broadcasts'))),
    h('h1', {}, b.name || b.campaignId, ' ', h('small', {}, b.campaignId)),
    h('p', { role: 'status' }, notice),
    h('dl', { class: 'counts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', { class: 'num' }, String(v))])),
    whyNotSent(delivery),
    h('p', {}, `${b.window.start} – ${b.window.end}`),
    h('div', { class: 'row' },
      b.status === 'draft' ? h('button', { type: 'button', onclick: act('schedule') }, t('start')) : null,
      ['draft', 'scheduled', 'sending'].includes(b.status)
        ? h('button', { type: 'button', class: 'danger', onclick: act('cancel') }, t('cancelBroadcast')) : null,
      h('button', { type: 'button', onclick: () => broadcastDetail(main, campaignId) }, t('refresh'))),
    message);
}
