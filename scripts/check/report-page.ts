/**
 * The one report family's output: `report.json` and an accessible Dutch HTML page, for the
 * build's accessibility report and for `kia audit`'s alike.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageCount } from '../model/dutch.ts';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { simplePage } from '../pipeline/simple-page.ts';
import type { FileAudit, FileCheck } from './file-audit.ts';
import type { AccessibilityReport, AuditReport } from './reports.ts';
import type { HtmlAudit, HtmlFinding } from './html-audit.ts';
import type { CheckStatus, PdfAudit } from './pdf-audit.ts';

const statusLabels: Record<CheckStatus, string> = {
  pass: 'Voldoet',
  fail: 'Voldoet niet',
  'not-applicable': 'Niet van toepassing',
  'not-checked': 'Niet automatisch gecontroleerd',
};

const impactLabels: Record<string, string> = { critical: 'kritiek', serious: 'ernstig', moderate: 'gemiddeld', minor: 'klein' };

function findingsTable(caption: string, findings: HtmlFinding[]): Element {
  return h('table', [
    h('caption', caption),
    h('thead', [
      h(
        'tr',
        ['Regel', 'Ernst', 'WCAG', 'Elementen', 'Uitleg'].map((label) => h('th', { scope: 'col' }, label)),
      ),
    ]),
    h(
      'tbody',
      findings.map((finding) =>
        h('tr', [
          h('th', { scope: 'row' }, [h('code', finding.id)]),
          h('td', finding.impact ? (impactLabels[finding.impact] ?? finding.impact) : '–'),
          h('td', finding.wcag.length > 0 ? finding.wcag.join(', ') : 'best practice'),
          h('td', [
            h(
              'ul.report-nodes',
              finding.nodes.slice(0, 10).map((node) => h('li', [h('code', node.target)])),
            ),
          ]),
          h('td', [finding.help, ' ', h('a', { href: finding.helpUrl }, ['uitleg', h('span.visually-hidden', ` bij ${finding.id}`)])]),
        ]),
      ),
    ),
  ]);
}

function htmlSection(audit: HtmlAudit, headingLevel: 'h3' | 'h2', title: string): ElementContent[] {
  const content: ElementContent[] = [
    h(headingLevel, title),
    h('p', [
      h('strong', audit.status === 'pass' ? 'Voldoet' : 'Voldoet niet'),
      `: ${audit.violations.length} ${audit.violations.length === 1 ? 'overtreding' : 'overtredingen'}, ${audit.incomplete.length} ${audit.incomplete.length === 1 ? 'punt' : 'punten'} om na te kijken, ${audit.passes} geslaagde regels. Bestand: `,
      h('code', audit.file),
      '.',
    ]),
  ];
  if (audit.violations.length > 0) content.push(findingsTable(`Overtredingen in ${audit.file}`, audit.violations));
  if (audit.incomplete.length > 0) content.push(findingsTable(`Na te kijken in ${audit.file} (telt niet als overtreding)`, audit.incomplete));
  return content;
}

type PdfResult = Pick<PdfAudit, 'file' | 'status'> & {
  pages?: number;
  checks: Array<Pick<FileCheck, 'id' | 'status' | 'title' | 'clause' | 'matterhorn' | 'wcag' | 'message' | 'details'>>;
};

function pdfSection(audit: PdfResult, heading: string = audit.pages === undefined ? 'PDF' : `PDF (${pageCount(audit.pages)})`): ElementContent[] {
  return [
    h('h3', heading),
    h('p', [h('strong', audit.status === 'pass' ? 'Voldoet' : 'Voldoet niet'), ' aan de automatische PDF/UA-controles. Bestand: ', h('code', audit.file), '.']),
    h('table', [
      h('caption', `PDF/UA-controles voor ${audit.file}`),
      h('thead', [
        h(
          'tr',
          ['Controle', 'Uitkomst', 'ISO 14289-1', 'Matterhorn', 'WCAG', 'Toelichting'].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ]),
      h(
        'tbody',
        audit.checks.map((check) =>
          h('tr', { className: [`status-${check.status}`] }, [
            h('th', { scope: 'row' }, [check.title, h('br'), h('code', check.id)]),
            h('td', statusLabels[check.status]),
            h('td', check.clause ?? '–'),
            h('td', check.matterhorn ?? '–'),
            h('td', check.wcag.join(', ') || '–'),
            h('td', [
              check.message,
              ...(check.details && check.details.length > 0
                ? [
                    h(
                      'ul',
                      check.details.map((detail) =>
                        h('li', `${detail.page ? `pagina ${detail.page}: ` : ''}${detail.text}${detail.object ? ` (object ${detail.object})` : ''}`),
                      ),
                    ),
                  ]
                : []),
            ]),
          ]),
        ),
      ),
    ]),
  ];
}

function standardsParagraph(standards: AccessibilityReport['standards']): Element {
  return h(
    'p',
    `HTML: ${standards.html}. PDF: ${standards.pdf}. Automatische controles vinden maar een deel van de problemen; de handmatige controlelijst onderaan hoort erbij.`,
  );
}

function manualSection(report: Pick<AccessibilityReport, 'manualChecks' | 'manualNote'>): Element {
  return h('section', { ariaLabelledBy: 'handmatig' }, [
    h('h2', { id: 'handmatig' }, 'Handmatige controlelijst'),
    h(
      'p',
      'Deze succescriteria van WCAG 2.1 (niveau A en AA) kan geen automatische controle vaststellen. Een persoon moet ze beoordelen, voor de HTML en de PDF.',
    ),
    h('table', [
      h('caption', 'Handmatig te controleren succescriteria'),
      h('thead', [
        h(
          'tr',
          ['Criterium', 'Niveau', 'Wat te controleren'].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ]),
      h(
        'tbody',
        report.manualChecks.map((item) => h('tr', [h('th', { scope: 'row' }, `${item.criterion} ${item.name}`), h('td', item.level), h('td', item.check)])),
      ),
    ]),
    h('p', report.manualNote),
  ]);
}

/** An axe result from the shared file shape, back in the form the findings table shows. */
function asFinding(check: FileCheck): HtmlFinding {
  return {
    id: check.id,
    impact: check.impact ?? null,
    description: check.message,
    help: check.title,
    helpUrl: check.helpUrl ?? '',
    wcag: check.wcag,
    nodes: check.nodes ?? [],
  };
}

