// Korean and English (GET /api/messages, from the bundles the CLI can share): the language of the address bar's
// lang=, else the browser's (the documents are Korean), switchable at the top of the page.
export function chosenLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ko' || asked === 'en') return asked;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export async function applyLanguage(lang) {
  const response = await fetch('/api/messages?lang=' + encodeURIComponent(lang));
  if (!response.ok) return;
  const { messages } = await response.json();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = messages[el.dataset.i18n];
    if (text) el.textContent = text;
  }
  document.body.dataset.lang = lang;
}
