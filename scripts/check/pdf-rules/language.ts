/**
 * Natural language (ISO 14289-1 7.2): the language of text is the nearest of its marked
 * content, its structure element and that element's ancestors, the catalog (ISO 32000-1
 * 14.9.2); bookmarks take theirs from the catalog only.
 */
import { isContent, kids, type StructElement } from '../../pdf/read.ts';
import { validLanguageTag, where, type PdfRule } from './rule.ts';

export const languageRules: PdfRule[] = [
  {
    id: 'pdf-document-lang',
    title: 'Taal van het document',
    clause: '7.2',
    rules: ['7.2-t21', '7.2-t22', '7.2-t23', '7.2-t29', '7.2-t30', '7.2-t31', '7.2-t32', '7.2-t33', '7.2-t34'],
    matterhorn: '11-001',
    wcag: ['3.1.1'],
    ok: 'De catalogus noemt geen documenttaal, maar alle tekst in de structuur heeft een taal via haar element of een voorouder.',
    failed: 'De taal van het document is niet vast te stellen, dus een schermlezer kiest mogelijk de verkeerde uitspraak.',
    check(facts, { describe }) {
      if (validLanguageTag(facts.lang)) return { problems: [], ok: `De documenttaal is ${facts.lang}.` };
      if (facts.lang !== undefined) return [{ text: `ongeldige taalcode „${facts.lang}”` }];
      if (!facts.structure) return [{ text: 'geen /Lang in de catalogus en geen structuurboom' }];
      // Without a catalog /Lang, the text is still determined when all tagged content has one
      // from its marked content or its structure element.
      const undetermined: StructElement[] = [];
      const visit = (element: StructElement, inherited: string | undefined) => {
        const lang = validLanguageTag(element.lang) ? element.lang : inherited;
        if (!lang && element.children.some((child) => isContent(child) && !facts.content[child.page - 1]?.langMcids.includes(child.mcid)))
          undetermined.push(element);
        for (const kid of kids(element)) visit(kid, lang);
      };
      visit(facts.structure, undefined);
      return undetermined.slice(0, 20).map((element) => where(element, `${describe(element)}: geen /Lang in het element, zijn voorouders of de catalogus`));
    },
  },
  {
    id: 'pdf-outline-lang',
    title: 'Taal van de bladwijzers',
    clause: '7.2',
    rules: ['7.2-t02'],
    matterhorn: '11-003',
    wcag: ['3.1.1'],
    ok: 'Geen bladwijzers.',
    failed: 'De taal van de bladwijzers is niet vast te stellen.',
    check(facts) {
      if (facts.outline.length === 0) return 'not-applicable';
      if (validLanguageTag(facts.lang)) return { problems: [], ok: `De bladwijzers hebben de documenttaal (${facts.lang}).` };
      return [{ text: `${facts.outline.length} bladwijzers zonder bepaalbare taal (geen geldige /Lang in de catalogus)` }];
    },
  },
  {
    id: 'pdf-annotation-lang',
    title: 'Taal van annotatieteksten',
    clause: '7.2',
    rules: ['7.2-t24', '7.2-t25'],
    matterhorn: '11-004',
    wcag: ['3.1.1'],
    ok: 'Geen annotaties met een tekst (Contents).',
    failed: 'Van sommige annotatieteksten is de taal niet vast te stellen.',
    check(facts) {
      const described = facts.annotations.filter((annotation) => annotation.contents !== undefined);
      if (described.length === 0) return 'not-applicable';
      return {
        problems: described
          .filter((annotation) => !validLanguageTag(facts.lang) && !validLanguageTag(annotation.structLang))
          .map((annotation) => ({
            page: annotation.page,
            object: annotation.object,
            text: `${annotation.subtype}-annotatie met Contents zonder bepaalbare taal`,
          })),
        ok: `De taal van alle ${described.length} annotatieteksten (Contents) is te bepalen.`,
      };
    },
  },
];
