/** The ids every page has, which the shell gives and other plugins (contents, ways back) link to. */

/** The table of contents (`<nav>`). */
export const tocId = 'inhoudsopgave';
/** The document's text (`<main>`), the skip link's target. */
export const mainId = 'inhoud';
