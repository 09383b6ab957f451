#!/usr/bin/env python3
"""Turns trafilatura's extraction benchmark into a set in the corpus's pages format.

    python3 eval/held-out-snippets.py TRAFILATURA OUT_DIR

TRAFILATURA is github.com/adbar/trafilatura: a checkout, or a bare git directory of it (its files
are then read from HEAD). Its tests/evaldata.json annotates 990 pages (tests/eval, tests/cache:
news, blogs, institutional pages; German first, English, French and other languages after) with
up to six passages the page's main text must hold ("with") and up to six it must not ("without":
menus, footers, dates, share buttons), the benchmark trafilatura's docs/evaluation.rst compares
eighteen extractors on. OUT_DIR receives one folder per page, named `<host>-<first 8 hex of the
url's sha1>`, with page.html (decoded as a browser would: byte-order mark, then the charset the
page declares, then UTF-8, then windows-1252; written as UTF-8) and truth.json: the url, null for
every field the benchmark does not give, and `with` / `without`, which `npm run eval:extract --
OUT_DIR` scores like trafilatura's tests/eval_common.py (precision, recall, accuracy, F1 over the
passages, whitespace-normalised substring search in the text; a page read as no article holds
none). No `readerable`: the benchmark does not say which pages are articles.

Nobody on the project fits extraction to it: it checks that a number holds on pages the rules
were not written from. The pages belong to their publishers: the set is written outside the
repository and never committed.
"""
import codecs
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlsplit

from repo_files import repo_reader

SOURCE = 'github:adbar/trafilatura'
# The charset a page declares in its first 4 kB, as a browser's prescan reads it (simplified).
DECLARED = re.compile(rb'<meta[^>]+charset\s*=\s*["\']?\s*([A-Za-z0-9_.:-]+)', re.I)


def decode(raw):
    """The page's text as a browser would decode it without HTTP headers."""
    for bom, enc in ((codecs.BOM_UTF8, 'utf-8'), (codecs.BOM_UTF16_LE, 'utf-16-le'), (codecs.BOM_UTF16_BE, 'utf-16-be')):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, 'replace')
    m = DECLARED.search(raw[:4096])
    if m:
        name = m.group(1).decode('ascii', 'replace').lower()
        # WHATWG: a page declaring latin-1 or ascii is read as windows-1252, one declaring UTF-16 in ASCII bytes as UTF-8.
        name = {'iso-8859-1': 'cp1252', 'latin1': 'cp1252', 'us-ascii': 'cp1252', 'ascii': 'cp1252',
                'utf-16': 'utf-8', 'utf-16le': 'utf-8', 'utf-16be': 'utf-8'}.get(name, name)
        try:
            return raw.decode(name, 'replace')
        except LookupError:
            pass
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        return raw.decode('cp1252', 'replace')


def page_url(key, file):
    """The page's address: the annotation's key, but for the pages annotated without one (keys "hard::FILE", "recall::FILE", "xhttps://…")."""
    if key.startswith('xhttp'):
        return key[1:]
    if re.match(r'^[a-z]+::', key):
        # "jamaicaobserver.com-attacks.html": the file is named after its site.
        return f'https://{file.split("-", 1)[0]}/{file}'
    return key


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split('\n\n')[1])
    src, out = sys.argv[1:]
    read, commit = repo_reader(src, 'tests/evaldata.json')
    raw = read('tests/evaldata.json')
    try:
        evaldata = json.loads(raw) if raw is not None else None
    except json.JSONDecodeError as e:
        sys.exit(f'{src}: tests/evaldata.json is not JSON ({e})')
    if not isinstance(evaldata, dict):
        sys.exit(f'{src}: no tests/evaldata.json of annotations')
    names, missing = {}, []
    for url, item in sorted(evaldata.items()):
        page = next((b for b in (read(f'tests/{d}/{item["file"]}') for d in ('cache', 'eval')) if b is not None), None)
        if page is None:
            missing.append(item['file'])
            continue
        url = page_url(url, item['file'])
        host = urlsplit(url).hostname or 'no-host'
        name = f'{host}-{hashlib.sha1(url.encode()).hexdigest()[:8]}'
        if name in names:
            sys.exit(f'{name}: two urls share it ({names[name]}, {url})')
        names[name] = url
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'page.html'), 'w', encoding='utf-8') as f:
            f.write(decode(page))
        case = {'url': url, 'title': None, 'byline': None, 'siteName': None, 'publishedTime': None, 'lang': None,
                'text': None, 'with': item['with'], 'without': item['without'],
                'source': {'repo': SOURCE, 'commit': commit, 'file': item['file']}}
        with open(os.path.join(folder, 'truth.json'), 'w', encoding='utf-8') as f:
            json.dump(case, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'name': 'trafilatura-evaldata', 'source': SOURCE, 'commit': commit, 'cases': len(names),
                   'truth': 'passages the main text must hold ("with") and must not ("without"); no other field'}, f, indent=1)
    print(f'{out}: {len(names)} pages' + (f'; {len(missing)} annotated files missing: {", ".join(missing[:5])}' if missing else ''))


if __name__ == '__main__':
    main()
