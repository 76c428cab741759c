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
