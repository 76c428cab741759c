/** Dutch wording shared by the HTML and the PDF. */
const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2025-02-11` → `11 februari 2025`. */
export function formatDutchDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** `['A', 'B', 'C']` → `A, B en C`. */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** "1 pagina", "12 pagina's". */
export function pageCount(pages: number): string {
  return pages === 1 ? '1 pagina' : `${pages} pagina's`;
}

/** `1,2 MB`, `48 kB`: Dutch decimal comma. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
