/**
 * How withheld text appears, shared by the plugins that withhold it (`remark-redactions`, the
 * officials in a beslisnota's head) and by the verbatim proof, which must read it back.
 */
import type { WooGround } from '../model/woo-grounds.ts';

/** The Woo ground for personal data of officials (a beslisnota's `decisionNote.officials`). */
export const officialsGround = '5.1.2e';

/** The accessible name of a redaction box. */
export function redactionLabel(ground: WooGround): string {
  return `Weggelakt: ${ground.description}, artikel ${ground.code} Woo`;
}

/** What a public build shows instead of withheld text, everywhere the text goes. */
export function redactionText(code: string | undefined): string {
  return `[weggelakt, ${code ?? '?'}]`;
}

/** The text shown after withheld text in an internal build. */
export function internalGroundNote(code: string | undefined): string {
  return ` [weglakken: ${code ?? '?'}]`;
}
