/** Peak memory of a process tree, sampled from /proc (Linux). */
import { readFileSync, readdirSync } from 'node:fs';

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      tree.set(parent, [...(tree.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory (bytes) of `root` and all its descendants right now. */
export function treeRss(root: number): number {
  const tree = children();
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rssKb(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return total * 1024;
}

/** Sample the tree of `pid()` every `intervalMs` until stopped; `stop()` returns the peak in bytes. */
export function samplePeak(pid: () => number | undefined, intervalMs = 100): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    const current = pid();
    if (current) peak = Math.max(peak, treeRss(current));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
