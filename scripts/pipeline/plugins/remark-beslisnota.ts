/**
 * A beslisnota (`type: beslisnota`) against its template, as the KIA is checked against its
 * instrument: its head (`decisionNote:` with `to` and `from`) and its sections, `##` headings
 * named and ordered as `scripts/data/beslisnota.yml` lists them (sections are data, not code).
 * A missing required section, an unknown or repeated one, or one out of order is an error at
 * its place; anything under a section is `###` and deeper.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { closest } from '../../model/did-you-mean.ts';
import type { DecisionNoteSection } from '../../model/decision-note.ts';

const source = 'kia-beslisnota';

export interface BeslisnotaOptions {
  sections: DecisionNoteSection[];
}

/** Check a beslisnota's head and sections; see module comment. */
export default function remarkBeslisnota(options: BeslisnotaOptions) {
  const titles = options.sections.map((section) => section.title);
  const required = options.sections.filter((section) => section.required).map((section) => section.title);
  return function (tree: Root, file: VFile) {
    if (file.data.matter?.type !== 'beslisnota') return;
    const frontmatter = tree.children.find((node) => node.type === 'yaml');
    if (!file.data.matter.decisionNote) {
      file.message(
        'Unexpected beslisnota without `decisionNote:`, expected its head: `decisionNote:` with `to:` (Aan) and `from:` (Van), and `officials:` (name and role)',
        { place: frontmatter?.position, source, ruleId: 'beslisnota-without-head' },
      ).fatal = true;
    }
    const found = new Map<string, Heading>();
    let previous: { title: string; index: number } | undefined;
    for (const node of tree.children) {
      if (node.type !== 'heading') continue;
      if (node.depth === 1) {
        file.message('Unexpected `#` heading, expected the sections of a beslisnota as `##` (the title is `title:` in the frontmatter)', {
          place: node.position,
          source,
          ruleId: 'beslisnota-heading-level',
        }).fatal = true;
        continue;
      }
      if (node.depth !== 2) continue;
      const title = toString(node).trim();
      const index = titles.indexOf(title);
      if (index === -1) {
        const guess = closest(title, titles);
        file.message(
          `Unexpected section \`${title}\`, expected one of the sections of a beslisnota (${titles.join(', ')})${guess ? `; did you mean \`${guess}\`?` : '; a part of a section is `###`'}`,
          { place: node.position, source, ruleId: 'beslisnota-unknown-section' },
        ).fatal = true;
        continue;
      }
      const first = found.get(title);
      if (first) {
        file.message(
          `Unexpected second section \`${title}\`, expected each section once (first at ${first.position?.start.line}:${first.position?.start.column})`,
          { place: node.position, source, ruleId: 'beslisnota-duplicate-section' },
        ).fatal = true;
        continue;
      }
      if (previous && index < previous.index) {
        file.message(`Unexpected section \`${title}\` after \`${previous.title}\`, expected the order ${titles.join(', ')}`, {
          place: node.position,
          source,
          ruleId: 'beslisnota-section-order',
        }).fatal = true;
      }
      found.set(title, node);
      previous = { title, index };
    }
    const missing = required.filter((title) => !found.has(title));
    if (missing.length > 0) {
      const end = tree.position?.end;
      file.message(
        `Unexpected beslisnota without ${missing.map((title) => `\`## ${title}\``).join(', ')}, expected the required sections ${required.join(', ')}`,
        { place: end, source, ruleId: 'beslisnota-missing-section' },
      ).fatal = true;
    }
  };
}
