/** The shared view of one file the units work on: elements, headings, text of elements. */
import { isContent, walk, type PdfFacts, type StructElement } from '../../pdf/read.ts';
import { clip, type PdfExpectations, type RuleContext } from './rule.ts';

/** Work out, once per file, what several units need. */
export function ruleContext(facts: PdfFacts, expected?: PdfExpectations): RuleContext {
  const elements: RuleContext['elements'] = [];
  if (facts.structure) walk(facts.structure, (element, parent) => void elements.push({ element, parent }));
  elements.shift(); // the StructTreeRoot itself

  // Text of every MCID, by page (only when the laid-out text was read).
  const mcidText = new Map<string, string>();
  facts.text?.forEach((runs, index) => {
    for (const run of runs) if (run.mcid !== undefined) mcidText.set(`${index + 1}:${run.mcid}`, (mcidText.get(`${index + 1}:${run.mcid}`) ?? '') + run.text);
  });
  const textOf = (element: StructElement, skip: (element: StructElement) => boolean = () => false): string => {
    if (skip(element)) return '';
    if (element.actualText !== undefined) return element.actualText;
    return element.children.map((child) => (isContent(child) ? (mcidText.get(`${child.page}:${child.mcid}`) ?? '') : textOf(child, skip))).join('');
  };
  const describe = (element: StructElement) => {
    const text = textOf(element).trim();
    return text
      ? `${element.role} „${clip(text, 60)}”`
      : element.rawRole && element.rawRole !== element.role
        ? `${element.rawRole} (${element.role})`
        : element.role;
  };
  const headings: RuleContext['headings'] = [];
  for (const { element } of elements) {
    const match = /^H([1-6])?$/.exec(element.role);
    if (match) headings.push({ level: match[1] ? Number(match[1]) : 'H', element });
  }
  return { elements, headings, textOf, describe, ...(expected ? { expected } : {}) };
}