/** "3 documenten en de hele publicatie als één PDF": the bundle (a PDF without HTML) is not a document of its own. */
function documentCount(report: AccessibilityReport): string {
  const documents = report.documents.filter((document) => document.html !== null).length;
  const bundles = report.documents.length - documents;
  return `${documents} ${documents === 1 ? 'document' : 'documenten'}${bundles > 0 ? ' en de hele publicatie als één PDF' : ''}`;
}

const kindLabels: Record<FileAudit['kind'], string> = { pdf: 'PDF', html: 'HTML', unknown: 'onbekend bestand' };
const fileStatusLabels: Record<FileAudit['status'], string> = { pass: 'Voldoet', fail: 'Voldoet niet', error: 'Niet te controleren' };

function fileSection(entry: FileAudit, index: number): Element {
  const id = `bestand-${index + 1}`;
  const content: ElementContent[] = [h('h2', { id }, [h('code', entry.file)])];
  const counts = (status: CheckStatus) => entry.checks.filter((check) => check.status === status).length;
  content.push(
    h('p', [
      h('strong', fileStatusLabels[entry.status]),
      entry.status === 'error'
        ? `: ${entry.error}`
        : ` (${kindLabels[entry.kind]}${entry.pages ? `, ${pageCount(entry.pages)}` : ''}): ${counts('fail')} mislukt, ${counts('not-checked')} niet automatisch te beoordelen, ${counts('pass')} geslaagd, ${counts('not-applicable')} niet van toepassing.`,
    ]),
  );
  if (entry.kind === 'pdf' && entry.status !== 'error')
    content.push(
      ...pdfSection({ file: entry.file, status: entry.status === 'fail' ? 'fail' : 'pass', pages: entry.pages, checks: entry.checks }, 'PDF/UA-controles'),
    );
  if (entry.kind === 'html' && entry.status !== 'error') {
    const violations = entry.checks.filter((check) => check.status === 'fail').map(asFinding);
    const review = entry.checks.filter((check) => check.status === 'not-checked').map(asFinding);
    if (violations.length > 0) content.push(findingsTable(`Overtredingen in ${entry.file}`, violations));
    if (review.length > 0) content.push(findingsTable(`Na te kijken in ${entry.file} (telt niet als overtreding)`, review));
  }
  return h('section', { ariaLabelledBy: id }, content);
}

