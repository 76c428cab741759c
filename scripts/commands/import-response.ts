/**
 * `kia import-response FILE --doc SLUG`: a stakeholder's response taken in as received (PDF or
 * Word), converted to Markdown and proven equal to the received file before anything is
 * written (core/import-response.ts).
 */
export { importResponse, type ImportOptions, type ImportResult } from '../core/import-response.ts';
