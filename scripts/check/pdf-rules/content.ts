/**
 * Page content (ISO 14289-1 7.1 and 7.8), from the content streams: every painting operator in
 * tagged content or an artifact, never one inside the other; page furniture as artifacts.
 */
import { mmToPt, pageMarginsMm } from '../../pdf/text.ts';
import { clip, type PdfRule, type Problem } from './rule.ts';

const kindLabels: Record<string, string> = { text: 'tekst', path: 'lijn of vlak', image: 'afbeelding', shading: 'kleurverloop' };

export const contentRules: PdfRule[] = [
  {
    id: 'pdf-content-tagged',
    title: 'Alle inhoud getagd of artefact',
    clause: '7.1',
    rules: ['7.1-t03'],
    matterhorn: '01-005',
    wcag: ['1.3.1'],
    ok: 'Alle tekst, lijnen, vlakken en afbeeldingen op de pagina’s staan in getagde inhoud of zijn als artefact gemarkeerd.',
    failed: 'Er staat inhoud op de pagina’s die niet getagd en geen artefact is: een schermlezer slaat die over of leest hem zonder structuur.',
    check(facts) {
      const problems: Problem[] = [];
      facts.content.forEach((page, index) => {
        if (page.error) problems.push({ page: index + 1, text: page.error });
        const kinds = new Map<string, number>();
        for (const item of page.untagged) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
        for (const [kind, count] of kinds) problems.push({ page: index + 1, text: `${count}× ${kindLabels[kind] ?? kind} niet getagd en geen artefact` });
      });
      return problems;
    },
  },
  {
    id: 'pdf-artifact-in-tagged',
    title: 'Geen artefact binnen getagde inhoud',
    clause: '7.1',
    rules: ['7.1-t01'],
    matterhorn: '01-003',
    wcag: ['1.3.1'],
    ok: 'Geen artefact staat binnen getagde inhoud.',
    failed: 'Er staan artefacten binnen getagde inhoud.',
    check: (facts) =>
      facts.content.flatMap((page, index) =>
        page.artifactInTagged.length > 0
          ? [
              {
                page: index + 1,
                text: `${page.artifactInTagged.length}× Artifact binnen getagde inhoud (byte ${page.artifactInTagged[0]} van de inhoudsstroom)`,
              },
            ]
          : [],
      ),
  },
  {
    id: 'pdf-tagged-in-artifact',
    title: 'Geen getagde inhoud binnen een artefact',
    clause: '7.1',
    rules: ['7.1-t02'],
    matterhorn: '01-004',
    wcag: ['1.3.1'],
    ok: 'Geen getagde inhoud staat binnen een artefact.',
    failed: 'Er staat getagde inhoud binnen artefacten; hulptechnologie slaat die over.',
    check: (facts) =>
      facts.content.flatMap((page, index) =>
        page.taggedInArtifact.length > 0
          ? [{ page: index + 1, text: `${page.taggedInArtifact.length}× getagde inhoud (MCID) binnen een Artifact (byte ${page.taggedInArtifact[0]})` }]
          : [],
      ),
  },
  {
    id: 'pdf-furniture-artifacts',
    title: 'Paginakop en paginanummers als artefact',
    clause: '7.8',
    // Matterhorn 18-001 is a human check; the reference validator has no rule for it.
    rules: [],
    matterhorn: '18-001',
    wcag: ['1.3.1'],
    ok: 'Kopregels en paginanummers in de marges zijn als artefact gemarkeerd.',
    failed: 'Tekst in de paginamarges (kopregel, paginanummer) is niet als artefact gemarkeerd.',
    check(facts, { expected }) {
      // What is a running head or page number depends on the layout: known only for our own pages.
      if (!facts.text || !expected) {
        return {
          problems: [],
          status: 'not-checked',
          ok: 'Niet automatisch gecontroleerd: wat kopregel of paginanummer is, hangt af van de opmaak; alleen bij `kia build` zijn de paginamarges bekend. Controleer het handmatig (bijvoorbeeld met PAC).',
        };
      }
      const problems: Problem[] = [];
      facts.text.forEach((runs, index) => {
        const height = facts.pageHeights[index];
        for (const run of runs) {
          if (!run.text.trim() || run.artifact) continue;
          if (run.y < pageMarginsMm.bottom * mmToPt || run.y > height - pageMarginsMm.top * mmToPt)
            problems.push({
              page: index + 1,
              text: `„${clip(run.text)}” in de paginamarge is ${run.mcid === undefined ? 'niet gemarkeerd' : 'als inhoud getagd'}`,
            });
        }
      });
      return problems;
    },
  },
];
