/** Shared by the gate and corpus tests. */

/** Every PDF check, in report order. */
export const pdfCheckIds = [
  // document (check/pdf-rules/document.ts)
  'pdf-pdfua-identifier', 'pdf-tagged', 'pdf-suspects', 'pdf-xmp-metadata', 'pdf-title', 'pdf-display-doc-title',
  'pdf-pdfuaid-prefix', 'pdf-optional-content', 'pdf-embedded-files', 'pdf-xfa', 'pdf-form-xobjects-tagged', 'pdf-reference-xobjects',
  // language
  'pdf-document-lang', 'pdf-outline-lang', 'pdf-annotation-lang',
  // structure
  'pdf-role-map-terminates', 'pdf-role-map-circular', 'pdf-role-map-standard', 'pdf-struct-parents',
  'pdf-tables-structure', 'pdf-lists-structure', 'pdf-figures-alt', 'pdf-formulas-alt', 'pdf-headings-nesting', 'pdf-headings-kind',
  'pdf-tables-headers', 'pdf-notes-id', 'pdf-tables-regular', 'pdf-toc-structure', 'pdf-table-header-scope',
  // content
  'pdf-content-tagged', 'pdf-artifact-in-tagged', 'pdf-tagged-in-artifact', 'pdf-furniture-artifacts',
  // annotations and forms
  'pdf-annotations-tagged', 'pdf-annotation-tabs', 'pdf-links-tagged', 'pdf-links-contents',
  'pdf-annotations-described', 'pdf-form-fields-described', 'pdf-annotation-types', 'pdf-widgets-in-form', 'pdf-media-clips', 'pdf-file-attachments', 'pdf-printer-marks',
  // fonts
  'pdf-fonts-embedded', 'pdf-fonts-unicode', 'pdf-notdef', 'pdf-cid-system-info', 'pdf-cid-to-gid-map', 'pdf-cmaps', 'pdf-truetype-encodings', 'pdf-tounicode-values',
  'pdf-font-charset', 'pdf-font-cidset', 'pdf-font-widths',
  // navigation and comparisons with the HTML
  'pdf-bookmarks', 'pdf-headings-match-html', 'pdf-structure-text', 'pdf-lang-passages',
];
