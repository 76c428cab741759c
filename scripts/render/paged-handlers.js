// Paged.js handlers, run in the browser before layout (injected by browser.ts).

// A table that continues on the next page repeats its header row there: Paged.js splits the
// table into a second <table> without <thead>, which would leave readers (and the PDF's
// structure) with header-less cells. The header is added as soon as the continued table is
// rebuilt on the new page, before its rows are laid out, so the page's breaks account for it
// (adding it after layout would push the page's last lines past its bottom, where they are cut).
class RepeatTableHeaders extends window.Paged.Handler {
  renderNode(clone, node) {
    const element = clone.nodeType === 1 ? clone : clone.parentElement;
    const table = element && element.closest('table');
    if (!table || !table.dataset.splitFrom || table.querySelector(':scope > thead')) return;
    // Only once body rows arrive: when the continuation starts with the caption or the header
    // itself, the original header is still to come.
    if (!element.closest('tbody, tfoot')) return;
    const sourceElement = node.nodeType === 1 ? node : node.parentElement;
    const sourceTable = sourceElement && sourceElement.closest('table');
    const header = sourceTable && sourceTable.querySelector(':scope > thead');
    if (!header) return;
    const copy = header.cloneNode(true);
    // The copy must not share Paged.js references with the original header.
    for (const part of [copy, ...copy.querySelectorAll('[data-ref]')]) part.removeAttribute('data-ref');
    copy.setAttribute('data-repeated-header', '');
    // After the caption, where a table's header belongs (ISO 32000-1 table 337: Caption first).
    const caption = table.querySelector(':scope > caption');
    table.insertBefore(copy, caption ? caption.nextSibling : table.firstChild);
  }
}

window.Paged.registerHandlers(RepeatTableHeaders);

// Drafts (`<body data-draft-note="Concept · gebouwd op …">`): a CONCEPT watermark across every
// page and the build date at its foot. Hidden from the accessibility tree, so Chromium leaves
// them untagged and the PDF finishing marks them as artifacts: the cover's banner says
// "concept" to a screen reader once, not on every page.
class DraftWatermark extends window.Paged.Handler {
  afterPageLayout(pageElement) {
    const note = document.body.dataset.draftNote;
    if (!note) return;
    const mark = document.createElement('div');
    mark.className = 'page-watermark';
    mark.setAttribute('aria-hidden', 'true');
    mark.innerHTML = '<span>CONCEPT</span>';
    const foot = document.createElement('div');
    foot.className = 'page-draft-note';
    foot.setAttribute('aria-hidden', 'true');
    foot.textContent = note;
    const box = pageElement.querySelector('.pagedjs_pagebox') || pageElement;
    box.append(mark, foot);
  }
}

window.Paged.registerHandlers(DraftWatermark);

// An internal build (`<body data-internal-note="INTERN — …">`): marked on every page, as furniture.
class InternalMark extends window.Paged.Handler {
  afterPageLayout(pageElement) {
    const note = document.body.dataset.internalNote;
    if (!note) return;
    const mark = document.createElement('div');
    mark.className = 'page-internal-note';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = note;
    (pageElement.querySelector('.pagedjs_pagebox') || pageElement).append(mark);
  }
}

window.Paged.registerHandlers(InternalMark);
