/**
 * The preview's rebuilds: one at a time, in the order the saves came in; saves of one document
 * within a few milliseconds (editors write a file in several steps) make one rebuild. The fast
 * rebuild parses chapters apart; once the author pauses, a full parse confirms it.
 */
import { existsSync } from 'node:fs';
import type { EventStreams, PreviewEvent } from './events.ts';
import type { PreviewPages } from './pages.ts';

/** The pseudo-document of a change under `styles/`. */
export const stylesChanged = '*styles*';

const settleMs = 10;
const confirmAfterMs = 1500;

export class RebuildQueue {
  #queue: Promise<void> = Promise.resolve();
  readonly #pending = new Map<string, { since: number; timer: NodeJS.Timeout }>();
  readonly #toConfirm = new Set<string>();
  #confirmTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pages: PreviewPages,
    private readonly streams: EventStreams,
    private readonly emit: (event: PreviewEvent) => void,
    /** Copy the stylesheets again (a change under `styles/`). */
    private readonly refreshStyles: () => Promise<void>,
  ) {}

  /** A file of document `slug` (or `stylesChanged`) changed. */
  changed(slug: string): void {
    const now = performance.now();
    const entry = this.#pending.get(slug);
    if (entry) clearTimeout(entry.timer);
    const since = entry?.since ?? now;
    this.#pending.set(slug, {
      since,
      timer: setTimeout(() => {
        this.#pending.delete(slug);
        this.#rebuild(slug, since);
      }, settleMs),
    });
  }

  /** Stop the timers and wait for the rebuild in progress. */
  async close(): Promise<void> {
    clearTimeout(this.#confirmTimer);
    for (const entry of this.#pending.values()) clearTimeout(entry.timer);
    await this.#queue.catch(() => undefined);
  }

  #rebuild(slug: string, since: number): void {
    this.#queue = this.#queue.then(async () => {
      if (slug === stylesChanged) {
        await this.refreshStyles();
        this.streams.send('reload', { slug: '*' });
        this.emit({ type: 'styles', ms: performance.now() - since });
        return;
      }
      // The folder list only changes when a document appears or goes: not on every save.
      const known = this.pages.get(slug);
      if (!known || !existsSync(known.doc.index)) await this.pages.discover();
      const page = this.pages.get(slug);
      if (!page) {
        this.streams.send('reload', { slug: '*' });
        return;
      }
      const result = await this.pages.compile(page);
      const ms = performance.now() - since;
      const files = result.files.filter((file) => file.messages.length > 0);
      if (result.document) {
        this.streams.send('reload', { slug, ms });
        this.emit({ type: 'rebuilt', slug, ms, files });
        this.#scheduleConfirm(slug);
      } else {
        this.streams.send('failed', { slug, report: page.errors });
        this.emit({ type: 'failed', slug, ms, files });
      }
    });
  }

  #scheduleConfirm(slug: string): void {
    this.#toConfirm.add(slug);
    clearTimeout(this.#confirmTimer);
    this.#confirmTimer = setTimeout(() => {
      this.#queue = this.#queue.then(async () => {
        for (const name of this.#toConfirm) {
          const page = this.pages.get(name);
          if (!page?.html) continue;
          const fast = page.html;
          await this.pages.compile(page, true);
          if (page.html !== fast) {
            this.streams.send('reload', { slug: name });
            this.emit({ type: 'corrected', slug: name });
          }
        }
        this.#toConfirm.clear();
      });
    }, confirmAfterMs);
  }
}
