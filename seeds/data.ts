// The two seed articles (National Review, 2022, on North Korea, Russia and the war in Ukraine) as
// structured data written by the project: sources, claims, citations with short exact quotes and
// attribution chains. Not copies of the articles: their full text is not stored.
//
// One more source, the recorded vote on UN resolution ES-11/1, is summarised in the project's own
// words from the public record, so the demo has a source whose text is stored, cited and noted.
//
// Publication dates are approximate: the articles' own text dates them only as "about five months
// into the war" (early August 2022) and "Monday" after the July interview.

export type Key = string;

export const seedUsers = [
  { key: "admin", email: "admin@factdesk.test", name: "Ada Admin", role: "ADMIN", passwordEnv: "SEED_ADMIN_PASSWORD", defaultPassword: "admin-demo-password" },
  { key: "editor", email: "editor@factdesk.test", name: "Eddie Editor", role: "EDITOR", passwordEnv: "SEED_EDITOR_PASSWORD", defaultPassword: "editor-demo-password" },
  { key: "reviewer", email: "reviewer@factdesk.test", name: "Rita Reviewer", role: "REVIEWER", passwordEnv: "SEED_REVIEWER_PASSWORD", defaultPassword: "reviewer-demo-password" },
] as const;

export interface SeedSource {
  key: Key;
  title: string;
  outlet: string;
  kind: "NEWS_ARTICLE" | "DATASET";
  publishedAt: string;
  publishedPrecision: "DAY" | "MONTH" | "YEAR";
  publishedApprox: boolean;
  language?: string;
  fullText?: string;
  notes: string;
}

export const seedSources: readonly SeedSource[] = [
  {
    key: "nr-volunteers",
    title: "North Korea Offers Russia 100,000 ‘Volunteers’ for War on Ukraine, Russian State TV Says",
    outlet: "National Review",
    kind: "NEWS_ARTICLE",
    publishedAt: "2022-08-01",
    publishedPrecision: "MONTH",
    publishedApprox: true,
    notes: "Reports Russian state TV via the New York Post. Dated by its own text: “over five months of the war”.",
  },
  {
    key: "nr-builders",
    title: "Russia Recruits North Koreans to Rebuild Occupied Donbas",
    outlet: "National Review",
    kind: "NEWS_ARTICLE",
    publishedAt: "2022-07-01",
    publishedPrecision: "MONTH",
    publishedApprox: true,
    notes: "Reports an interview given by the Russian ambassador to Pyongyang; says he spoke “Monday”.",
  },
  {
    key: "un-es11-1-vote",
    title: "Recorded vote on UN General Assembly resolution ES-11/1, “Aggression against Ukraine”",
    outlet: "United Nations General Assembly",
    kind: "DATASET",
    publishedAt: "2022-03-02",
    publishedPrecision: "DAY",
    publishedApprox: false,
    language: "en",
    fullText: [
      "Eleventh emergency special session of the United Nations General Assembly.",
      "Resolution ES-11/1, “Aggression against Ukraine”, adopted on 2\u00a0March 2022 by a recorded vote.",
      "",
      "In favour: 141.",
      "Against: 5 (Belarus, Democratic People’s Republic of Korea, Eritrea, Russian Federation, Syrian Arab Republic).",
      "Abstaining: 35.",
      "",
      "The resolution deplores the aggression by the Russian Federation against Ukraine and demands that the Russian Federation immediately cease its use of force against Ukraine.",
    ].join("\n"),
    notes: "The public vote record, summarised in Factdesk’s own words.",
  },
];

export const seedActors = [
  { key: "korotchenko", name: "Igor Korotchenko", kind: "PERSON", description: "Talk-show host on Russian state TV; cites unnamed “reports”" },
  { key: "channel-one", name: "Channel One", kind: "BROADCASTER", description: "Russian state television channel" },
  { key: "ny-post", name: "New York Post", kind: "OUTLET", description: "US newspaper" },
  { key: "national-review", name: "National Review", kind: "OUTLET", description: "US magazine" },
  { key: "matsegora", name: "Alexander Matsegora", kind: "PERSON", description: "Russian ambassador to North Korea" },
  { key: "unnamed-estimates", name: "Unnamed estimates", kind: "UNKNOWN", description: "Estimates the article does not attribute" },
  { key: "un-general-assembly", name: "United Nations General Assembly", kind: "ORGANIZATION", description: "Records each member state’s vote" },
] as const;

