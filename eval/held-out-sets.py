#!/usr/bin/env python3
"""Builds the matcher's two held-out checks from a public crawl, in the corpus's clustered format.

    python3 eval/held-out-sets.py FRAMING_BIAS_METRIC_DIR OUT_DIR

FRAMING_BIAS_METRIC_DIR is a checkout of github.com/HLTCHKUST/framing-bias-metric (AllSides
roundups: one event told by left, center and right outlets, each by its headline and first
paragraphs). OUT_DIR receives two sets that `npm run eval:match -- OUT_DIR/SET` reads like
../shared/corpus/matching/basil (articles.jsonl, clusters.jsonl, manifest.json):

- allsides21: the 505 stories of April to October 2021 with two outlets or more, dated (the
  news of one busy season: many stories of one saga in a store);
- neus: the test and validation stories of the NeuS data (2012 to 2020, no dates, no outlets:
  two-snippet stories, the matcher's worst case), without those whose headlines allsides21 has.

Neither is fitted on (fit:match reads the corpus sets only): they check that a number holds on
news the model never saw. The text belongs to its publishers: the sets are written outside the
repository and never committed. Cluster ids are fixed (`as21-<AllSides id>`,
`neus-<split>-<line>`): make-match-cases.py picks the unseen events by a hash of them, so the
same ids give the same cases.
"""
import ast
import json
import os
import re
import sys

CRAWL = 'data/raw_crawled/headline_11_2021-10-19_crawled_all.jsonl'
NEUS = 'data/naacl2022_lrc_roundup_random_order_probe'


def strings(value):
    """Every string in a crawled body, which is a Python list's repr, at times nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


def body_text(raw):
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    paragraphs = (p.replace('\xa0', ' ').strip() for p in strings(value))
    return '\n\n'.join(p for p in paragraphs if p)


def allsides21(src):
    clusters, articles, headlines = [], [], set()
    with open(os.path.join(src, CRAWL), encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        if len(row['news']) < 2:
            continue
        cid, ids = f"as21-{row['id']}", []
        for k, (_, news) in enumerate(sorted(row['news'].items()), start=1):
            aid = f'{cid}_{k}'
            ids.append(aid)
            headlines.add(news['newsTitle'].strip().lower())
            articles.append({'id': aid, 'cluster': cid, 'title': news['newsTitle'], 'text': body_text(news['newBody']),
                             'url': news.get('newsLink'), 'outlet': news.get('newsSource'), 'date': row['date'], 'lang': 'en'})
        clusters.append({'cluster': cid, 'title': row['issue'], 'dates': [row['date'][:10]], 'size': len(ids), 'articleIds': ids})
    return clusters, articles, headlines


ITEM = re.compile(r'TITLE=>\s*(.*?)\.?\s*ARTICLE=>\s*(.*)$', re.S)


def neus(src, known_headlines):
    clusters, articles, dropped = [], [], 0
    for split in ('test', 'val'):
        with open(os.path.join(src, NEUS, f'{split}.source'), encoding='utf-8') as f:
            sources = f.read().split('\n')
        with open(os.path.join(src, NEUS, f'{split}.target'), encoding='utf-8') as f:
            targets = f.read().split('\n')
        for i, (source, target) in enumerate(zip(sources, targets)):
            items = [m.groups() for m in (ITEM.match(p.strip()) for p in source.split('[SEP]')) if m]
            if len(items) < 2:
                continue
            # The same event in both sets would be one story checked twice.
            if any(h.strip().lower() in known_headlines or (h.strip() + '.').lower() in known_headlines for h, _ in items):
                dropped += 1
                continue
            title = ITEM.match(target.strip())
            cid, ids = f'neus-{split}-{i}', []
            for k, (headline, text) in enumerate(items, start=1):
                aid = f'{cid}_{k}'
                ids.append(aid)
                articles.append({'id': aid, 'cluster': cid, 'title': headline.strip(), 'text': text.strip(),
                                 'url': None, 'outlet': None, 'date': None, 'lang': 'en'})
            clusters.append({'cluster': cid, 'title': title.group(1).strip() if title else None, 'size': len(ids), 'articleIds': ids})
    return clusters, articles, dropped


def write(out, name, clusters, articles, source):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    for file, rows in (('articles.jsonl', articles), ('clusters.jsonl', clusters)):
        with open(os.path.join(folder, file), 'w', encoding='utf-8') as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + '\n' for r in rows)
    with open(os.path.join(folder, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump({'name': name, 'source': source, 'clusters': len(clusters), 'articles': len(articles)}, f, indent=1)
    print(f'{folder}: {len(clusters)} events, {len(articles)} articles')


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split('\n\n')[1])
    src, out = sys.argv[1:]
    if not os.path.isfile(os.path.join(src, CRAWL)):
        sys.exit(f'{src}: no {CRAWL} (give a checkout of github.com/HLTCHKUST/framing-bias-metric)')
    clusters, articles, headlines = allsides21(src)
    write(out, 'allsides21', clusters, articles, f'framing-bias-metric {CRAWL}')
    clusters, articles, dropped = neus(src, headlines)
    write(out, 'neus', clusters, articles, f'framing-bias-metric {NEUS} test + val ({dropped} in allsides21 left out)')


if __name__ == '__main__':
    main()
