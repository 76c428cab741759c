/**
 * The files of a new publication project (`kia init`): the team's own repository with kia-press
 * as a dependency, its content (a scaffolded KIA, the Kamerbrief that offers it, the
 * publication), and CI for GitLab and GitHub that builds with the gate and keeps the output and
 * the accessibility report. Pure: paths and texts; the command writes them.
 */
import { projectInstrument } from '../model/instrument.ts';
import { scaffoldAssessment } from './scaffold.ts';

export interface ProjectOptions {
  /** The project's npm name (the folder's name, lower case). */
  name: string;
  ministry: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The kia-press version to depend on, as npm writes it (`^0.1.0`, or a `file:` tarball). */
  dependency: string;
}

/** The package.json scripts a project gets (also merged into an existing package.json). */
export const projectScripts = {
  build: 'kia build',
  final: 'kia build --final',
  check: 'kia check',
  preview: 'kia preview',
  audit: 'kia audit',
};

/** Every file of the new project, by path relative to its folder. */
export function projectFiles(options: ProjectOptions): Record<string, string> {
  const slug = 'kia-voorbeeld';
  const letter = 'kamerbrief-voorbeeld';
  return {
    'package.json': `${JSON.stringify(
      {
        name: options.name,
        private: true,
        type: 'module',
        scripts: projectScripts,
        dependencies: { 'kia-press': options.dependency },
      },
      null,
      2,
    )}\n`,
    '.gitignore': 'node_modules/\ndist/\ndist.*/\ndist-intern/\n.kia-cache/\n',
    [`content/${slug}/index.md`]: scaffoldAssessment({
      instrument: projectInstrument(),
      service: 'Voorbeelddienst',
      date: options.date,
      schema: `../../${installedSchemas}/kia.schema.json`,
    }),
    [`content/${letter}/index.md`]: kamerbrief(options, slug),
    'content/publication.yml': publication(options, [letter, slug]),
    'README.md': readme(options, slug),
    '.gitlab-ci.yml': gitlab,
    '.github/workflows/kia.yml': github,
  };
}

/** Where the editor schemas are in a project that installed kia-press. */
const installedSchemas = 'node_modules/kia-press/schemas';

function kamerbrief(options: ProjectOptions, slug: string): string {
  return `---
# yaml-language-server: $schema=../../${installedSchemas}/brief.schema.json
title: Aanbieding Kinderrechten Impact Assessment Voorbeelddienst
type: brief
lang: nl
date: ${options.date}
status: concept
authors:
  - de minister
commissioner: ${options.ministry}
description: Brief waarmee de minister het KIA over Voorbeelddienst aan de Tweede Kamer aanbiedt.
letter:
  subject: Aanbieding Kinderrechten Impact Assessment Voorbeelddienst
  returnAddress: Retouradres Postbus 20011 2500 EA Den Haag
  sender:
    organisation: ${options.ministry}
    address: [Postbus 20011, 2500 EA Den Haag]
  attachments: [Kinderrechten Impact Assessment Voorbeelddienst]
  closing: Hoogachtend,
  signature:
    name: de minister
    function: namens deze, de directeur
---

## Aanleiding

Hierbij bied ik u het Kinderrechten Impact Assessment (KIA) over Voorbeelddienst aan
(zie [het KIA](../${slug}/)).

## Vervolg

Ik informeer uw Kamer over de maatregelen die volgen uit het KIA.
`;
}

function publication(options: ProjectOptions, documents: string[]): string {
  return `# yaml-language-server: $schema=../${installedSchemas}/publication.schema.json
# The publication sent to parliament: the letter first, then the assessment it offers.
title: Kinderrechten Impact Assessment Voorbeelddienst
date: ${options.date}
sender:
  ministry: ${options.ministry}
documents:
${documents.map((slug) => `  - ${slug}`).join('\n')}
`;
}

