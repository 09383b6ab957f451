#!/usr/bin/env python3
"""Turns a public article-body benchmark into an extraction set in the corpus's pages format.

    python3 eval/held-out-pages.py BENCHMARK OUT_DIR

BENCHMARK is github.com/scrapinghub/article-extraction-benchmark: a checkout, or a bare git
directory of it (its files are then read from HEAD). It holds 181 real article pages
(html/<id>.html.gz, saved by a headless browser with scripts off, UTF-8) and ground-truth.json
(each id's url and articleBody: the article's text as a person marked it). OUT_DIR receives one
folder per page, named `<host>-<first 8 hex of the id>`, with page.html and truth.json, which
`npm run eval:extract -- OUT_DIR` reads like ../shared/corpus/pages/mercury-fixtures: url and
text from the benchmark, null for title, byline, siteName, publishedTime and lang (it gives none),
the benchmark's id, `readerable: true` (every page is an article) and `textLeavesOut`: the
headline and captions, which its truth leaves out and eval:extract scores apart.

Nobody on the project fits extraction to it: it checks that a number holds on pages the rules
were not written from. The pages belong to their publishers: the set is written outside the
repository and never committed.
"""
import gzip
import json
import os
import sys
from urllib.parse import urlsplit

from repo_files import repo_reader

SOURCE = 'github:scrapinghub/article-extraction-benchmark'
# The benchmark's article body is the article's paragraphs without its headline or the captions of
# its pictures (read page by page: docs/extraction.md); eval:extract scores that apart.
LEAVES_OUT = ['headline', 'captions']


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split('\n\n')[1])
    src, out = sys.argv[1:]
    read, commit = repo_reader(src, 'ground-truth.json')
    raw = read('ground-truth.json')
    try:
        truth = json.loads(raw) if raw is not None else None
    except json.JSONDecodeError as e:
        sys.exit(f'{src}: ground-truth.json is not JSON ({e})')
    if not isinstance(truth, dict):
        sys.exit(f'{src}: no ground-truth.json')
    names = {}
    for key, item in sorted(truth.items()):
        host = urlsplit(item.get('url') or '').hostname or 'no-host'
        name = f'{host}-{key[:8]}'
        if name in names:
            sys.exit(f'{name}: two ids share it ({names[name]}, {key})')
        names[name] = key
        page = read(f'html/{key}.html.gz')
        if page is None:
            sys.exit(f'{src}: html/{key}.html.gz is missing')
        html = gzip.decompress(page)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'page.html'), 'wb') as f:
            f.write(html)
        case = {'url': item.get('url'), 'title': None, 'byline': None, 'siteName': None, 'publishedTime': None,
                'lang': None, 'text': item.get('articleBody'), 'readerable': True, 'textLeavesOut': LEAVES_OUT,
                'source': {'repo': SOURCE, 'commit': commit, 'id': key}}
        with open(os.path.join(folder, 'truth.json'), 'w', encoding='utf-8') as f:
            json.dump(case, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'name': 'article-extraction-benchmark', 'source': SOURCE, 'commit': commit, 'cases': len(names),
                   'truth': 'articleBody, marked by a person: text only; no title, byline, date or language'}, f, indent=1)
    print(f'{out}: {len(names)} pages')


if __name__ == '__main__':
    main()
