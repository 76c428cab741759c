/** What the preview tells the command (`PreviewEvent`) and the open pages (server-sent events). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VFile } from 'vfile';

export type PreviewEvent =
  | { type: 'ready'; url: string; documents: string[]; ms: number; files: VFile[] }
  /** `ms`: from the first file-system event of the save to the reload message sent. */
  | { type: 'rebuilt'; slug: string; ms: number; files: VFile[] }
  | { type: 'failed'; slug: string; ms: number; files: VFile[] }
  | { type: 'corrected'; slug: string }
  | { type: 'styles'; ms: number }
  | { type: 'pdf'; slug: string; ms: number; ok: boolean; files: VFile[] };

/** The open pages' event streams (`/__kia/events`): reload and error messages go to all. */
export class EventStreams {
  readonly #clients = new Set<ServerResponse>();

  /** Answer `request` with an event stream that stays open until the page goes. */
  open(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': kia preview\n\n');
    this.#clients.add(response);
    request.on('close', () => this.#clients.delete(response));
  }

  send(event: 'reload' | 'failed', data: unknown): void {
    for (const client of this.#clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    for (const client of this.#clients) client.end();
  }
}
