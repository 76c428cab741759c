/** Work on a list with a bounded number of tasks at once. */

/** Run `work` on every item, at most `jobs` at a time (at least one), each started as one finishes. */
export async function eachConcurrently<T>(items: T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}
