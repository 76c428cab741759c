import type { VFile } from 'vfile';

/** One line per message: `file:line:column severity ruleId source: reason`, in file order. */
export function formatMessages(files: VFile[]): string {
  return files
    .flatMap((file) =>
      file.messages.map((message) => {
        const place = message.line ? `${message.line}:${message.column}` : '-';
        return `${file.path}:${place} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.source}: ${message.reason}\n`;
      }),
    )
    .join('');
}

/** The reporter's message lines in a CLI's stderr, padding collapsed: `12:3 error Unexpected … rule-id source`. */
export function messageLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => /^(\d+:\d+(-\d+:\d+)? )?(error|warning) /.test(line));
}
