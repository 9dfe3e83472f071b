// Korean and English (GET /api/messages, from the bundles the CLI can share): the language of the address bar's
// lang=, else the browser's (the documents are Korean), switchable at the top of the page. Every sentence the page
// writes goes through t(key, ...arguments), whose {0}, {1}, … are filled in.
let messages = {};

export function chosenLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ko' || asked === 'en') return asked;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function t(key, ...args) {
  const text = messages[key];
  if (text === undefined) return key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}

export async function applyLanguage(lang) {
  const response = await fetch('/api/messages?lang=' + encodeURIComponent(lang));
  if (!response.ok) return;
  messages = (await response.json()).messages;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = messages[el.dataset.i18n];
    if (text) el.textContent = text;
  }
  for (const el of document.querySelectorAll('[data-i18n-title]')) {
    const text = messages[el.dataset.i18nTitle];
    if (text) { el.title = text; el.setAttribute('aria-label', text); }
  }
  document.body.dataset.lang = lang;
}