export const seedMetrics = [
  { key: "nk-volunteers", name: "North Korean volunteers offered to Russia for the war in Ukraine", unit: "people" },
  { key: "ru-deaths", name: "Russian military deaths in Ukraine since 24 Feb 2022", unit: "soldiers killed" },
  { key: "un-es11-1-against", name: "Countries voting against UN resolution ES-11/1 condemning the invasion (2 Mar 2022)", unit: "countries" },
  { key: "dnr-lnr-recognition", name: "Countries recognising the Donetsk and Luhansk people’s republics", unit: "countries" },
] as const;

export const seedEvents = [
  { key: "nk-recognises", name: "North Korea recognises the Donetsk and Luhansk people’s republics" },
  { key: "ru-recognises", name: "Russia recognises the Donetsk and Luhansk people’s republics" },
  { key: "dnr-lnr-proclaim", name: "Donetsk and Luhansk people’s republics proclaim independence" },
  { key: "ua-cuts-nk", name: "Ukraine cuts diplomatic relations with North Korea" },
] as const;

type ChainLink = readonly [actor: Key, relation: string];

export interface SeedCitation {
  source: Key;
  quote: string;
  stance: "SUPPORTS" | "CONTRADICTS" | "MENTIONS";
  isPrimary?: boolean;
  chain: readonly ChainLink[];
  saidOn?: string;
  saidPrecision?: "DAY" | "MONTH" | "YEAR";
  saidText?: string;
  note?: string;
}

export interface SeedClaim {
  key: Key;
  statement: string;
  kind: "QUANTITY" | "DATE" | "EVENT" | "ATTRIBUTED_STATEMENT";
  status?: "UNVERIFIED" | "IN_REVIEW";
  assignee?: Key;
  tags: readonly string[];
  metric?: Key;
  low?: number;
  high?: number;
  best?: number;
  unit?: string;
  ratePeriod?: "DAY";
  asOf?: string;
  asOfPrecision?: "DAY" | "MONTH" | "YEAR";
  periodStart?: string;
  periodText?: string;
  event?: Key;
  eventDate?: string;
  eventDatePrecision?: "DAY" | "MONTH" | "YEAR";
  speaker?: Key;
  contentClaim?: Key;
  citations: readonly SeedCitation[];
}

const viaStateTv: readonly ChainLink[] = [
  ["korotchenko", "said on air"],
  ["channel-one", "broadcast"],
  ["ny-post", "reported"],
  ["national-review", "reported the Post"],
];
const matsegoraInterview: readonly ChainLink[] = [
  ["matsegora", "said in an interview"],
  ["national-review", "reported"],
];
const inJuly = { saidOn: "2022-07-01", saidPrecision: "MONTH", saidText: "in July" } as const;
const onMonday = { saidText: "Monday", note: "The article says “Monday”; its publication date is known only to the month." } as const;

