/**
 * Parse the YAML frontmatter (found by remark-frontmatter) and validate it against the schema.
 *
 * Every problem becomes a vfile message with the exact line and column in the Markdown file;
 * on success `file.data.matter` holds the typed frontmatter and `file.data.frontmatterPlaces`
 * the position of every value, so later steps (response files) can point at the right line.
 */
import type { Root, Yaml } from 'mdast';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { frontmatterSchemaFor, responseSchema, type Frontmatter, type ResponseEntry } from '../../model/frontmatter-schema.ts';
import { validateYaml } from '../../model/yaml-schema.ts';

const source = 'kia-frontmatter';

declare module 'vfile' {
  interface DataMap {
    matter: Frontmatter;
    /** Start point of each frontmatter value, keyed by path such as `responses.0.file`. */
    frontmatterPlaces: Record<string, Point>;
    /**
     * The `responses` list when it is valid, even if other fields are not, so that missing
     * response files are reported in the same run as the other problems.
     */
    matterResponses: ResponseEntry[];
  }
}

/** Validate the document's frontmatter; see module comment. */
export default function remarkKiaFrontmatter() {
  return function (tree: Root, file: VFile) {
    const first = tree.children[0];
    if (!first || first.type !== 'yaml') {
      // An opening `---` whose closing line is missing: Markdown then reads it as a rule.
      const unclosed = first?.type === 'thematicBreak' && first.position?.start.line === 1 && /^---[ \t]*(\n|$)/.test(String(file.value));
      file.message(
        unclosed
          ? 'Unexpected frontmatter without a closing `---`, expected a line `---` after the last field'
          : 'Unexpected missing frontmatter, expected YAML between `---` lines at the start of the file',
        { place: { line: 1, column: 1 }, source, ruleId: unclosed ? 'unclosed-frontmatter' : 'missing-frontmatter' },
      ).fatal = true;
      return;
    }
    validateFrontmatter(first, file);
    warnFrontmatterInBody(tree, file);
  };
}

function validateFrontmatter(node: Yaml, file: VFile) {
  // The YAML text starts on the line after the opening `---`.
  const { data, values, places } = validateYaml(node.value, {
    file,
    source,
    schema: (topLevel) => frontmatterSchemaFor(topLevel('type')),
    lineOffset: node.position?.start.line ?? 1,
    notMapping: { reason: 'Unexpected frontmatter that is not a mapping, expected `key: value` lines', ruleId: 'frontmatter-not-mapping' },
  });
  if (values) file.data.frontmatterPlaces = places;
  const responses = responseSchema.array().safeParse(values?.responses ?? []);
  if (values && responses.success) file.data.matterResponses = responses.data;
  if (data) file.data.matter = data;
}

/**
 * A second `---` block further down (pasted metadata, a merged file) is not frontmatter:
 * Markdown makes it a rule and a heading reading `title: …`. Say so where it is.
 */
function warnFrontmatterInBody(tree: Root, file: VFile) {
  tree.children.forEach((node, index) => {
    const previous = tree.children[index - 1];
    if (index < 2 || node.type !== 'heading' || node.depth !== 2 || previous?.type !== 'thematicBreak') return;
    const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    if (!/^[A-Za-z_][\w-]*:\s/.test(text)) return;
    file.message(
      'Unexpected `---` block with `key: value` lines in the text, expected frontmatter only at the very start of the file (this shows as a rule and a heading)',
      {
        place: previous.position,
        source,
        ruleId: 'frontmatter-in-body',
      },
    );
  });
}
