/**
 * The build date shown on drafts and recorded in the manifest: the day of SOURCE_DATE_EPOCH
 * when it is set (reproducible builds), else today (UTC). A day, not a time: two builds on the
 * same day give the same bytes.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${epoch}\``);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
