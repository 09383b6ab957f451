// A small store written for the matcher's tests: two earthquakes years apart (same topic,
// different events), a transit vote, a rate decision, a flood and a budget, each with sources.
import type { Story } from '../../lib/story/story.ts';

interface Spec {
  id: string;
  title: string;
  dek: string;
  body: string[];
  day: string;
  sources: [outlet: string, domain: string, title: string, path: string][];
}

export function story(s: Spec): Story {
  return {
    id: s.id,
    title: s.title,
    dek: s.dek,
    topic: 'news',
    category: 'Test',
    publishedAt: `${s.day}T12:00:00Z`,
    viewpoints: [{ id: 'coverage', name: 'Coverage', share: 1, summary: 'All coverage.' }],
    missingPerspectives: [],
    body: s.body,
    sources: s.sources.map(([outlet, domain, title, path], i) => ({
      n: i + 1,
      outlet,
      outletDomain: domain,
      viewpointId: 'coverage',
      title,
      url: `https://www.${domain}${path}`,
      publishedAt: `${s.day}T08:00:00Z`,
    })),
  };
}

export const QUAKE_2019 = story({
  id: 'ridgecrest-quake-2019',
  title: 'Magnitude 6.4 earthquake shakes Ridgecrest in the Mojave Desert',
  dek: 'The strongest earthquake in Southern California in two decades damaged homes in Ridgecrest and Trona.',
  body: [
    'A magnitude 6.4 earthquake struck near Ridgecrest on Thursday morning, the United States Geological Survey said, followed by dozens of aftershocks across the Mojave Desert.',
    'Kern County fire officials reported house fires and cracked roads in Ridgecrest and Trona, and the Naval Air Weapons Station China Lake suspended operations.',
    'Seismologist Lucy Jones said there was a small chance of a larger quake in the coming days along the Little Lake fault zone.',
  ],
  day: '2019-07-04',
  sources: [
    [
      'Desert Sun',
      'desertsun.com',
      'Ridgecrest earthquake: magnitude 6.4 quake rattles Southern California',
      '/story/news/2019/07/04/ridgecrest-quake/',
    ],
    ['Kern Daily', 'kerndaily.com', 'Fires and cracked roads in Ridgecrest and Trona after 6.4 quake', '/news/ridgecrest-trona-damage'],
    ['Valley Wire', 'valleywire.com', 'China Lake naval station suspends operations after earthquake', '/2019/07/04/china-lake-quake'],
  ],
});

export const QUAKE_2023 = story({
  id: 'gaziantep-quake-2023',
  title: 'Magnitude 7.8 earthquake devastates southern Turkey and northern Syria',
  dek: 'Thousands were killed when a 7.8 earthquake struck near Gaziantep before dawn, toppling apartment blocks in Hatay and Kahramanmaraş.',
  body: [
    'A magnitude 7.8 earthquake struck near Gaziantep in southern Turkey before dawn on Monday, the United States Geological Survey said, followed by a second large quake near Elbistan.',
    'Apartment blocks collapsed in Hatay, Kahramanmaraş and Adıyaman, and rescuers searched the rubble in freezing weather as aftershocks continued.',
    'President Recep Tayyip Erdoğan declared a state of emergency in ten provinces; in Syria the White Helmets reported hundreds of deaths around Idlib.',
  ],
  day: '2023-02-06',
  sources: [
    ['Anatolia Post', 'anatoliapost.com', 'Thousands killed as 7.8 earthquake hits Gaziantep', '/world/2023/02/06/gaziantep-earthquake'],
    ['Levant Times', 'levanttimes.com', 'White Helmets dig through rubble in Idlib after Turkey quake', '/idlib-white-helmets-quake'],
  ],
});

const TRANSIT = story({
  id: 'riverton-transit-levy',
  title: 'Riverton voters approve transit levy to expand bus rapid transit',
  dek: 'A property-tax levy funding three new bus rapid transit lines passed with 56 percent of the vote.',
  body: [
    'Riverton voters approved the transit levy on Tuesday, funding three bus rapid transit lines along Commerce Avenue and the Harbor corridor.',
    'Business groups split over the property tax; Mayor Dana Whitfield called the result a mandate for faster buses.',
  ],
  day: '2026-05-06',
  sources: [
    [
      'Riverton Ledger',
      'rivertonledger.com',
      'Transit levy passes easily as voters back faster buses',
      '/news/2026/05/06/transit-levy-passes',
    ],
  ],
});

