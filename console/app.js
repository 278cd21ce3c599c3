// The console: sign-in, the pages each group may see, the language switch. Pages: the dispute desk and
// customer mail (agents), the follow-up lists, the follow-up answers, results, template previews, broadcasts and
// engagement (marketers); admins see all, and the reputation guard.
import { loadConfig, signIn, signOut, user } from './api.js';
import { configure, fill, h } from './dom.js';
import { LANGUAGES, lang, setLang, t } from './i18n.js';
import { disputeDetail, disputeQueue } from './disputes.js';
import { careDetail, careQueue } from './caremail.js';
import { memberPage, membersPage } from './members.js';
import { followUpList, referralList } from './lists.js';
import { feedbackPage } from './feedback.js';
import { resultsPage } from './results.js';
import { templatesPage } from './templates.js';
import { broadcastDetail, broadcastsPage } from './broadcasts.js';
import { engagementPage, reputationPage } from './reputation.js';

// Each page: its route, its title key, the groups that may open it, and how to draw it. A page with a
// detail (#/disputes/<id>, #/care/<id>, #/members/<id>, #/broadcasts/<id>) names how to draw one item.
const PAGES = [
  { route: 'disputes', title: 'disputes', groups: ['agents', 'admins'], draw: disputeQueue, detail: disputeDetail },
  { route: 'care', title: 'careMail', groups: ['agents', 'admins'], draw: (m) => careQueue(m), detail: careDetail },
  { route: 'members', title: 'members', groups: ['agents', 'admins'], draw: membersPage, detail: memberPage },
  { route: 'lists/birthdays', title: 'birthdays', groups: ['marketers', 'admins'],
    draw: (m) => followUpList(m, 'birthdays') },
  { route: 'lists/dormant', title: 'dormant', groups: ['marketers', 'admins'],
    draw: (m) => followUpList(m, 'dormant') },
  { route: 'lists/referrals', title: 'referrals', groups: ['marketers', 'admins'], draw: (m) => referralList(m) },
  { route: 'order-feedback', title: 'orderFeedback', groups: ['marketers', 'admins'], draw: (m) => feedbackPage(m) },
  { route: 'results', title: 'results', groups: ['marketers', 'admins'], draw: resultsPage },
  { route: 'templates', title: 'templates', groups: ['marketers', 'admins'], draw: templatesPage },
  { route: 'broadcasts', title: 'broadcasts', groups: ['marketers', 'admins'], draw: broadcastsPage,
    detail: broadcastDetail },
  { route: 'engagement', title: 'engagement', groups: ['marketers', 'admins'], draw: engagementPage },
  { route: 'reputation', title: 'reputation', groups: ['admins'], draw: reputationPage },
];

const main = document.getElementById('main');
let config;

function allowed(page, who) {
  return who && page.groups.some((group) => who.groups.includes(group));
}

function header(who, route) {
  document.getElementById('skip').textContent = t('skip');
  const switchTo = LANGUAGES.find((l) => l !== lang());
  const langButton = document.getElementById('lang');
  langButton.textContent = t('switchTo');
  langButton.setAttribute('lang', switchTo);
  document.getElementById('zone').textContent = `${t('timesIn')}: ${config.storeTimeZone}`;
  document.getElementById('who').textContent = who ? `${who.name} (${who.groups.join(', ')})` : '';
  const out = document.getElementById('signout');
  out.hidden = !who;
  out.textContent = t('signOut');
  const nav = document.getElementById('nav');
  fill(nav, ...PAGES.filter((page) => allowed(page, who)).map((page) => h('a', {
    href: `#/${page.route}`, 'aria-current': route.startsWith(page.route) ? 'page' : undefined }, t(page.title))));
}

function signInForm(step = {}) {
  const field = (key, type, name) => h('label', {}, t(key), h('input', { type, name, required: true,
    autocomplete: type === 'password' ? 'current-password' : 'username' }));
  const message = h('p', { class: 'error', role: 'alert' });
  const fields = !step.challenge ? [field('username', 'text', 'username'), field('password', 'password', 'password')]
    : step.challenge === 'NEW_PASSWORD_REQUIRED' ? [field('newPassword', 'password', 'value')]
      : [step.secret ? h('p', {}, t('mfaSecret'), ' ', h('code', {}, step.secret)) : null,
        h('label', {}, t('mfaCode'), h('input', { name: 'value', inputmode: 'numeric',
          autocomplete: 'one-time-code', required: true }))];
  const form = h('form', { class: 'signin', onsubmit: async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    try {
      const next = await signIn({ ...step, ...data });
      if (next.signedIn) route();
      else fill(main, signInForm(next));
    } catch (error) {
      message.textContent = `${t('signInFailed')}: ${error.message}`;
    }
  } }, h('h1', {}, t('signIn')), fields,
  h('button', { type: 'submit' }, step.challenge ? t('continue') : t('signIn')), message);
  return form;
}

async function route() {
  const who = user();
  const path = location.hash.replace(/^#\/?/, '');
  header(who, path);
  document.getElementById('status').textContent = '';
  if (!who) {
    fill(main, signInForm());
    main.querySelector('input')?.focus();
    return;
  }
  const visible = PAGES.filter((page) => allowed(page, who));
  const detail = path.match(/^(disputes|members|care|broadcasts)\/([^/]+)$/);
  const page = PAGES.find((p) => p.route === (detail ? detail[1] : path));
  if (!page || !allowed(page, who)) {
    if (page || !visible.length) {
      fill(main, h('p', { class: 'error' }, t('forbidden')));
      return;
    }
    location.hash = `#/${visible[0].route}`;
    return;
  }
  // Each visit draws into a view of its own: a slower earlier visit finishing late draws into a detached view.
  const view = h('div', {}, h('p', {}, t('loading')));
  fill(main, view);
  if (detail) await page.detail(view, decodeURIComponent(detail[2]));
  else await page.draw(view);
  if (view.isConnected) main.focus();
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(LANGUAGES.find((l) => l !== lang()));
  route();
});
document.getElementById('signout').addEventListener('click', () => {
  signOut();
  location.hash = '';
  route();
});
window.addEventListener('hashchange', route);
window.addEventListener('storecrm:signed-out', route);

config = await loadConfig();
configure(config);

setLang(lang());
route();
