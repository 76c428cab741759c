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

// Page marks, as page furniture: hidden from the accessibility tree, so Chromium leaves them
// untagged and the PDF finishing marks them as artifacts (a screen reader hears the cover's
// banner once, not a mark on every page).
// - Drafts (`<body data-draft-note="Concept · gebouwd op …">`, or on a bundle's section): a
//   CONCEPT watermark across every page and the build date at its foot.
// - Internal builds (`<body data-internal-note="INTERN — …">`): the note at the top of every page.
class PageMarks extends window.Paged.Handler {
  afterPageLayout(pageElement) {
    // In a publication bundle the draft note sits on the concept's own section (each document
    // starts on a new page, so a page belongs to one document); otherwise on the body.
    const draftNote = pageElement.querySelector('[data-draft-note]')?.dataset.draftNote ?? document.body.dataset.draftNote;
    const { internalNote } = document.body.dataset;
    const box = pageElement.querySelector('.pagedjs_pagebox') || pageElement;
    const mark = (className, content) => {
      const element = document.createElement('div');
      element.className = className;
      element.setAttribute('aria-hidden', 'true');
      element.append(content);
      box.append(element);
    };
    if (draftNote) {
      // The word is in the stylesheet's background image, as outlines: no text here.
      mark('page-watermark', '');
      mark('page-draft-note', draftNote);
    }
    if (internalNote) mark('page-internal-note', internalNote);
  }
}

window.Paged.registerHandlers(PageMarks);

// The running head names the section in force at the top of the page (`string(chapter, start)`).
// Paged.js counts a heading as the page's start only when its box touches the top of the
// content area to the pixel, which a heading's top margin defeats, so a page where a chapter
// begins at the top would still name the one before. Here a heading starts the page when no
// text stands before it on that page; otherwise the page keeps the section it began in (none
// before the first heading: a letter's first page has no section head).
class RunningHeadAtStart extends window.Paged.Handler {
  constructor(chunker, polisher, caller) {
    super(chunker, polisher, caller);
    this.inForce = '';
  }

  afterPageLayout(pageElement) {
    const content = pageElement.querySelector('.pagedjs_page_content');
    const headings = [...pageElement.querySelectorAll('main h2')];
    let start = this.inForce;
    if (content && headings.length > 0) {
      const before = document.createRange();
      before.setStart(content, 0);
      before.setEndBefore(headings[0]);
      if (!before.toString().trim()) start = headings[0].textContent;
      this.inForce = headings[headings.length - 1].textContent;
    }
    const clean = start
      .trim()
      .replace(/["']/g, (quote) => `\\${quote}`)
      .replace(/\n/g, '\\00000A');
    pageElement.style.setProperty('--pagedjs-string-start-chapter', `"${clean}`);
  }
}

window.Paged.registerHandlers(RunningHeadAtStart);

// Paged.js measures each new page (getBoundingClientRect, scrollHeight for every footnote),
// and each measurement makes Chromium bring the layout of all pages so far up to date: the cost
// of a page grows with its number (a 391-page bundle: 25 ms a page at the start, 47 ms at the
// end). A page whose layout is finished is therefore taken out of layout (display: none) until
// all pages are done; the last two stay, because footnotes carried over and the running head's
// start detection look at the page before. Nothing on a hidden page changes, so the pages and
// their breaks are the same.
class HideFinishedPages extends window.Paged.Handler {
  constructor(chunker, polisher, caller) {
    super(chunker, polisher, caller);
    this.visible = [];
    this.style = document.createElement('style');
    this.style.textContent = '.kia-layout-done { display: none !important; }';
    document.head.append(this.style);
  }

  finalizePage(pageElement) {
    this.visible.push(pageElement);
    while (this.visible.length > 2) this.visible.shift().classList.add('kia-layout-done');
  }

  afterRendered() {
    for (const page of document.querySelectorAll('.kia-layout-done')) page.classList.remove('kia-layout-done');
    this.style.remove();
    this.visible = [];
  }
}

window.Paged.registerHandlers(HideFinishedPages);
