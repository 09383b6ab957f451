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
import subprocess
import sys
from urllib.parse import urlsplit

SOURCE = 'github:scrapinghub/article-extraction-benchmark'
# The benchmark's article body is the article's paragraphs without its headline or the captions of
# its pictures (read page by page: docs/extraction.md); eval:extract scores that apart.
LEAVES_OUT = ['headline', 'captions']


def reader(src):
    """A function giving the bytes of a file of the benchmark, and the commit read (None for a checkout)."""
    if os.path.isfile(os.path.join(src, 'ground-truth.json')):
        def read(path):
            with open(os.path.join(src, path), 'rb') as f:
                return f.read()
        return read, None

    def git(*args):
        return subprocess.run(['git', '--git-dir', src, *args], check=True, capture_output=True).stdout

    try:
        commit = git('rev-parse', 'HEAD').decode().strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        sys.exit(f'{src}: neither a checkout with ground-truth.json nor a git directory')
    return (lambda path: git('show', f'HEAD:{path}')), commit


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split('\n\n')[1])
    src, out = sys.argv[1:]
    read, commit = reader(src)
    try:
        truth = json.loads(read('ground-truth.json'))
    except (subprocess.CalledProcessError, FileNotFoundError, json.JSONDecodeError) as e:
        sys.exit(f'{src}: no readable ground-truth.json ({e})')
    names = {}
    for key, item in sorted(truth.items()):
        host = urlsplit(item.get('url') or '').hostname or 'no-host'
        name = f'{host}-{key[:8]}'
        if name in names:
            sys.exit(f'{name}: two ids share it ({names[name]}, {key})')
        names[name] = key
        html = gzip.decompress(read(f'html/{key}.html.gz'))
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
