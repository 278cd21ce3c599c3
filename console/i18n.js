// The console's words in zh-CN and en; the choice is remembered in this browser.
const WORDS = {
  'zh-CN': {
    skip: '跳到正文', switchTo: 'English', signOut: '退出', signIn: '登录', username: '用户名', password: '密码',
    newPassword: '新密码', mfaCode: '验证码（身份验证器应用）', mfaSecret: '在身份验证器应用中添加此密钥：',
    continue: '继续', signInFailed: '登录失败', timesIn: '时间均为店铺时区',
    disputes: '争议处理', lists: '回访名单', birthdays: '本月生日会员', dormant: '沉睡会员唤醒', results: '效果',
    templates: '模板预览', loading: '加载中…', nothing: '没有记录', refused: '未执行', failed: '请求失败',
    forbidden: '你的账号组无权查看此页', status: '状态', allOpen: '全部未结', channel: '渠道', all: '全部',
    search: '搜索订单号或客户号', dispute: '争议', order: '订单', customer: '客户', reason: '原因', amount: '金额',
    nextDeadline: '下一个期限', timeLeft: '剩余', left: '剩余 {t}', overdue: '已超时 {t}', more: '下一页',
    previous: '上一页', back: '返回队列', deadlines: '期限', history: '历史', member: '会员概要', unknownMember: '档案中没有此客户',
    actions: '操作', accept: '接受买家方案', reject: '拒绝并提出方案', confirmReceipt: '确认收到退货', addNote: '添加备注',
    note: '备注', refund: '退款金额', returnGoods: '需要退货', proposalText: '方案说明', save: '提交', done: '已完成',
    evidenceHtml: '下载证据（HTML）', evidenceJson: '下载证据（JSON）', at: '时间', kind: '事件', outcome: '结果',
    actor: '操作人', details: '详情', messages: '消息', responsible: '负责方', due: '截止', breached: '已超时',
    name: '姓名', phone: '电话', email: '邮箱', tier: '等级', orders: '订单数', spend: '累计消费', points: '积分',
    lastOrder: '最近下单', refunds: '退款次数', memberSince: '入会时间', month: '月份', show: '显示',
    downloadCsv: '下载 CSV（全部）', markCall: '记录回访', followUp: '回访', callOutcome: '回访结果',
    lunarDate: '农历',
    localDate: '日期', greeted: '已祝福', coupon: '优惠券', couponUsed: '已使用', contact: '联系方式', consent: '营销同意',
    step: '阶段', enteredAt: '进入时间', message: '消息', cameBack: '已回购',
    reached: '已联系上', no_answer: '无人接听', call_back: '约定回电', declined: '拒绝', wrong_number: '号码错误',
    from: '从', to: '到', wakeUp: '各阶段唤醒率', sent: '已发送', woken: '被唤醒', rate: '唤醒率', revenue: '收入',
    carts: '购物车挽回（每日）', abandoned: '放弃', reminded: '已提醒', heldOut: '对照组（未发）', heldOutRecovered: '对照组下单', heldOutRevenue: '对照组营收', couponsIssued: '发券', recovered: '挽回',
    recoveredRevenue: '挽回收入', couponCost: '优惠成本', day: '日期', template: '模板', language: '语言',
    rows: '{n} 行', downloaded: '已下载 {n} 行', saved: '已保存',
    st_awaiting_seller_confirmation: '待卖家确认', st_negotiating: '协商中', st_awaiting_return_shipment: '待买家退货',
    st_awaiting_return_receipt: '待确认收货', st_escalated: '平台介入', st_resolved: '已解决', st_closed: '已关闭',
    // list exports
    exportAll: '导出全部（CSV 文件链接）', exporting: '正在导出…', exportingFor: '正在导出…（{s} 秒）', exported: '已导出 {n} 行，链接有效至 {t}',
  },
  en: {
    skip: 'Skip to content', switchTo: '中文', signOut: 'Sign out', signIn: 'Sign in', username: 'User name',
    password: 'Password', newPassword: 'New password', mfaCode: 'Code (authenticator app)',
    mfaSecret: 'Add this key to your authenticator app:', continue: 'Continue', signInFailed: 'Sign-in failed',
    timesIn: 'Times in the store\u2019s time zone', disputes: 'Dispute desk', lists: 'Follow-up lists',
    birthdays: 'Birthdays this month', dormant: 'Dormant members', results: 'Results', templates: 'Templates',
    loading: 'Loading…', nothing: 'Nothing here', refused: 'Refused', failed: 'Request failed',
    forbidden: 'Your group may not see this page', status: 'Status', allOpen: 'All open', channel: 'Channel',
    all: 'All', search: 'Search order or customer id', dispute: 'Dispute', order: 'Order', customer: 'Customer',
    reason: 'Reason', amount: 'Amount', nextDeadline: 'Next deadline', timeLeft: 'Time left', left: '{t} left',
    overdue: 'overdue by {t}', more: 'Next page', previous: 'Previous page', back: 'Back to the queue',
    deadlines: 'Deadlines', history: 'History', member: 'Member summary',
    unknownMember: 'The archive does not know this customer',
    actions: 'Actions', accept: 'Accept the buyer\u2019s proposal', reject: 'Reject with a counter-proposal',
    confirmReceipt: 'Confirm the return arrived', addNote: 'Add a note', note: 'Note', refund: 'Refund',
    returnGoods: 'Goods to be returned', proposalText: 'Proposal text', save: 'Submit', done: 'Done',
    evidenceHtml: 'Evidence bundle (HTML)', evidenceJson: 'Evidence bundle (JSON)', at: 'When', kind: 'What',
    outcome: 'Outcome', actor: 'By', details: 'Details', messages: 'Messages', responsible: 'Responsible',
    due: 'Due', breached: 'breached', name: 'Name', phone: 'Phone', email: 'E-mail', tier: 'Tier', orders: 'Orders',
    spend: 'Lifetime spend', points: 'Points', lastOrder: 'Last order', refunds: 'Refunds', memberSince: 'Member since',
    month: 'Month', show: 'Show', downloadCsv: 'Download CSV (whole list)', markCall: 'Mark call',
    lunarDate: 'Lunar date',
    followUp: 'Follow-up', callOutcome: 'Call outcome', localDate: 'Date', greeted: 'Greeted', coupon: 'Coupon',
    couponUsed: 'Used', contact: 'Contact by', consent: 'Consent', step: 'Step', enteredAt: 'Entered',
    message: 'Message', cameBack: 'Came back', reached: 'Reached', no_answer: 'No answer', call_back: 'Call back',
    declined: 'Declined', wrong_number: 'Wrong number', from: 'From', to: 'To', wakeUp: 'Wake-up rate per step',
    sent: 'Sent', woken: 'Woken', rate: 'Rate', revenue: 'Revenue', carts: 'Cart recovery per day',
    abandoned: 'Abandoned', reminded: 'Reminded', heldOut: 'Held out', heldOutRecovered: 'Held out, ordered', heldOutRevenue: 'Held-out revenue', couponsIssued: 'Coupons', recovered: 'Recovered',
    recoveredRevenue: 'Recovered revenue', couponCost: 'Coupon cost', day: 'Day', template: 'Template',
    language: 'Language', rows: '{n} rows', downloaded: '{n} rows downloaded', saved: 'Saved',
    st_awaiting_seller_confirmation: 'Awaiting seller', st_negotiating: 'Negotiating',
    st_awaiting_return_shipment: 'Awaiting return shipment', st_awaiting_return_receipt: 'Awaiting return receipt',
    st_escalated: 'Escalated', st_resolved: 'Resolved', st_closed: 'Closed',
    // list exports
    exportAll: 'Export all (CSV file link)', exporting: 'Exporting…', exportingFor: 'Exporting… ({s} s)', exported: '{n} rows exported; link valid until {t}',
  },
};

export const LANGUAGES = Object.keys(WORDS);
const remembered = localStorage.getItem('storecrm.lang');
let current = LANGUAGES.includes(remembered) ? remembered : 'zh-CN';

export function lang() {
  return current;
}

export function setLang(next) {
  current = next;
  localStorage.setItem('storecrm.lang', next);
  document.documentElement.lang = next;
}

/** The word for a key in the current language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const word = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return word.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Adds a page's own words ({ 'zh-CN': {...}, en: {...} }), so that each page keeps its words beside it. */
export function addWords(words) {
  for (const [language, entries] of Object.entries(words)) Object.assign(WORDS[language], entries);
}
