/**
 * Reports CI systems show: JUnit XML (GitLab's test report, Jenkins, GitHub test reporters) and
 * SARIF 2.1.0 (GitHub code scanning, GitLab, VS Code's SARIF viewer), from what a command found:
 * the messages on source files (file, line, column, rule) and the accessibility checks per
 * output file (`FileAudit`, as in report.json). One test case per check and file; a failed
 * check is a failure with its message. Pure: texts; the command writes them.
 */
import type { VFile } from 'vfile';
import type { FileAudit } from './file-audit.ts';

export interface CiFindings {
  /** `kia build`, `kia check`, `kia audit`. */
  command: string;
  generator: { name: string; version: string };
  /** Source files with their messages. */
  sources: VFile[];
  /** Output files and their accessibility checks. */
  audits: FileAudit[];
}

const escapeXml = (text: string) =>
  text
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** Where a message stands, as `file:line:column`. */
const placeOf = (file: VFile, message: VFile['messages'][number]) => `${file.path}${message.line ? `:${message.line}:${message.column ?? 1}` : ''}`;

/**
 * JUnit XML: a test suite per source file (a test case per rule that reported, failing when one
 * of its messages is an error) and per output file (a test case per accessibility check:
 * failing, passing, or skipped when not applicable or not checked).
 */
export function junitXml(findings: CiFindings): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of findings.sources) {
    const byRule = new Map<string, VFile['messages']>();
    for (const message of file.messages) {
      const rule = `${message.source ?? 'kia'}/${message.ruleId ?? 'message'}`;
      byRule.set(rule, [...(byRule.get(rule) ?? []), message]);
    }
    const cases = [...byRule].map(([rule, messages]) => {
      const errors = messages.filter((message) => message.fatal);
      const text = messages.map((message) => `${placeOf(file, message)} ${message.fatal ? 'error' : 'warning'} ${message.reason}`).join('\n');
      tests++;
      if (errors.length > 0) failures++;
      return `    <testcase classname="${escapeXml(String(file.path))}" name="${escapeXml(rule)}">${
        errors.length > 0
          ? `\n      <failure message="${escapeXml(errors[0].reason)}" type="${escapeXml(rule)}">${escapeXml(text)}</failure>\n    `
          : `\n      <system-out>${escapeXml(text)}</system-out>\n    `
      }</testcase>`;
    });
    const failed = [...byRule.values()].filter((messages) => messages.some((message) => message.fatal)).length;
    suites.push(
      `  <testsuite name="${escapeXml(String(file.path))}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  for (const audit of findings.audits) {
    const cases: string[] = [];
    let failed = 0;
    let skipped = 0;
    if (audit.status === 'error') {
      failed++;
      cases.push(
        `    <testcase classname="${escapeXml(audit.file)}" name="readable">\n      <failure message="${escapeXml(audit.error ?? 'niet te controleren')}" type="error">${escapeXml(audit.error ?? '')}</failure>\n    </testcase>`,
      );
    }
    for (const check of audit.checks) {
      const name = `${check.id}: ${check.title}`;
      if (check.status === 'fail') {
        failed++;
        const where = [
          check.page !== undefined ? `pagina ${check.page}` : '',
          check.object ?? '',
          ...(check.nodes ?? []).slice(0, 5).map((node) => node.target),
        ]
          .filter(Boolean)
          .join(', ');
        cases.push(
          `    <testcase classname="${escapeXml(audit.file)}" name="${escapeXml(name)}">\n      <failure message="${escapeXml(check.message)}" type="${escapeXml(check.id)}">${escapeXml(`${check.message}${where ? ` (${where})` : ''}${check.wcag.length ? `; WCAG ${check.wcag.join(', ')}` : ''}${check.clause ? `; ISO 14289-1 ${check.clause}` : ''}`)}</failure>\n    </testcase>`,
        );
      } else if (check.status === 'pass') cases.push(`    <testcase classname="${escapeXml(audit.file)}" name="${escapeXml(name)}"/>`);
      else {
        skipped++;
        cases.push(
          `    <testcase classname="${escapeXml(audit.file)}" name="${escapeXml(name)}">\n      <skipped message="${escapeXml(check.status === 'not-checked' ? `niet gecontroleerd: ${check.message}` : 'niet van toepassing')}"/>\n    </testcase>`,
        );
      }
    }
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${escapeXml(audit.file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(`${findings.generator.name} ${findings.command}`)}" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/**
 * SARIF 2.1.0: one run of kia-press; a result per message (with its region in the source file)
 * and per failed accessibility check (a PDF's page as a property: SARIF regions are text
 * positions), checks not done as notes. Rules carry the WCAG criteria and PDF/UA clauses.
 */
export function sarifLog(findings: CiFindings): object {
  const rules = new Map<string, { id: string; shortDescription: { text: string }; helpUri?: string; properties?: Record<string, unknown> }>();
  const results: object[] = [];
  for (const file of findings.sources) {
    for (const message of file.messages) {
      const id = `${message.source ?? 'kia'}/${message.ruleId ?? 'message'}`;
      if (!rules.has(id)) rules.set(id, { id, shortDescription: { text: message.reason.split(', expected')[0] } });
      results.push({
        ruleId: id,
        level: message.fatal ? 'error' : 'warning',
        message: { text: message.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: String(file.path).split('\\').join('/') },
              ...(message.line
                ? {
                    region: {
                      startLine: message.line,
                      startColumn: message.column ?? 1,
                      ...(message.place && 'end' in message.place && message.place.end.line
                        ? { endLine: message.place.end.line, endColumn: message.place.end.column }
                        : {}),
                    },
                  }
                : {}),
            },
          },
        ],
      });
    }
  }
  for (const audit of findings.audits) {
    const location = [{ physicalLocation: { artifactLocation: { uri: audit.file.split('\\').join('/') } } }];
    if (audit.status === 'error') {
      if (!rules.has('readable')) rules.set('readable', { id: 'readable', shortDescription: { text: 'Het bestand is te lezen en te controleren' } });
      results.push({ ruleId: 'readable', level: 'error', message: { text: audit.error ?? 'niet te controleren' }, locations: location });
    }
    for (const check of audit.checks) {
      if (check.status === 'pass' || check.status === 'not-applicable') continue;
      if (!rules.has(check.id))
        rules.set(check.id, {
          id: check.id,
          shortDescription: { text: check.title },
          ...(check.helpUrl ? { helpUri: check.helpUrl } : {}),
          properties: {
            wcag: check.wcag,
            ...(check.clause ? { pdfUaClause: check.clause } : {}),
            ...(check.matterhorn ? { matterhorn: check.matterhorn } : {}),
          },
        });
      results.push({
        ruleId: check.id,
        level: check.status === 'fail' ? 'error' : 'note',
        message: { text: check.status === 'fail' ? check.message : `Niet gecontroleerd: ${check.message}` },
        locations: location,
        properties: {
          ...(check.page !== undefined ? { page: check.page } : {}),
          ...(check.object ? { object: check.object } : {}),
          ...(check.nodes ? { elements: check.nodes.map((node) => node.target) } : {}),
        },
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: findings.generator.name,
            version: findings.generator.version,
            informationUri: 'https://www.npmjs.com/package/kia-press',
            rules: [...rules.values()],
          },
        },
        invocations: [{ executionSuccessful: true, commandLine: findings.command }],
        results,
      },
    ],
  };
}
