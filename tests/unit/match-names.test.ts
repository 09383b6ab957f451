// Full names: how the matcher reads who is named (a person, not the office before them), and how
// a reason shows them as the page writes them.
import { describe, expect, it } from 'vitest';
import { buildIndex, matchArticle, weighCandidates } from '../../lib/match/index.ts';
import { analyseQuery, type AnalysedQuery } from '../../lib/match/query.ts';
import { asWritten } from '../../lib/match/reasons.ts';
import { fullNames, shownName, wholeName, wordAt, type StoryWrites } from '../../lib/match/full-names.ts';
import { headlineNames, names } from '../../lib/match/tokenize.ts';
import { oneSource as story, QUAKE_2019 } from './match-stories.ts';

describe('full names', () => {
  // Two events of one kind and one team: one running back put on injured reserve, then another.
  const bush = story('bush-ir', 'Saints place Reggie Bush on injured reserve', [
    'The New Orleans Saints placed Reggie Bush on injured reserve.',
    'Reggie Bush will miss the last two games.',
  ]);
  const thomas = story('thomas-ir', 'Saints place Pierre Thomas on injured reserve', [
    'The New Orleans Saints placed Pierre Thomas on injured reserve.',
    'Coach Sean Payton said Thomas had an ankle injury.',
  ]);
  const ix = buildIndex([bush, thomas]);
  const features = (q: { title: string; text: string }) =>
    Object.fromEntries(weighCandidates(ix, analyseQuery(q, ix.text)).weighed.map((w) => [w.storyId, w.features]));

  it('tell one player from another where the name tokens do not', () => {
    const f = features({
      title: 'Saints put Pierre Thomas on IR',
      text: 'The New Orleans Saints put Pierre Thomas on injured reserve on Wednesday. The team signed a back.',
    });
    expect(f['thomas-ir']!.headFull).toBe(1);
    expect(f['bush-ir']!.headFull).toBe(0);
    // "New Orleans Saints" is both stories' full name; "Pierre Thomas" only one's.
    expect(f['thomas-ir']!.ledeFull).toBe(1);
    expect(f['bush-ir']!.ledeFull).toBe(0.5);
    expect(f['thomas-ir']!.storyFull).toBeGreaterThan(f['bush-ir']!.storyFull);
  });

  it('are read without the office before them', () => {
    expect(
      fullNames(names('Officials said President Barack Obama met House Majority Whip Steve Scalise and Vice President Biden.')),
    ).toEqual(['barack obama', 'steve scalise', 'president biden']);
    expect(fullNames(names('Officials said White House Press Secretary Sarah Sanders met General Electric.'))).toEqual([
      'sarah sanders',
      'general electric',
    ]);
    const f = features({ title: '', text: 'The Saints said Coach Sean Payton put Pierre Thomas on injured reserve.' });
    expect(f['thomas-ir']!.ledeFull).toBe(1);
  });

  it('are read without an office "of" something before them, in prose and in headlines', () => {
    // Read as "Secretary" and "State Antony Blinken": one page's full name must be another's.
    expect(fullNames(names('They met Secretary of State Antony Blinken and the Speaker of the House Nancy Pelosi.'))).toEqual([
      'antony blinken',
      'nancy pelosi',
    ]);
    const named = (t: string) => t !== 'visits';
    expect(fullNames(headlineNames('Secretary Of State Antony Blinken Visits Kyiv', named))).toEqual(['antony blinken']);
    // Not across a comma, not after a word of no office, not without a full name after it.
    expect(
      fullNames(names('They met the Secretary, of State Antony Blinken, Bank of America Merrill Lynch and Chairman of the Joint Chiefs.')),
    ).toEqual(['state antony blinken', 'america merrill lynch', 'joint chiefs']);
  });

  it('are shown whole as the page writes them, across "of" and "for", when the story writes that whole too', () => {
    const text =
      'Officials at the Centers for Disease Control and Prevention said on Monday that Bank of America, ' +
      "the Department of Justice and Pfizer and Moderna would meet. In Bank of America's filing, the " +
      'Museum of the City of New York is named.';
    // The story's phrases, matched case aside unless asked as written (`cased`).
    const writes =
      (...phrases: string[]) =>
      (p: string, cased?: boolean) =>
        phrases.some((x) => (cased ? x === p : x.toLowerCase() === p.toLowerCase()));
    const all = writes('Centers for Disease Control', 'Bank of America', 'Department of Justice', 'Museum of the City of New York');
    expect(wholeName(text, 'Centers', all)).toBe('Centers for Disease Control');
    expect(wholeName(text, 'Disease Control', all)).toBe('Centers for Disease Control');
    // The longest whole the story writes: this story does not write "… and Prevention".
    expect(wholeName(text, 'Centers', writes('Centers for Disease Control and Prevention'))).toBe(
      'Centers for Disease Control and Prevention',
    );
    // "and" joins two names as often as one: crossed only after "of" or "for" and only to common
    // words that end the name, and never from the far side.
    expect(wholeName(text, 'Prevention', writes('Centers for Disease Control and Prevention'))).toBe(
      'Centers for Disease Control and Prevention',
    );
    // The story need not write the words before it: "US Centers for …" is "Centers for …" there.
    expect(wholeName('the US Centers for Disease Control said', 'Disease Control', writes('Centers for Disease Control'))).toBe(
      'Centers for Disease Control',
    );
    expect(wholeName('The Food and Drug Administration said.', 'Drug Administration', () => true)).toBe('Food and Drug Administration');
    expect(wholeName(text, 'Moderna', () => true)).toBe('Moderna');
    expect(wholeName('Bank of America and Wells Fargo said.', 'Wells Fargo', () => true)).toBe('Wells Fargo');
    expect(wholeName('Bank of America and Wells Fargo said.', 'Bank', () => true)).toBe('Bank of America');
    expect(wholeName('Pfizer and Moderna said.', 'Pfizer', () => true)).toBe('Pfizer');
    // A sentence's "New York": "New" starts the sentence, so the matcher's name is "York".
    expect(wholeName('It rained. New York flooded.', 'York', writes('New York'))).toBe('New York');
    // So does any name's first word at a sentence's start, the text's first included.
    expect(wholeName('Harlow County paused the plan.', 'County', writes('Harlow County'))).toBe('Harlow County');
    expect(wholeName('It rained. Harlow County paused it.', 'County', writes('Harlow County'))).toBe('Harlow County');
    // Not a capitalised word inside a sentence that is not a name, nor a whole the story does not write.
    expect(wholeName('Yesterday County officials met.', 'County', writes('Harlow County'))).toBe('County');
    // A sentence's first word is taken in only where the story writes the whole in capitals too:
    // "Presumptive" of "Presumptive Democratic nominee" is no name.
    expect(wholeName('Presumptive Democratic nominee Joe Biden won.', 'Democratic', writes('presumptive Democratic'))).toBe('Democratic');
    // Nor an office: "President Biden" is Biden, as the office before any name is left out.
    expect(wholeName('President Biden spoke.', 'Biden', () => true)).toBe('Biden');
    // The comma after "America" ends the name; the sentence's "In" is not part of it.
    expect(wholeName(text, 'America', all)).toBe('Bank of America');
    expect(wholeName(text, 'Justice', all)).toBe('Department of Justice');
    expect(wholeName(text, 'City', all)).toBe('Museum of the City of New York');
    // Only a whole the story writes too is shown: the reason says what both share.
    expect(wholeName(text, 'Justice', writes('Bank of America'))).toBe('Justice');
    // Not inside another word, and a name the text does not write as given stays as given.
    expect(wholeName('Americans and the Bank of America', 'America', all)).toBe('Bank of America');
    expect(wholeName(text, 'Trump', all)).toBe('Trump');
    // What follows a full name is who or where it is: "of" after one is not crossed.
    const senator = 'Sen. Joe Manchin of West Virginia said the Desk of Donald J. Trump wrote.';
    const everything = () => true;
    expect(wholeName(senator, 'Joe Manchin', everything)).toBe('Joe Manchin');
    // An initial does not end a name.
    expect(wholeName(senator, 'Desk', everything)).toBe('Desk of Donald J. Trump');
  });

  it('cite a rare term in lower case, an acronym the article never writes so as written', () => {
    const q = {
      title: 'GOP centrists press for a delay',
      text: 'Kabul airlift slows. The evacuation from Kabul continues; the airlift resumed. Centrists object.',
      nameCounts: new Map(),
    } as unknown as AnalysedQuery;
    const written = asWritten(q);
    // Only an acronym keeps its capitals: "Kabul" only opens sentences here, as "Jobless" opens
    // a title-case headline; a reader finds "kabul" in "Kabul" all the same.
    expect(['gop', 'kabul', 'airlift', 'centrists', 'evacuation'].map(written)).toEqual([
      'GOP',
      'kabul',
      'airlift',
      'centrists',
      'evacuation',
    ]);
    expect(written('absent')).toBe('absent');
    // A word the article reads as a name keeps its capitals ("Same figures: Trump 232").
    const named = analyseQuery({ title: 'Electors meet', text: "Biden won 306 votes to Trump's 232." }, buildIndex([QUAKE_2019]).text);
    expect(asWritten(named)('trump')).toBe('Trump');
  });

  it("cite a word the article writes only with a capital, and the story's prose reads as a name, with its capital", () => {
    const q = {
      title: 'Kabul Airlift Decimated',
      text: 'Jobless claims rise. Kabul airlift slows. Trump spoke. Centrists object.',
      nameCounts: new Map(),
    } as unknown as AnalysedQuery;
    // The story as the matcher reads it: its text (case kept) and the names its prose reads.
    const story = 'Jobless Claims Rise\nJobless claims rose. Flights from Kabul stopped; President Trump said the airlift was decimated.';
    const storyHas: StoryWrites = (phrase, cased = false) =>
      wordAt(cased ? story : story.toLowerCase(), cased ? phrase : phrase.toLowerCase()) >= 0;
    const storyNames = (t: string) => ['kabul', 'trump'].includes(t);
    // "Kabul" and "Trump" open sentences and a title-case headline here, which reads no name;
    // the story writes them mid-sentence. "Jobless" opens its headline and a sentence in both:
    // no name. "Decimated" the story writes in lower case.
    expect(['kabul', 'trump', 'jobless', 'decimated', 'centrists'].map(asWritten(q, storyHas, storyNames))).toEqual([
      'Kabul',
      'Trump',
      'jobless',
      'decimated',
      'centrists',
    ]);
  });

  it('cite a rare term as the story names it, in a real match', () => {
    const index = buildIndex([
      {
        ...QUAKE_2019,
        id: 'talks',
        title: 'Talks on the Ridgecrest quake fund stall',
        dek: 'Governor Newsom and Senator Padilla met Tuesday; Padilla said the fund would pass.',
        body: ['Officials from Ridgecrest asked Padilla for more. The fund was stalled, Newsom said.'],
      },
    ]);
    const { match } = matchArticle(
      {
        title: 'Ridgecrest Quake Fund Talks Stall',
        text: 'Padilla left the talks on Tuesday. Ridgecrest waits for its fund. Newsom blamed the stalled talks.',
      },
      index,
    );
    // "Ridgecrest" opens a sentence and a title-case headline of the article: no name to the
    // matcher, a rare term. The story names it mid-sentence.
    expect(match?.reasons.find((r) => r.code === 'reasonTerms')?.detail).toBe('Shares rare terms: Ridgecrest, quake, stall');
  });

  /** The names the reason gives when `article` matches a one-source story of `title`, `dek` and `body`. */
  const reasonNames = (title: string, dek: string, body: string, article: { title: string; text: string }) => {
    const index = buildIndex([{ ...QUAKE_2019, id: 'one', sources: QUAKE_2019.sources.slice(0, 1), title, dek, body: [body] }]);
    const { match } = matchArticle(article, index);
    return match?.reasons.find((r) => r.kind === 'entities')?.detail ?? '';
  };

  it('give a reason that names an organisation whole, not its parts', () => {
    const names = reasonNames(
      'Centers for Disease Control urges boosters for adults over 65',
      'The Centers for Disease Control said adults over 65 should get a booster.',
      'The Centers for Disease Control recommended boosters for adults over 65 on Thursday.',
      {
        title: 'Boosters for adults over 65, says Centers for Disease Control',
        text: 'The Centers for Disease Control recommended boosters for adults over 65 on Thursday, its director said.',
      },
    );
    expect(names).toContain('Centers for Disease Control');
    expect(names).not.toMatch(/Centers,|, Centers|Disease Control,/);
  });

  it('give a reason that names an organisation once, though a sentence opens with it', () => {
    // "Mayo" opens the sentence, so the text names "Clinic" first and "Mayo Clinic" after.
    const names = reasonNames(
      'Mayo Clinic and Microsoft to build a frontier AI model for medicine',
      'Mayo Clinic and Microsoft will train a frontier model on Mayo Clinic records.',
      'Microsoft and Mayo Clinic said the frontier model would read radiology reports.',
      {
        title: 'A frontier model for medicine',
        text: 'Mayo Clinic and Microsoft said they would build a frontier model. It will read radiology reports from Mayo Clinic, Microsoft said.',
      },
    );
    expect(names).toContain('Mayo Clinic');
    expect(names).not.toMatch(/(^|: |, )Clinic(,|$)/);
  });

  it('give a reason that names no title alone: "the President" is a post, not a name to look for', () => {
    const names = reasonNames(
      'Mick Mulvaney says the partial shutdown may last into the new year',
      'Mick Mulvaney said on Sunday the President would keep the partial shutdown over the border wall going.',
      'The President and Mick Mulvaney said the partial shutdown could run into the new year.',
      {
        title: 'Mulvaney: the shutdown may go on',
        text: 'On Sunday, Mick Mulvaney said the President would keep the partial shutdown over the border wall going into the new year.',
      },
    );
    expect(names).toContain('Mick Mulvaney');
    expect(names).not.toMatch(/President/);
  });

  it('give a reason that names the person, not the office "of" something before the name', () => {
    const names = reasonNames(
      'Mick Mulvaney says the partial shutdown may last into the new year',
      'Mick Mulvaney said on Sunday the partial shutdown over the border wall could last into January.',
      'The acting White House Chief of Staff, Mick Mulvaney, said the partial shutdown could run into the new year.',
      {
        title: 'Mulvaney: the shutdown may go on',
        text: 'On Sunday, White House Chief of Staff Mick Mulvaney said the partial shutdown over the border wall could last into the new year.',
      },
    );
    expect(names).toContain('Mick Mulvaney');
    expect(names).not.toContain('Chief');
  });

  it('are shown as a reader finds them on the page: without an office before or a possessive after', () => {
    const shown: [string, string][] = [
      ["President Joe Biden's", 'Joe Biden'],
      ['House Speaker Nancy Pelosi', 'Nancy Pelosi'],
      ['Secretary of State Antony Blinken', 'Antony Blinken'],
      ['Secretary of State', 'Secretary of State'],
      ['Trump Organization’s', 'Trump Organization'],
      ['General Electric', 'General Electric'],
      ['Texas’', 'Texas'],
      ['Mr Trump', 'Trump'],
      ['As State Department', 'State Department'],
      ['The', 'The'],
      // Stop words that open names stay: the matcher reads "New York" as "york", a reader does not.
      ['New York', 'New York'],
      ['The New York Times', 'New York Times'],
      ['Will Smith', 'Will Smith'],
    ];
    for (const [name, as] of shown) expect(shownName(name), name).toBe(as);
    const { match } = matchArticle(
      {
        title: 'Saints put Reggie Bush on IR',
        text: "Coach Sean Payton said the New Orleans Saints placed Reggie Bush's season on hold: Reggie Bush goes on injured reserve and will miss the last two games.",
      },
      buildIndex([bush, thomas]),
    );
    expect(match?.storyId).toBe('bush-ir');
    expect(match!.reasons.find((r) => r.kind === 'entities')!.detail).toMatch(/^Shares rare names: Reggie Bush(,|$)/);
  });

  it('leave the rare terms each once, not again in the plural', () => {
    const text =
      'Ostrander said its vaccine and its vaccines would ship from Kilbride. The vaccine passed trials in Thwaite, and the vaccines reached clinics in Kilbride and Thwaite. The vaccine, Ostrander said, and the vaccines after it, are safe.';
    const title = 'Ostrander vaccine and vaccines in Kilbride';
    const { match } = matchArticle({ title, text }, buildIndex([story('jab', title, [text])]));
    const terms = match!.reasons.find((r) => r.code === 'reasonTerms')!.args![0]!.split(', ');
    expect(terms).toHaveLength(3);
    expect(terms.filter((t) => t.startsWith('vaccine'))).toHaveLength(1);
  });

  it('are never cited word by word as rare terms', () => {
    // "Vantongeren" ranks below the article's eight main names, and is not cited with them.
    const others = ['Zarkhov', 'Quimbly', 'Ostrander', 'Belisaro', 'Thwaite', 'Murcheson', 'Kilbride', 'Vantongeren'];
    const text = [
      'Speaker Nancy Pelosi named the panel on Tuesday. Pelosi said the panel would meet weekly.',
      ...others.map((n) => `${n} joins the panel, and ${n} will chair a hearing.`),
      'Pelosi thanked them. Pelosi will attend.',
    ].join(' ');
    const panel = story('pelosi-panel', 'Pelosi names the harbour panel', [text]);
    const { match } = matchArticle({ title: 'Pelosi names the harbour panel', text }, buildIndex([panel]));
    expect(match!.reasons.find((r) => r.kind === 'entities')!.detail).toContain('Nancy Pelosi');
    const terms = match!.reasons.find((r) => r.code === 'reasonTerms')?.args?.[0]?.split(', ') ?? [];
    expect(terms.length).toBeGreaterThan(0);
    for (const word of ['nancy', 'vantongeren']) expect(terms).not.toContain(word);
  });

  it('are 0 for an article that names no one in full', () => {
    const f = features({
      title: 'Saints move running back to IR',
      text: 'The Saints moved a running back to injured reserve. Thomas was hurt.',
    });
    for (const v of Object.values(f)) expect([v.headFull, v.ledeFull, v.storyFull]).toEqual([0, 0, 0]);
  });
});
