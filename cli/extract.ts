// lens extract PAGE.html... [--url URL]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../lib/extract/index.ts';
import { limitExtraction } from '../lib/extract/limits.ts';
import type { Extraction } from '../lib/article.ts';
import { CliError, printJson, readDocument, type Io } from './io.ts';

/** The CLI's view of one extraction: the field list, plus why when it is not an article. */
export function extractionRecord(file: string, ex: Extraction) {
  if (ex.kind === 'not-article') {
    return {
      file,
      readerable: false,
      reason: ex.reason,
      title: ex.title || null,
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: null,
      canonicalUrl: null,
      excerpt: null,
      text: '',
    };
  }
  const a = ex.article;
  return {
    file,
    readerable: true,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    modifiedTime: a.modifiedTime,
    lang: a.lang,
    canonicalUrl: a.canonicalUrl,
    excerpt: a.excerpt,
    section: a.section,
    keywords: a.keywords,
    partial: a.partial,
    wordCount: a.wordCount,
    text: a.text,
  };
}

/** Extracts `file` as if it had been loaded from `url` (default: its file:// URL). */
export function extractFile(file: string, url?: string): Extraction {
  return limitExtraction(extractArticle(readDocument(file), url ?? pathToFileURL(resolve(file)).href));
}

export function extractCommand(args: string[], io: Io): void {
  const { values, positionals } = parseArgs({ args, options: { url: { type: 'string' } }, allowPositionals: true });
  if (!positionals.length) throw new CliError('give at least one PAGE.html');
  const records = positionals.map((file) => extractionRecord(file, extractFile(file, values.url)));
  for (const r of records) printJson(io, r, records.length === 1);
}
