/**
 * Our fast `visit` (scripts/model/tree-walk.ts) against unist-util-visit itself: on random trees,
 * with visitors that skip, stop, remove, insert and jump, both must call the visitor with the
 * same nodes, indices and parents in the same order and leave the same tree.
 */
import fc from 'fast-check';
import type { Node, Parent } from 'unist';
import { visit as libraryVisit, CONTINUE as libraryContinue, EXIT as libraryExit, SKIP as librarySkip, type VisitorResult } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { CONTINUE, EXIT, SKIP, visit } from '../scripts/model/tree-walk.ts';

interface TestNode extends Node {
  id: number;
  children?: TestNode[];
}

const kinds = ['a', 'b', 'c'] as const;
const treeArbitrary = fc.letrec((tie) => ({
  node: fc.record({
    type: fc.constantFrom(...kinds),
    children: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), fc.array(tie('node'), { maxLength: 4 })),
  }),
})).node;

/** Number the nodes so a visit can be written down. */
function numbered(tree: unknown): TestNode {
  let next = 0;
  const copy = (node: { type: string; children?: unknown[] }): TestNode => ({
    type: node.type,
    id: next++,
    ...(node.children ? { children: node.children.map((child) => copy(child as { type: string; children?: unknown[] })) } : {}),
  });
  return copy(tree as { type: string; children?: unknown[] });
}

type Behaviour = 'continue' | 'skip' | 'exit' | 'remove' | 'insert' | 'jump' | 'undefined';

/** A visitor whose answer for each node id is fixed by `plan`, recording what it saw. */
function visitor(plan: Behaviour[], seen: string[], actions: { CONTINUE: true; EXIT: false; SKIP: 'skip' }, reverse = false) {
  let inserted = 1000;
  return (node: Node, index: number | undefined, parent: Parent | undefined): VisitorResult => {
    const own = node as TestNode;
    seen.push(`${own.id}@${index}/${(parent as TestNode | undefined)?.id}`);
    const behaviour = plan[own.id % plan.length];
    if (behaviour === 'skip') return actions.SKIP;
    if (behaviour === 'exit' && own.id > 3) return actions.EXIT;
    if (behaviour === 'remove' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (behaviour === 'insert' && parent && index !== undefined && inserted < 1010) {
      parent.children.splice(index + 1, 0, { type: 'a', id: inserted++ } as TestNode);
      return actions.CONTINUE;
    }
    // Onwards in the walk's direction (a jump back would visit the same nodes for ever).
    if (behaviour === 'jump' && index !== undefined) return [actions.CONTINUE, reverse ? index - 2 : index + 2];
    return behaviour === 'continue' ? actions.CONTINUE : undefined;
  };
}

describe('fast visit', () => {
  it('visits like unist-util-visit: same calls, same order, same tree after changes', () => {
    const behaviour = fc.constantFrom<Behaviour>('continue', 'skip', 'exit', 'remove', 'insert', 'jump', 'undefined');
    fc.assert(
      fc.property(
        treeArbitrary,
        fc.array(behaviour, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(undefined, 'a', 'b'),
        fc.boolean(),
        (raw, plan, test, reverse) => {
          const ours = numbered(raw);
          const theirs = numbered(raw);
          const seenOurs: string[] = [];
          const seenTheirs: string[] = [];
          if (test) {
            visit(ours, test, visitor(plan, seenOurs, { CONTINUE, EXIT, SKIP }, reverse), reverse);
            libraryVisit(theirs, test, visitor(plan, seenTheirs, { CONTINUE: libraryContinue, EXIT: libraryExit, SKIP: librarySkip }, reverse), reverse);
          } else {
            visit(ours, visitor(plan, seenOurs, { CONTINUE, EXIT, SKIP }, reverse), reverse);
            libraryVisit(theirs, visitor(plan, seenTheirs, { CONTINUE: libraryContinue, EXIT: libraryExit, SKIP: librarySkip }, reverse), reverse);
          }
          expect(seenOurs).toEqual(seenTheirs);
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('takes a test function with the node, its index and its parent', () => {
    const tree = numbered({ type: 'a', children: [{ type: 'b' }, { type: 'c', children: [{ type: 'b' }] }] });
    const calls: string[] = [];
    const record = (list: string[]) => (node: Node, index?: number, parent?: Parent) => {
      list.push(`${(node as TestNode).id}@${index}/${(parent as TestNode | undefined)?.id}`);
      return node.type === 'b';
    };
    const theirs: string[] = [];
    visit(tree, record(calls), () => undefined);
    libraryVisit(tree, record(theirs), () => undefined);
    expect(calls).toEqual(theirs);
    expect(calls).toEqual(['0@undefined/undefined', '1@0/0', '2@1/0', '3@0/2']);
  });
});