function readme(options: ProjectOptions, slug: string): string {
  return `# ${options.name}

Publicaties van ${options.ministry}, gebouwd met [kia-press](https://www.npmjs.com/package/kia-press):
Markdown wordt toegankelijke HTML en een PDF, gecontroleerd op digitale toegankelijkheid.

## Twee commando's

\`\`\`sh
npm install      # kia-press en wat het nodig heeft (Chromium: apt-get install chromium)
npm run build    # content/ → dist/: HTML, PDF, toegankelijkheidsrapport (dist/toegankelijkheid/)
\`\`\`

## Waar staat wat

- \`content/<naam>/index.md\`: één document per map (KIA, Kamerbrief); \`content/${slug}/\` is een begin.
- \`content/<naam>/responses/\`: de reacties, letterlijk; neem ze over met
  \`npx kia import-response ontvangen.pdf --doc ${slug} --from "Naam"\`.
- \`content/publication.yml\`: de publicatie voor de Kamer (\`npx kia build --bundle\`).
- \`npm run preview\`: live voorbeeld tijdens het schrijven; \`npm run final\`: de definitieve versie.
- CI (\`.gitlab-ci.yml\`, \`.github/workflows/kia.yml\`): bouwt met de toegankelijkheidscontrole
  en bewaart \`dist/\` met het rapport.
`;
}

// Debian's Chromium (kia-press prints with it; npm's own browser downloads are switched off).
// The audit runs as a matrix: each job checks a stable share of the files (--shard), one job
// merges their reports into one (--merge), shown as test results.
const gitlab = `# Build the publication with the accessibility gate; keep dist/ and the report.
# Then audit the published files in parallel shards and merge the reports into one.
image: node:20-bookworm

stages: [build, audit, report]

variables:
  PUPPETEER_SKIP_DOWNLOAD: "1"
  CHROMEDRIVER_SKIP_DOWNLOAD: "true"

default:
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium poppler-utils qpdf libimage-exiftool-perl
    - npm ci

build:
  stage: build
  script:
    - npx kia build --report junit=kia-build.xml --report sarif=kia-build.sarif
  artifacts:
    when: always
    paths: [dist/, kia-build.sarif]
    reports:
      junit: kia-build.xml

audit:
  stage: audit
  needs: [build]
  parallel: 4
  script:
    - npx kia audit dist --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --out "audit-$CI_NODE_INDEX"
  artifacts:
    when: always
    paths: [audit-*/]

audit-report:
  stage: report
  needs: [audit]
  when: always
  script:
    - npx kia audit --merge audit-*/report.json --out audit --report junit=audit.xml --report sarif=audit.sarif
  artifacts:
    when: always
    paths: [audit/, audit.sarif]
    reports:
      junit: audit.xml
`;

/** The steps every GitHub job starts with: the repository, Node 20, Debian tools (`apt`), npm ci. */
const githubSetup = (apt?: string) =>
  [
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    ...(apt ? [`      - run: sudo apt-get update -qq && sudo apt-get install -y -qq ${apt}`] : []),
    '      - run: npm ci',
  ].join('\n');

const github = `# Build the publication with the accessibility gate; keep dist/ and the report.
# Then audit the published files in parallel shards and merge the reports into one.
name: kia
on: [push, pull_request]
env:
  PUPPETEER_SKIP_DOWNLOAD: "1"
  CHROMEDRIVER_SKIP_DOWNLOAD: "true"
  # GitHub's Ubuntu runners come with Google Chrome; kia-press prints with it.
  KIA_CHROMIUM: /usr/bin/google-chrome
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${githubSetup('poppler-utils qpdf libimage-exiftool-perl')}
      - run: npx kia build --report junit=kia-build.xml --report sarif=kia-build.sarif
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: publicatie
          path: |
            dist/
            kia-build.xml
            kia-build.sarif
  audit:
    needs: build
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        shard: [1, 2, 3, 4]
    steps:
${githubSetup('poppler-utils qpdf')}
      - uses: actions/download-artifact@v4
        with:
          name: publicatie
      - run: npx kia audit dist --shard \${{ matrix.shard }}/4 --out audit-\${{ matrix.shard }}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: audit-\${{ matrix.shard }}
          path: audit-\${{ matrix.shard }}/
  audit-report:
    needs: audit
    if: always()
    runs-on: ubuntu-latest
    steps:
${githubSetup()}
      - uses: actions/download-artifact@v4
        with:
          pattern: audit-*
      - run: npx kia audit --merge audit-*/report.json --out audit --report junit=audit.xml --report sarif=audit.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: audit.sarif
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: audit
          path: |
            audit/
            audit.xml
`;
