/**
 * The officials named in a beslisnota's head (`decisionNote.officials`) are personal data that
 * the public version withholds under Woo 5.1.2e: each name is added to the document's redactions
 * (`file.data.redactions`, after `remark-redactions`), so the build searches every output for it
 * and the head shows `[weggelakt, 5.1.2e]` in its place.
 */
import type { VFile } from 'vfile';
import { officialsGround } from '../redaction.ts';

/** Add the officials' names to the redactions; see module comment. */
export default function remarkOfficialNames() {
  return function (_tree: unknown, file: VFile) {
    const officials = file.data.matter?.type === 'beslisnota' ? (file.data.matter.decisionNote?.officials ?? []) : [];
    if (officials.length === 0) return;
    file.data.redactions ??= [];
    officials.forEach((official, index) => {
      const start = file.data.frontmatterPlaces?.[`decisionNote.officials.${index}.name`];
      file.data.redactions!.push({ text: official.name, ground: officialsGround, position: start ? { start, end: start } : undefined, also: [], allowed: [] });
    });
  };
}