export const seedClaims: readonly SeedClaim[] = [
  {
    key: "nk-volunteers",
    statement: "North Korea has offered Russia 100,000 volunteers for the war in Ukraine.",
    kind: "QUANTITY",
    tags: ["north-korea", "russia", "volunteers"],
    assignee: "editor",
    metric: "nk-volunteers",
    best: 100000,
    unit: "people",
    asOf: "2022-08-01",
    asOfPrecision: "MONTH",
    citations: [
      {
        source: "nr-volunteers",
        quote: "There are reports that 100,000 North Korean volunteers are prepared to come and take part in the conflict",
        stance: "SUPPORTS",
        chain: viaStateTv,
        note: "Korotchenko himself cites only unnamed “reports”.",
      },
    ],
  },
  {
    key: "korotchenko-volunteers",
    statement: "Igor Korotchenko said on Channel One that 100,000 North Korean volunteers were prepared to take part in the war.",
    kind: "ATTRIBUTED_STATEMENT",
    tags: ["north-korea", "volunteers", "state-media"],
    speaker: "korotchenko",
    contentClaim: "nk-volunteers",
    citations: [
      {
        source: "nr-volunteers",
        quote: "talk show host Igor Korotchenko said on Russian Channel One, the New York Post reported",
        stance: "SUPPORTS",
        chain: viaStateTv,
      },
    ],
  },
  {
    key: "ru-deaths-range",
    statement: "Some estimates put Russian soldiers killed in Ukraine at 15,000 to 25,000 about five months into the war.",
    kind: "QUANTITY",
    status: "IN_REVIEW",
    assignee: "editor",
    tags: ["russia", "casualties"],
    metric: "ru-deaths",
    low: 15000,
    high: 25000,
    unit: "soldiers killed",
    periodStart: "2022-02-24",
    periodText: "over five months of the war",
    asOf: "2022-08-01",
    asOfPrecision: "MONTH",
    citations: [
      {
        source: "nr-volunteers",
        quote: "Some estimates put the number of Russian soldiers killed as high as 15,000 to 25,000",
        stance: "SUPPORTS",
        chain: [["unnamed-estimates", "estimated"], ["national-review", "reported"]],
      },
    ],
  },
  {
    key: "ru-deaths-rate",
    statement: "Russian soldiers have been killed in Ukraine at about 100 a day.",
    kind: "QUANTITY",
    tags: ["russia", "casualties"],
    metric: "ru-deaths",
    best: 100,
    unit: "soldiers killed",
    ratePeriod: "DAY",
    periodStart: "2022-02-24",
    periodText: "over five months of the war",
    asOf: "2022-08-01",
    asOfPrecision: "MONTH",
    citations: [
      {
        source: "nr-volunteers",
        quote: "that puts Russia’s casualty count to about 100 soldiers a day",
        stance: "SUPPORTS",
        chain: [["national-review", "calculated"]],
        note: "The magazine’s own arithmetic from the 15,000–25,000 range.",
      },
    ],
  },
  {
    key: "nk-recognition-date",
    statement: "North Korea recognised the independence of the Donetsk and Luhansk people’s republics on 13 July 2022.",
    kind: "DATE",
    status: "IN_REVIEW",
    tags: ["north-korea", "diplomacy", "donbas"],
    event: "nk-recognises",
    eventDate: "2022-07-13",
    eventDatePrecision: "DAY",
    citations: [
      { source: "nr-builders", quote: "North Korea recognized the territories on July 13", stance: "SUPPORTS", chain: [["national-review", "reported"]] },
    ],
  },
  {
    key: "ru-recognition-date",
    statement: "Russia recognised the independence of the Donetsk and Luhansk people’s republics on 21 February 2022.",
    kind: "DATE",
    tags: ["russia", "diplomacy", "donbas"],
    event: "ru-recognises",
    eventDate: "2022-02-21",
    eventDatePrecision: "DAY",
    citations: [
      { source: "nr-builders", quote: "Russia recognized their independence on February 21, 2022", stance: "SUPPORTS", chain: [["national-review", "reported"]] },
    ],
  },
  {
    key: "dnr-lnr-proclaimed",
    statement: "The Donetsk and Luhansk people’s republics proclaimed independence after an unofficial referendum in 2014.",
    kind: "DATE",
    tags: ["donbas", "diplomacy"],
    event: "dnr-lnr-proclaim",
    eventDate: "2014-01-01",
    eventDatePrecision: "YEAR",
    citations: [
      { source: "nr-builders", quote: "proclaimed independence after an unofficial referendum in 2014", stance: "SUPPORTS", chain: [["national-review", "reported"]] },
    ],
  },
  {
    key: "ua-cuts-relations",
    statement: "Ukraine cut diplomatic relations with North Korea in response to its recognition of the two republics.",
    kind: "EVENT",
    tags: ["ukraine", "north-korea", "diplomacy"],
    event: "ua-cuts-nk",
    citations: [
      { source: "nr-builders", quote: "In response, Ukraine terminated its diplomatic relations with North Korea.", stance: "SUPPORTS", chain: [["national-review", "reported"]] },
    ],
  },
  {
    key: "un-vote-against",
    statement: "North Korea was one of five countries to vote against the UN resolution condemning Russia’s invasion of Ukraine.",
    kind: "QUANTITY",
    tags: ["north-korea", "united-nations", "diplomacy"],
    metric: "un-es11-1-against",
    best: 5,
    unit: "countries",
    asOf: "2022-03-02",
    asOfPrecision: "DAY",
    citations: [
      {
        source: "nr-builders",
        quote: "Pyongyang was also one of only five countries to vote against a U.N. resolution condemning Russia’s invasion of Ukraine.",
        stance: "SUPPORTS",
        chain: [["national-review", "reported"]],
      },
      {
        source: "un-es11-1-vote",
        quote: "Against: 5 (Belarus, Democratic People’s Republic of Korea, Eritrea, Russian Federation, Syrian Arab Republic)",
        stance: "SUPPORTS",
        isPrimary: true,
        chain: [["un-general-assembly", "recorded the vote"]],
        saidOn: "2022-03-02",
        saidPrecision: "DAY",
      },
    ],
  },
  {
    key: "recognising-countries",
    statement: "Only three countries, Russia, Syria and North Korea, recognise the Donetsk and Luhansk people’s republics.",
    kind: "QUANTITY",
    tags: ["north-korea", "russia", "diplomacy", "donbas"],
    metric: "dnr-lnr-recognition",
    best: 3,
    unit: "countries",
    asOf: "2022-07-13",
    asOfPrecision: "DAY",
    citations: [
      { source: "nr-builders", quote: "joining Russia and Syria as the only countries to do so", stance: "SUPPORTS", chain: [["national-review", "reported"]] },
      {
        source: "nr-volunteers",
        quote: "one of the only counties in the world to recognize\u00a0Donetsk People’s Republic (DNR) and the Luhansk People’s Republic (LNR) as independent",
        stance: "MENTIONS",
        chain: [["national-review", "reported"]],
        note: "Says “one of the only”, not a count: consistent with three, not a conflict.",
      },
    ],
  },
  {
    key: "matsegora-builders",
    statement: "Alexander Matsegora said highly qualified North Korean builders would play a very serious part in rebuilding Donbas.",
    kind: "ATTRIBUTED_STATEMENT",
    assignee: "editor",
    tags: ["north-korea", "russia", "donbas", "builders"],
    speaker: "matsegora",
    citations: [
      {
        source: "nr-volunteers",
        quote: "Korean builders who are highly qualified, hardworking and ready to work in the most difficult conditions, will be a very serious",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...inJuly,
      },
      {
        source: "nr-builders",
        quote: "Korean builders who are highly qualified, hardworking and ready to work in the most difficult conditions, will be a very serious",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...onMonday,
      },
    ],
  },
  {
    key: "nk-gets-nothing",
    statement: "North Korea receives nothing in return for cooperating with Russia.",
    kind: "EVENT",
    tags: ["north-korea", "russia"],
    citations: [],
  },
  {
    key: "matsegora-nothing",
    statement: "Alexander Matsegora said North Korea receives nothing in return for cooperating with Russia.",
    kind: "ATTRIBUTED_STATEMENT",
    tags: ["north-korea", "russia"],
    speaker: "matsegora",
    contentClaim: "nk-gets-nothing",
    citations: [
      {
        source: "nr-volunteers",
        quote: "Matsegora\u00a0claimed in the interview that North Korea receives nothing for cooperating with Russia",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...inJuly,
      },
      {
        source: "nr-builders",
        quote: "The ambassador claimed North Korea receives nothing for cooperating with Russia",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...onMonday,
      },
    ],
  },
  {
    key: "matsegora-sanctions",
    statement: "Alexander Matsegora said Russia intends to fight the global sanctions on North Korea.",
    kind: "ATTRIBUTED_STATEMENT",
    tags: ["north-korea", "russia", "sanctions"],
    speaker: "matsegora",
    citations: [
      {
        source: "nr-volunteers",
        quote: "promising to aid North Korea fight its sanctions on the global stage",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...inJuly,
      },
      {
        source: "nr-builders",
        quote: "adding that Russia intends to fight against the global sanctions on North Korea",
        stance: "SUPPORTS",
        chain: matsegoraInterview,
        ...onMonday,
      },
    ],
  },
  {
    key: "korotchenko-builders",
    statement: "Igor Korotchenko said Russia has invited North Korean builders to repair occupied Donbas.",
    kind: "ATTRIBUTED_STATEMENT",
    tags: ["north-korea", "donbas", "builders", "state-media"],
    speaker: "korotchenko",
    citations: [
      {
        source: "nr-volunteers",
        quote: "Korotchenko also alluded to reports indicating Russia has invited North Korean “builders” to repair Russian-occupied Donbas.",
        stance: "SUPPORTS",
        chain: [["korotchenko", "said on air"], ["channel-one", "broadcast"], ["national-review", "reported"]],
      },
    ],
  },
];

export const seedNotes = [
  {
    claim: "ru-deaths-rate",
    author: "editor",
    body: "The article’s own arithmetic: 15,000–25,000 over roughly 150–160 days is about 94–167 a day, so “about 100 a day” fits only the low end of the range.",
  },
] as const;

/** Notes on passages of a source's stored text, anchored by their exact quote. */
export const seedPassageNotes = [
  {
    source: "un-es11-1-vote",
    quote: "Democratic People’s Republic of Korea",
    author: "editor",
    body: "North Korea’s official name: this is the vote the claim counts.",
  },
] as const;

export const seedComments = [
  {
    claim: "ru-deaths-range",
    author: "reviewer",
    body: "“Some estimates” has no named origin. Can we find who made them before this goes further?",
  },
] as const;
