/** What tables share between the plugins that make them (measures) and the one that finishes them. */

/** A paragraph `Tabel 3: …` (or `Tabel: …`) right before a table is its caption. */
export const captionPattern = /^Tabel(\s+[\p{L}\p{N}.]+)?\s*:\s*/u;
