/**
 * `kia build --final`: a publication for parliament may not go out with a draft in it, with
 * work left open (TODO/FIXME, the scaffold's placeholders), with a zienswijze not proven
 * against the file as received, or with the accessibility gate off.
 * Every reason is reported at once, each where it is (file, line, column).
 */
import type { VFile } from 'vfile';
import type { CompiledDocument } from '../model/compiled.ts';

const source = 'kia-final';

/** Report every reason a final build must refuse `documents`; true when there is none. */
export function checkFinal(documents: CompiledDocument[]): boolean {
  let ok = true;
  const refuse = (file: VFile, reason: string, place: { line: number; column: number } | undefined, ruleId: string) => {
    file.message(reason, { place, source, ruleId }).fatal = true;
    ok = false;
  };
  for (const document of documents) {
    if (document.matter.status === 'concept') {
      refuse(
        document.file,
        'Unexpected `status: concept` in a final build, expected `definitief` (a draft cannot go to parliament)',
        document.file.data.frontmatterPlaces?.status,
        'final-concept',
      );
    }
    // A zienswijze comes from outside the ministry: what is published must be proven to be
    // what was received, so the final build needs the received file to compare with.
    for (const [n, response] of document.responses.entries()) {
      if (response.entry.kind !== 'zienswijze' || response.original) continue;
      refuse(
        document.file,
        `Unexpected zienswijze \`${response.entry.file}\` without \`original:\` in a final build, expected the file as received (PDF, .docx, .eml or .txt) to prove the published text equal to it`,
        document.file.data.frontmatterPlaces?.[`responses.${n}.file`],
        'final-without-original',
      );
    }
    for (const open of document.file.data.openMarkers ?? []) {
      refuse(document.file, `Unexpected open marker \`${open.marker}\` in a final build, expected the text finished`, open.place, 'final-open-marker');
    }
  }
  return ok;
}
