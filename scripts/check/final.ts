/**
 * `kia build --final`: a publication for parliament may not go out with a draft in it, with
 * work left open (TODO/FIXME, the scaffold's placeholders) or with the accessibility gate off.
 * Every reason is reported at once, each where it is (file, line, column).
 */
import type { VFile } from 'vfile';
import type { CompiledDocument } from '../core/compile-document.ts';

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
      refuse(document.file, 'Unexpected `status: concept` in a final build, expected `definitief` (a draft cannot go to parliament)', document.file.data.frontmatterPlaces?.status, 'final-concept');
    }
    for (const open of document.file.data.openMarkers ?? []) {
      refuse(document.file, `Unexpected open marker \`${open.marker}\` in a final build, expected the text finished`, open.place, 'final-open-marker');
    }
  }
  return ok;
}
