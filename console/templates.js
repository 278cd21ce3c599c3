// A preview of every e-mail template in each language with its sample data, rendered exactly as the
// sender renders it (./dev preview), shown in a sandboxed frame.
import { fill, h } from './dom.js';
import { t } from './i18n.js';

export async function templatesPage(main) {
  const response = await fetch('templates/index.json', { cache: 'no-store' });
  const previews = response.ok ? await response.json() : [];
  const frame = h('iframe', { sandbox: '', title: t('templates') });
  const subject = h('p', { class: 'muted' });
  const select = h('select', { name: 'preview', onchange: () => show(select.value) },
    previews.map((p, i) => h('option', { value: i }, `${p.template} · ${p.locale}`)));
  const show = (i) => {
    const preview = previews[i];
    if (!preview) return;
    frame.src = `templates/${preview.html}`;
    subject.textContent = preview.subject;
  };
  fill(main, h('h1', {}, t('templates')),
    previews.length ? h('div', { class: 'row' }, h('label', {}, `${t('template')} / ${t('language')}`, select))
      : h('p', {}, t('nothing')),
    subject, frame);
  show(0);
}
