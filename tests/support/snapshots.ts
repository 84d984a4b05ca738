// Published-version contents for export tests and the benchmark: names in Cyrillic, Hangul and
// accented Latin, quotes with commas, quotes and line breaks, and cells a spreadsheet would run.
import { SNAPSHOT_FORMAT, snapshotContentSchema, type SnapshotClaim, type SnapshotContent } from "@/lib/factsheets/snapshot";

const uuid = (n: number, prefix = "0000") => `${prefix}0000-0000-7000-8000-${String(n).padStart(12, "0")}`;

export const CYRILLIC_NAME = "Дмитрий Песков";
export const KOREAN_NAME = "김정은";
export const ACCENTED_NAME = "François Hollande-Núñez";

function claim(position: number, overrides: Partial<SnapshotClaim> = {}): SnapshotClaim {
  return {
    id: uuid(position, "0001"),
    position,
    section: null,
    statement: `Claim ${position}: about ${1000 + position} soldiers were deployed`,
    kind: "QUANTITY",
    status: "VERIFIED",
    valueText: `${(1000 + position).toLocaleString("en-GB")} soldiers, as of 1 Mar 2024`,
    value: {
      low: null,
      high: null,
      best: String(1000 + position),
      unit: "soldiers",
      ratePeriod: null,
      asOf: "2024-03-01",
      asOfPrecision: "DAY",
      periodStart: null,
      periodEnd: null,
      periodText: null,
    },
    eventDate: null,
    eventDatePrecision: null,
    metric: "Soldiers deployed",
    event: null,
    speaker: null,
    verification: {
      rule: "INDEPENDENT_ORIGINS",
      note: null,
      verifiedBy: "Ana Editor",
      verifiedAt: "2024-03-03T10:00:00.000Z",
      approvedBy: [{ name: "Rui Reviewer", at: "2024-03-02T09:00:00.000Z" }],
    },
    citations: [
      {
        id: uuid(position, "0002"),
        quote: `Officials said ${1000 + position} soldiers, "at least", were sent.`,
        stance: "SUPPORTS",
        isPrimary: false,
        saidOn: "2024-02-28",
        saidPrecision: "DAY",
        saidText: null,
        source: {
          id: uuid(position % 50, "0003"),
          title: `Report ${position % 50}`,
          outlet: "Reuters",
          url: `https://example.org/report-${position % 50}`,
          kind: "NEWS_ARTICLE",
          publishedAt: "2024-03-01",
          publishedPrecision: "DAY",
          language: "en",
        },
        chain: [
          { actor: "South Korean intelligence", kind: "GOVERNMENT", relation: "briefed" },
          { actor: "Reuters", kind: "OUTLET", relation: null },
        ],
      },
    ],
    ...overrides,
  };
}

/** A small version that exercises every escaping and script rule. */
export function exampleSnapshot(): SnapshotContent {
  const claims: SnapshotClaim[] = [
    claim(1, { section: "Troops" }),
    claim(2, {
      section: "Troops",
      statement: `${KOREAN_NAME} inspected units bound for Kursk, said ${CYRILLIC_NAME}`,
      kind: "ATTRIBUTED_STATEMENT",
      status: "DISPUTED",
      valueText: null,
      value: null,
      metric: null,
      speaker: CYRILLIC_NAME,
      verification: { rule: "PRIMARY_SOURCE", note: "=HYPERLINK(\"http://evil\") is not a figure", verifiedBy: null, verifiedAt: null, approvedBy: [] },
      citations: [
        {
          id: uuid(900, "0002"),
          quote: `"Мы не комментируем", — сказал ${CYRILLIC_NAME},\nline two; 북한군`,
          stance: "SUPPORTS",
          isPrimary: true,
          saidOn: "2024-11-05",
          saidPrecision: "DAY",
          saidText: "Tuesday",
          source: {
            id: uuid(900, "0003"),
            title: "Пресс-конференция",
            outlet: "ТАСС",
            url: "https://example.org/tass?a=1&b=2",
            kind: "STATE_MEDIA_BROADCAST",
            publishedAt: "2024-11-05",
            publishedPrecision: "DAY",
            language: "ru",
          },
          chain: [{ actor: CYRILLIC_NAME, kind: "PERSON", relation: "said at a briefing" }, { actor: "ТАСС", kind: "BROADCASTER", relation: null }],
        },
        {
          id: uuid(901, "0002"),
          quote: "-10 percent +5 @everyone\ttabbed",
          stance: "MENTIONS",
          isPrimary: false,
          saidOn: null,
          saidPrecision: null,
          saidText: null,
          source: {
            id: uuid(901, "0003"),
            title: "@handle post",
            outlet: null,
            url: null,
            kind: "SOCIAL_POST",
            publishedAt: "2024-12-01",
            publishedPrecision: "MONTH",
            language: null,
          },
          chain: [],
        },
      ],
    }),
    claim(3, {
      section: "Diplomacy",
      statement: `${ACCENTED_NAME} met the envoy on 12 June; 1. not a list`,
      kind: "EVENT",
      status: "VERIFIED",
      valueText: null,
      value: null,
      eventDate: "2024-06-12",
      eventDatePrecision: "DAY",
      metric: null,
      event: "Envoy meeting",
      citations: [],
    }),
  ];
  return snapshotContentSchema.parse({
    format: SNAPSHOT_FORMAT,
    sheetId: uuid(1, "0004"),
    slug: "north-korea-figures",
    number: 2,
    title: "North Korea and the war in Ukraine: the figures",
    summary: "What we know.\n\nAnd *what* we do not.",
    publishedAt: "2024-11-06T12:00:00.000Z",
    publishedBy: "Ana Editor",
    changeNote: "Added the Kursk statement; +1 claim",
    newsroom: { name: "Factdesk Newsroom", url: "https://news.example.org" },
    claims,
    omitted: [{ id: uuid(99, "0001"), statement: "An unpublished internal claim", reasons: ["Not verified"] }],
  });
}

/** A version of `n` claims, each with one citation, for the benchmark. */
export function largeSnapshot(n: number): SnapshotContent {
  const base = exampleSnapshot();
  const claims = Array.from({ length: n }, (_, i) => (i % 100 === 1 ? { ...base.claims[1]!, id: uuid(i + 1, "0001"), position: i + 1 } : claim(i + 1)));
  return { ...base, claims, omitted: [] };
}