const RATES = story({
  id: 'central-bank-rate-rise',
  title: 'Central bank raises interest rates by half a point to fight inflation',
  dek: 'The bank lifted its benchmark rate to 4.5 percent, its biggest increase since 2000, citing stubborn inflation.',
  body: [
    'Governor Helena Marsh said the monetary policy committee voted seven to two for the half-point rise as inflation stayed above six percent.',
    'Mortgage lenders said borrowing costs would rise for homeowners on variable rates.',
  ],
  day: '2026-03-19',
  sources: [['Capital Ledger', 'capitalledger.com', 'Rates rise by half a point as bank fights inflation', '/markets/rates-rise']],
});

const FLOOD = story({
  id: 'coastal-flood',
  title: 'Storm surge floods coastal towns as rivers burst their banks',
  dek: 'Thousands of homes were evacuated along the estuary after a storm surge met swollen rivers.',
  body: [
    'Emergency crews evacuated homes in Portwick and Saltmere as the storm surge topped sea walls overnight.',
    'The environment agency issued severe flood warnings for the estuary and urged residents to move to higher ground.',
  ],
  day: '2026-01-12',
  sources: [['Shore News', 'shorenews.com', 'Portwick and Saltmere evacuated as storm surge tops sea walls', '/flood-portwick']],
});

const BUDGET = story({
  id: 'city-budget',
  title: 'City council passes budget with cuts to libraries and parks',
  dek: 'The council approved a budget that closes two branch libraries and trims park maintenance.',
  body: [
    'Councillors voted eight to five for the budget after a six-hour meeting; library staff protested outside the chamber.',
    'The finance director said the cuts close a deficit left by falling sales tax revenue.',
  ],
  day: '2026-02-27',
  sources: [['Metro Herald', 'metroherald.com', 'Libraries and parks lose out in council budget vote', '/city/budget-vote']],
});

/** The test store. */
export const STORIES: Story[] = [QUAKE_2019, QUAKE_2023, TRANSIT, RATES, FLOOD, BUDGET];

/** An article (written for these tests) about the 2019 Ridgecrest earthquake. */
export const RIDGECREST_ARTICLE = {
  title: 'Ridgecrest residents clean up after the strongest quake in decades',
  text: [
    'Residents of Ridgecrest swept up broken glass on Friday after a magnitude 6.4 earthquake shook the Mojave Desert town on Thursday.',
    'In nearby Trona, Kern County crews repaired cracked roads and a water main. The Naval Air Weapons Station China Lake remained closed while engineers inspected its buildings.',
    'Lucy Jones, the seismologist, warned that aftershocks would continue for weeks and that a larger earthquake could still follow along the fault zone.',
  ].join('\n\n'),
  publishedTime: '2019-07-05T15:00:00Z',
};

/** An article about another earthquake (Noto, 2024): the same topic, a story the store lacks. */
export const NOTO_ARTICLE = {
  title: 'Magnitude 7.5 earthquake strikes Noto peninsula on New Year’s Day',
  text: [
    'A magnitude 7.5 earthquake struck the Noto peninsula in Ishikawa prefecture on Monday, the Japan Meteorological Agency said, triggering tsunami warnings along the Sea of Japan coast.',
    'Houses collapsed in Wajima and Suzu, and a fire destroyed hundreds of buildings around the Asaichi morning market. Prime Minister Fumio Kishida said rescuers were racing against time.',
    'Aftershocks continued through the night as residents sheltered in schools and gymnasiums.',
  ].join('\n\n'),
  publishedTime: '2024-01-01T18:00:00Z',
};

/** An unrelated article (a local football game). */
export const SPORTS_ARTICLE = {
  title: 'Eagles rally late to beat Wildcats 28-24 in regional semifinal',
  text: 'Quarterback Jamie Ortiz threw two touchdown passes in the fourth quarter as the Eagles came back from 24-14 down. Coach Ray Dunn praised the defence, which forced three turnovers. The Eagles play the Hornets in the final next Friday at Lakeside Stadium.',
  publishedTime: '2026-11-20T21:00:00Z',
};

/** A one-source story of `body` (its first paragraph the dek): two events of one kind in a test store. */
export const oneSource = (id: string, title: string, body: string[]): Story => ({
  ...QUAKE_2019,
  id,
  title,
  dek: body[0]!,
  body,
  sources: QUAKE_2019.sources.slice(0, 1),
});
