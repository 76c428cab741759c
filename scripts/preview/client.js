// The live preview's client (served only by `kia preview`, never published): reloads the page
// when the server rebuilt it, shows build errors as an overlay over the last good page, and
// offers the PDF on demand (link in the bar, or the key P).
(() => {
  const slug = document.documentElement.dataset.previewSlug;
  const bar = document.createElement('div');
  bar.id = 'kia-preview-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Voorbeeldweergave');
  bar.innerHTML =
    '<span>Voorbeeld · wordt bijgewerkt bij opslaan</span> <a id="kia-preview-pdf" target="_blank" rel="noopener">PDF maken (P)</a> <span id="kia-preview-status" role="status"></span>';
  bar.querySelector('a').href = `/__kia/pdf/${slug}`;
  document.body.prepend(bar);
  const status = bar.querySelector('#kia-preview-status');

  let overlay;
  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'kia-preview-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.innerHTML =
        '<h2>De pagina kon niet worden bijgewerkt</h2><p>Hieronder de fouten; u ziet de laatste goede versie.</p><pre></pre><button type="button">Sluiten</button>';
      overlay.querySelector('button').addEventListener('click', () => overlay.remove());
      document.body.append(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }

  const events = new EventSource('/__kia/events');
  events.addEventListener('reload', (event) => {
    const data = JSON.parse(event.data);
    if (data.slug !== slug && data.slug !== '*') return;
    sessionStorage.setItem('kia-preview-scroll', String(window.scrollY));
    location.reload();
  });
  events.addEventListener('failed', (event) => {
    const data = JSON.parse(event.data);
    if (data.slug === slug) showErrors(data.report);
  });
  events.addEventListener('open', () => {
    status.textContent = '';
  });
  events.addEventListener('error', () => {
    status.textContent = 'Verbinding met kia preview verbroken';
  });
  const scroll = sessionStorage.getItem('kia-preview-scroll');
  if (scroll) {
    sessionStorage.removeItem('kia-preview-scroll');
    window.scrollTo(0, Number(scroll));
  }
  if (document.documentElement.hasAttribute('data-preview-errors'))
    fetch(`/__kia/errors/${slug}`)
      .then((response) => response.text())
      .then((text) => text && showErrors(text));
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'p' || event.key === 'P') && !event.ctrlKey && !event.metaKey && !event.altKey) window.open(`/__kia/pdf/${slug}`, '_blank', 'noopener');
  });
})();
