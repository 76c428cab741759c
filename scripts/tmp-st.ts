import { readFile } from 'node:fs/promises';
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(process.argv[2])), verbosity: 0 }).promise;
const pageNo = Number(process.argv[3] ?? 3);
const page = await doc.getPage(pageNo);
const tree = await page.getStructTree();
const tc = await page.getTextContent({ includeMarkedContent: true });
const textById = new Map<string, string>();
let current: string | null = null;
const stack: (string|null)[] = [];
for (const item of tc.items as any[]) {
  if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') { stack.push(current); current = item.id ?? (item.tag ? 'tag:'+item.tag : null); continue; }
  if (item.type === 'endMarkedContent') { current = stack.pop() ?? null; continue; }
  if ('str' in item) textById.set(current ?? 'UNTAGGED', (textById.get(current ?? 'UNTAGGED') ?? '') + item.str);
}
function walk(n: any, d: number) {
  if (n.type === 'content') { console.log(' '.repeat(d) + '#' + n.id + ' ' + JSON.stringify((textById.get(n.id) ?? '').slice(0, 60))); return; }
  console.log(' '.repeat(d) + (n.role ?? 'ROOT') + (n.lang ? ' lang=' + n.lang : '') + (n.alt ? ' alt=' + n.alt : ''));
  for (const c of n.children ?? []) walk(c, d + 1);
}
walk(tree, 0);
console.log('UNTAGGED:', JSON.stringify(textById.get('UNTAGGED')));
