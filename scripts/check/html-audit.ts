/**
 * The HTML half of the accessibility gate: axe-core in the build's own Chromium, with the tags
 * of WCAG 2.0–2.2 A/AA, EN 301 549 and best practice, plus the experimental `td-has-header`.
 *
 * Why not @axe-core/cli: it starts ChromeDriver and a second browser for every run (about
 * 5–7 s per page here); the build already has Chromium open, so a page costs well under a
 * second. The rules and the axe version are the same kind (axe-core from npm).
 */
import type { AxeResults, AxeRuleResult, BrowserSession } from '../render/browser.ts';

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'EN-301-549', 'best-practice'];

export interface HtmlFinding {
  id: string;
  impact: string | null;
  description: string;
  help: string;
  helpUrl: string;
  /** WCAG success criteria, e.g. `1.1.1`; empty for best-practice rules. */
  wcag: string[];
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface HtmlAudit {
  file: string;
  status: 'pass' | 'fail';
  violations: HtmlFinding[];
  /** "Needs review": axe could not decide; listed, never failing the gate. */
  incomplete: HtmlFinding[];
  passes: number;
  /** Ids of the rules that passed and of those with nothing to check on this page. */
  passedRules: string[];
  inapplicableRules: string[];
  axeVersion: string;
  /** Requests the page tried to make outside its folder (blocked). */
  blockedRequests: string[];
  seconds: number;
}

/** `wcag111` → `1.1.1`, `wcag1410` → `1.4.10`. */
export function wcagCriterion(tag: string): string | undefined {
  const match = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : undefined;
}

function finding(rule: AxeRuleResult): HtmlFinding {
  return {
    id: rule.id,
    impact: rule.impact ?? null,
    description: rule.description,
    help: rule.help,
    helpUrl: rule.helpUrl,
    wcag: rule.tags.map(wcagCriterion).filter((criterion): criterion is string => Boolean(criterion)),
    nodes: rule.nodes.map((node) => ({ target: node.target.map(String).join(' '), html: node.html, summary: node.failureSummary ?? '' })),
  };
}

/** Run axe on one page; `shownFile` is how the report names it; `onLoaded` as in `BrowserSession.runAxe`. */
export async function auditHtml(
  session: BrowserSession,
  file: string,
  options: { shownFile: string; allowedRoot: string; onLoaded?: () => void },
): Promise<HtmlAudit> {
  const started = performance.now();
  const { results, blocked, ruleOrder } = await session.runAxe(file, {
    allowedRoot: options.allowedRoot,
    onLoaded: options.onLoaded,
    timeoutMs: 120_000,
    // Dutch help texts from axe-core's own translation: the report is read by Dutch officers.
    locale: 'nl',
    axe: { runOnly: { type: 'tag', values: axeTags }, rules: { 'td-has-header': { enabled: true } }, resultTypes: ['violations', 'incomplete'] },
  });
  // Rules in axe's own list order: axe reports a rule that waits for media (no-autoplay-audio)
  // when it finishes, so the order of its results could differ from run to run.
  const place = new Map(ruleOrder.map((id, index) => [id, index]));
  const inOrder = (rules: AxeRuleResult[]) => [...rules].sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
  const ordered: AxeResults = {
    ...results,
    violations: inOrder(results.violations),
    incomplete: inOrder(results.incomplete),
    passes: inOrder(results.passes),
    inapplicable: inOrder(results.inapplicable),
  };
  return summarise(ordered, blocked, options.shownFile, (performance.now() - started) / 1000);
}

function summarise(results: AxeResults, blocked: string[], file: string, seconds: number): HtmlAudit {
  const violations = results.violations.map(finding);
  const incomplete = results.incomplete.map(finding);
  for (const url of blocked) {
    incomplete.push({
      id: 'blocked-request',
      impact: null,
      description: 'De pagina probeerde een bestand buiten de publicatie te laden; dat is geblokkeerd.',
      help: 'Controleer of de pagina zonder externe bronnen volledig en toegankelijk is',
      helpUrl: 'https://www.w3.org/WAI/WCAG21/Understanding/',
      wcag: [],
      nodes: [{ target: url, html: '', summary: '' }],
    });
  }
  return {
    file,
    status: violations.length > 0 ? 'fail' : 'pass',
    violations,
    incomplete,
    passes: results.passes.length,
    passedRules: results.passes.map((rule) => rule.id),
    inapplicableRules: (results.inapplicable ?? []).map((rule) => rule.id),
    axeVersion: results.testEngine.version,
    blockedRequests: blocked,
    seconds,
  };
}
