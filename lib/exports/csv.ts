// CSV per RFC 4180: UTF-8 (with a byte-order mark so spreadsheets read Cyrillic and Hangul right),
// CRLF line ends, a header row, quotes where needed. Cells that a spreadsheet would run as a
// formula (starting with = + - @ tab or CR) get a leading apostrophe: csv-stringify's
// `escape_formulas`, the one place that rule lives for every CSV we write.
import type { Options } from "csv-stringify";
import { stringify as stringifySync } from "csv-stringify/sync";
import type { SnapshotCitation, SnapshotClaim, SnapshotContent } from "../factsheets/snapshot";

/** The options of every CSV the app writes (version exports and the streamed claims list). */
export const CSV_OPTIONS = { record_delimiter: "windows", escape_formulas: true, bom: true, header: true } as const satisfies Options;

export interface CsvColumn<Row> {
  header: string;
  cell: (row: Row) => string | null;
}

type VersionRow = { claim: SnapshotClaim; citation: SnapshotCitation | null };

/** One row per claim and citation (a claim without citations has one row with the citation cells empty). */
export const VERSION_CSV_COLUMNS: CsvColumn<VersionRow>[] = [
  { header: "position", cell: ({ claim }) => String(claim.position) },
  { header: "section", cell: ({ claim }) => claim.section },
  { header: "claim_id", cell: ({ claim }) => claim.id },
  { header: "statement", cell: ({ claim }) => claim.statement },
  { header: "kind", cell: ({ claim }) => claim.kind },
  { header: "status", cell: ({ claim }) => claim.status },
  { header: "value", cell: ({ claim }) => claim.valueText },
  { header: "low", cell: ({ claim }) => claim.value?.low ?? null },
  { header: "high", cell: ({ claim }) => claim.value?.high ?? null },
  { header: "best", cell: ({ claim }) => claim.value?.best ?? null },
  { header: "unit", cell: ({ claim }) => claim.value?.unit ?? null },
  { header: "rate_period", cell: ({ claim }) => claim.value?.ratePeriod ?? null },
  { header: "as_of", cell: ({ claim }) => claim.value?.asOf ?? null },
  { header: "period_start", cell: ({ claim }) => claim.value?.periodStart ?? null },
  { header: "period_end", cell: ({ claim }) => claim.value?.periodEnd ?? null },
  { header: "event_date", cell: ({ claim }) => claim.eventDate },
  { header: "metric", cell: ({ claim }) => claim.metric },
  { header: "event", cell: ({ claim }) => claim.event },
  { header: "speaker", cell: ({ claim }) => claim.speaker },
  { header: "verification_rule", cell: ({ claim }) => claim.verification.rule },
  { header: "verified_by", cell: ({ claim }) => claim.verification.verifiedBy },
  { header: "verified_at", cell: ({ claim }) => claim.verification.verifiedAt },
  { header: "approved_by", cell: ({ claim }) => claim.verification.approvedBy.map((a) => a.name).join("; ") },
  { header: "citation_id", cell: ({ citation }) => citation?.id ?? null },
  { header: "stance", cell: ({ citation }) => citation?.stance ?? null },
  { header: "primary_source", cell: ({ citation }) => (citation ? String(citation.isPrimary) : null) },
  { header: "quote", cell: ({ citation }) => citation?.quote ?? null },
  { header: "said_on", cell: ({ citation }) => citation?.saidOn ?? null },
  { header: "source_title", cell: ({ citation }) => citation?.source.title ?? null },
  { header: "source_outlet", cell: ({ citation }) => citation?.source.outlet ?? null },
  { header: "source_url", cell: ({ citation }) => citation?.source.url ?? null },
  { header: "source_published", cell: ({ citation }) => citation?.source.publishedAt ?? null },
  { header: "chain", cell: ({ citation }) => (citation ? citation.chain.map((l) => l.actor).join(" > ") : null) },
  { header: "origin", cell: ({ citation }) => citation?.chain[0]?.actor ?? null },
];

/** The rows of a version's CSV, in sheet order. */
export function versionCsvRows(content: SnapshotContent): VersionRow[] {
  return content.claims.flatMap((claim): VersionRow[] =>
    claim.citations.length ? claim.citations.map((citation) => ({ claim, citation })) : [{ claim, citation: null }],
  );
}

const toRecord = <Row>(columns: CsvColumn<Row>[], row: Row) => columns.map((c) => c.cell(row) ?? "");

export function toCsv(content: SnapshotContent): string {
  const records = versionCsvRows(content).map((row) => toRecord(VERSION_CSV_COLUMNS, row));
  return stringifySync(records, { ...CSV_OPTIONS, columns: VERSION_CSV_COLUMNS.map((c) => c.header) });
}

/** One page of a CSV written in pages (a streamed download): the byte-order mark and header row only on the first. */
export function csvPage<Row>(columns: CsvColumn<Row>[], rows: Row[], first: boolean): string {
  const records = rows.map((row) => toRecord(columns, row));
  return stringifySync(records, { ...CSV_OPTIONS, header: first, bom: first, columns: columns.map((c) => c.header) });
}
