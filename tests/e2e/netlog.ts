// Chromium's own record of every request its network stack made (--log-net-log), with who
// asked: an extension's pages and service worker carry its origin as initiator, a web page its
// own, and the browser's own services "not an origin". The file is complete once the browser
// has closed.
import { readFileSync } from 'node:fs';

export interface LoggedRequest {
  url: string;
  method: string;
  initiator: string;
  /** "main frame", "other", … */
  requestType: string;
  headers: string[];
}

export function readNetLog(path: string): LoggedRequest[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; source: { id: number }; params?: Record<string, unknown> }[];
  };
  const type = log.constants.logEventTypes;
  const bySource = new Map<number, LoggedRequest>();
  for (const e of log.events) {
    // The job's begin event carries the request; its end event (same id) only the outcome.
    if (e.type === type.URL_REQUEST_START_JOB && typeof e.params?.url === 'string') {
      bySource.set(e.source.id, {
        url: String(e.params.url),
        method: String(e.params.method),
        initiator: String(e.params.initiator ?? 'not an origin'),
        requestType: String(e.params.request_type ?? ''),
        headers: [],
      });
    } else if (e.type === type.HTTP_TRANSACTION_SEND_REQUEST_HEADERS && e.params) {
      // The transaction logs its headers under the request's own source id.
      bySource.get(e.source.id)?.headers.push(...((e.params.headers as string[] | undefined) ?? []));
    }
  }
  return [...bySource.values()];
}
