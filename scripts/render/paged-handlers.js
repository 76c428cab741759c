// Paged.js handlers, run in the browser before layout (injected by browser.ts).

// A table that continues on the next page repeats its header row there: Paged.js splits the
// table into a second <table> without <thead>, which would leave readers (and the PDF's
// structure) with header-less cells.
class RepeatTableHeaders extends window.Paged.Handler {
  afterPageLayout(pageElement, _page, _breakToken, chunker) {
    for (const table of pageElement.querySelectorAll('table[data-split-from]')) {
      if (table.querySelector(':scope > thead')) continue;
      const source = chunker.source.querySelector(`[data-ref="${table.dataset.ref}"]`);
      const header = source && source.querySelector(':scope > thead');
      if (header) table.insertBefore(header.cloneNode(true), table.querySelector(':scope > tbody'));
    }
  }
}

window.Paged.registerHandlers(RepeatTableHeaders);
