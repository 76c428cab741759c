/** SOURCE_DATE_EPOCH holds something other than a date in whole seconds since 1970. */
export class InvalidBuildDate extends Error {
  constructor(readonly value: string) {
    super(`Unexpected SOURCE_DATE_EPOCH \`${value}\`, expected whole seconds since 1970 (such as 1764547200 for 2025-12-01)`);
  }
}

/**
 * The build date shown on drafts and recorded in the manifest: the day of SOURCE_DATE_EPOCH
 * when it is set (reproducible builds), else today (UTC). A day, not a time: two builds on the
 * same day give the same bytes. Throws `InvalidBuildDate` for a value that is not such a day.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const date = new Date(Number(epoch) * 1000);
    // Beyond year 9999 the day would not be YYYY-MM-DD; past 275,760 it is no date at all.
    if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) throw new InvalidBuildDate(epoch);
    return date.toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