/** The page of `kia audit`: one section per file checked. */
function auditReportPage(report: AuditReport, assetBase: string): string {
  const { summary } = report;
  const body: ElementContent[] = [
    h('h1', 'Toegankelijkheidscontrole van bestanden'),
    h('p', [
      h('strong', report.passed ? 'Alle bestanden voldoen aan de automatische controles.' : 'Niet alle bestanden voldoen aan de automatische controles.'),
      ` ${summary.files} ${summary.files === 1 ? 'bestand' : 'bestanden'}: ${summary.passed} voldoen, ${summary.failed} voldoen niet, ${summary.errors} niet te controleren. ${summary.pdfFailures} mislukte PDF-controles, ${summary.htmlViolations} overtredingen in HTML, ${summary.notChecked} punten niet automatisch te beoordelen.`,
    ]),
    standardsParagraph(report.standards),
    ...report.files.map(fileSection),
    manualSection(report),
  ];
  return simplePage({
    title: 'Toegankelijkheidscontrole van bestanden',
    description: 'Uitkomst van de automatische toegankelijkheidscontroles (WCAG 2.1 AA, PDF/UA-1) op aangeleverde bestanden, en de handmatige controlelijst.',
    assetBase,
    bodyClass: 'report',
    header: h('p.doc-type', 'kia-press: toegankelijkheidscontrole'),
    main: body,
    footer: 'Gemaakt door kia-press (kia audit)',
  });
}

/** The build's report page: one section per document, then the other pages. */
function buildReportPage(report: AccessibilityReport, assetBase: string): string {
  const { summary } = report;
  const body: ElementContent[] = [
    h('h1', 'Toegankelijkheidsrapport'),
    h('p', [
      h('strong', report.passed ? 'Alle automatische controles zijn geslaagd.' : 'Niet alle automatische controles zijn geslaagd.'),
      ` ${documentCount(report)}; ${summary.htmlViolations} overtredingen in HTML, ${summary.htmlNeedsReview} punten om na te kijken, ${summary.pdfFailures} mislukte PDF-controles, ${summary.pdfNotChecked} PDF-controles niet uitgevoerd.`,
    ]),
    standardsParagraph(report.standards),
  ];
  for (const document of report.documents) {
    body.push(
      h('section', { ariaLabelledBy: `document-${document.slug}` }, [
        h('h2', { id: `document-${document.slug}` }, document.title),
        ...(document.html ? htmlSection(document.html, 'h3', 'HTML') : []),
        ...(document.pdf ? pdfSection(document.pdf) : [h('h3', 'PDF'), h('p', `Niet gecontroleerd: ${document.pdfMissing ?? 'geen PDF'}`)]),
      ]),
    );
  }
  if (report.pages.length > 0) {
    body.push(
      h('section', { ariaLabelledBy: 'overige-paginas' }, [
        h('h2', { id: 'overige-paginas' }, "Overige pagina's"),
        ...report.pages.flatMap((page) => htmlSection(page, 'h3', page.file)),
      ]),
    );
  }
  body.push(manualSection(report));
  return simplePage({
    title: 'Toegankelijkheidsrapport',
    description: 'Uitkomst van de automatische toegankelijkheidscontroles (WCAG 2.1 AA, PDF/UA-1) en de handmatige controlelijst.',
    assetBase,
    bodyClass: 'report',
    header: h('p.doc-type', [h('a', { href: '../index.html' }, 'Publicaties')]),
    main: body,
    footer: 'Gemaakt door kia-press',
  });
}

/** The report page of either kind; `assetBase` is the URL of the stylesheets folder. */
export function reportPage(report: AccessibilityReport | AuditReport, assetBase: string): string {
  return 'kind' in report ? auditReportPage(report, assetBase) : buildReportPage(report, assetBase);
}

/** Write `report.json` and `index.html` of a report of either kind into `dir`. */
export async function writeReport(dir: string, report: AccessibilityReport | AuditReport, assetBase: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(dir, 'index.html'), reportPage(report, assetBase));
}
