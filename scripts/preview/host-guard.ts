/**
 * DNS rebinding guard of the preview: a page on another site reaches a local server under its
 * own name, so only our host names pass, and requests that do work (the PDF, the event stream)
 * must not come from another origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The host names served: localhost, 127.0.0.1, [::1] and those allowed with `--host`. */
export function allowedHosts(extra: string[] = []): Set<string> {
  return new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map((name) => name.toLowerCase())]);
}

/** Answer 403 and true when `request` comes under another host name or from another origin. */
export function refuseForeign(request: IncomingMessage, response: ServerResponse, allowed: Set<string>): boolean {
  if (!hostAllowed(request.headers.host, allowed)) return refuse(response, 'onbekende host', request.headers.host);
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(origin, allowed)) return refuse(response, 'verzoek van een andere site', origin);
  return false;
}

function refuse(response: ServerResponse, what: string, value: string | undefined): true {
  response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(
    `Geweigerd: ${what} „${value ?? '(geen)'}”. De preview antwoordt alleen op localhost, 127.0.0.1 en [::1]; sta een andere naam toe met kia preview --host NAAM.\n`,
  );
  return true;
}

/** The host name of a `Host` header (`name`, `name:port`, `[::1]:port`), lower case, or undefined. */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::\d+)?$/i.exec(header.trim());
  return match?.[1].toLowerCase();
}

/** True when the `Host` header names one of `allowed`. */
function hostAllowed(header: string | undefined, allowed: Set<string>): boolean {
  const name = hostName(header);
  return name !== undefined && allowed.has(name);
}

/** True when an `Origin` header is an http(s) origin on one of `allowed`. */
function originAllowed(origin: string, allowed: Set<string>): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowed.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}
