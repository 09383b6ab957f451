// axe-core, injected by the suite (never shipped): evaluated through the DevTools protocol
// (Chromium) or WebDriver BiDi (Firefox), which the extension pages' CSP does not apply to.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** What axe needs of a page: a Playwright page (Chromium) or a Puppeteer one (Firefox). */
interface Evaluates {
  evaluate(script: string): Promise<unknown>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

/** Runs axe on the page as it is now and returns its violations, readable in a test failure. */
export async function axeViolations(page: Evaluates): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
