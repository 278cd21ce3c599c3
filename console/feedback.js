// The members' answers to the post-purchase follow-up (GET /order-feedback): did the order meet the need, the rating
// and the comment, a period at a time, only the yes or the no if asked, page by page with the API's cursor, the whole
// period as CSV, and a summary of the page shown. Comments are the customers' own words: text, never markup.
import { getJson } from './api.js';
import { fill, h, table, time } from './dom.js';
import { addWords, t } from './i18n.js';
import { downloadPages } from './lists.js';

addWords({
  'zh-CN': {
    orderFeedback: '购后回访答复', answeredAt: '答复时间', answerMember: '会员', met: '满足需求', rating: '评分',
    comment: '留言', via: '方式',
    metYes: '是', metNo: '否', via_link: '邮件一键答复', via_form: '答复页表单', metAll: '全部答复',
    onlyYes: '只看“是”', onlyNo: '只看“否”', pageSummary: '本页汇总（{n} 条答复）', shareMet: '满足需求占比',
    averageRating: '平均评分', ratedOf: '{n} 条有评分', noRating: '无评分',
    summaryNote: '汇总只计本页显示的答复；整个时段请下载 CSV。',
  },
  en: {
    orderFeedback: 'Follow-up answers', answeredAt: 'Answered', answerMember: 'Member', met: 'Met the need',
    rating: 'Rating', comment: 'Comment', via: 'Via', metYes: 'Yes', metNo: 'No', via_link: 'One click in the mail',
    via_form: 'Form on the page', metAll: 'All answers', onlyYes: 'Only “yes”', onlyNo: 'Only “no”',
    pageSummary: 'This page ({n} answers)', shareMet: 'Share that met the need', averageRating: 'Average rating',
    ratedOf: '{n} rated', noRating: 'no rating',
    summaryNote: 'The summary counts the answers this page shows; download the CSV for the whole period.',
  },
});

const PAGE = 100;
/** Rows a page when the whole period is downloaded (the API's largest page). */
const CSV_PAGE = 1000;

/** #/order-feedback: state {from, to, met, cursors} (the cursors of the pages before this one). */
export async function feedbackPage(main, state = {}) {
  const cursors = state.cursors || [];
  const met = state.met || '';
  // Without a period the API serves the last 30 days of the store's calendar, and names them in the file name.
  const query = new URLSearchParams({ format: 'json', limit: String(PAGE) });
  if (state.from) query.set('from', state.from);
  if (state.to) query.set('to', state.to);
  if (met) query.set('met', met);
  if (cursors.length) query.set('next', cursors.at(-1));
  let page;
  try {
    page = await getJson(`/order-feedback?${query}`);
  } catch (error) {
    fill(main, h('h1', {}, t('orderFeedback')), h('p', { class: 'error', role: 'alert' },
      `${t('failed')}: ${error.message}`), h('button', { type: 'button', class: 'secondary',
      onclick: () => feedbackPage(main, {}) }, t('show')));
    return;
  }
  const [, from, to] = page.fileName.match(/(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})/) || [];
  const redraw = async (change, focus) => {
    await feedbackPage(main, { from, to, met, cursors, ...change });
    main.querySelector(focus)?.focus();
  };
  const status = h('span', { class: 'muted', role: 'status' });
  const filter = h('form', { class: 'row', dataset: { form: 'order-feedback' }, onsubmit: (event) => {
    event.preventDefault();
    const data = new FormData(filter);
    redraw({ from: data.get('from'), to: data.get('to'), met: data.get('met'), cursors: [] }, 'h1');
  } },
  h('label', {}, t('from'), h('input', { type: 'date', name: 'from', value: from, required: true })),
  h('label', {}, t('to'), h('input', { type: 'date', name: 'to', value: to, required: true })),
  h('label', {}, t('met'), h('select', { name: 'met' }, [['', 'metAll'], ['yes', 'onlyYes'], ['no', 'onlyNo']]
    .map(([value, key]) => h('option', { value, selected: value === met }, t(key))))),
  h('button', { type: 'submit' }, t('show')),
  h('button', { type: 'button', class: 'secondary', onclick: () => downloadPages('/order-feedback',
    met ? { from, to, met } : { from, to }, `order-feedback-${from}-to-${to}${met ? `-${met}` : ''}.csv`, status,
    CSV_PAGE) }, t('downloadCsv')),
  status);
  const columns = [
    [t('answeredAt'), (r) => time(r.answeredAt)],
    [t('order'), (r) => r.orderId],
    [t('answerMember'), (r) => r.customerId],
    [t('met'), (r) => t(r.met === 'yes' ? 'metYes' : 'metNo'), 'met'],
    [t('rating'), (r) => r.rating, 'num'],
    [t('comment'), (r) => (r.comment ? h('span', { class: 'comment' }, r.comment) : '')],
    [t('via'), (r) => t(`via_${r.via}`)],
  ];
  fill(main,
    h('h1', { tabindex: '-1' }, t('orderFeedback')),
    filter,
    summary(page.rows),
    page.rows.length ? table(columns, page.rows) : h('p', {}, t('nothing')),
    h('div', { class: 'row' },
      cursors.length ? h('button', { type: 'button', class: 'secondary', dataset: { page: 'previous' },
        onclick: () => redraw({ cursors: cursors.slice(0, -1) }, '[data-page=previous], [data-page=next]') },
      t('previous')) : null,
      page.next ? h('button', { type: 'button', class: 'secondary', dataset: { page: 'next' },
        onclick: () => redraw({ cursors: [...cursors, page.next] }, '[data-page=next], [data-page=previous]') },
      t('more')) : null));
}

/** The share that met the need and the average rating of the rows shown (the rated ones), with their counts. */
function summary(rows) {
  const yes = rows.filter((r) => r.met === 'yes').length;
  const ratings = rows.map((r) => r.rating).filter((r) => r !== '' && r !== undefined && r !== null).map(Number);
  const average = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
  return h('section', { 'aria-labelledby': 'feedback-summary', class: 'card' },
    h('h2', { id: 'feedback-summary' }, t('pageSummary', { n: rows.length })),
    h('dl', { class: 'counts' },
      h('dt', {}, t('shareMet')),
      h('dd', { class: 'num', dataset: { figure: 'share-met' } },
        rows.length ? `${(100 * yes / rows.length).toFixed(1)}% (${yes} / ${rows.length})` : '–'),
      h('dt', {}, t('averageRating')),
      h('dd', { class: 'num', dataset: { figure: 'average-rating' } },
        average === null ? t('noRating') : `${average.toFixed(2)} (${t('ratedOf', { n: ratings.length })})`)),
    h('p', { class: 'muted' }, t('summaryNote')));
}
