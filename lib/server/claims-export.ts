import "server-only";
import { CLAIM_LIST_CSV_COLUMNS, claimListItemJson, type ClaimListFormat } from "@/lib/exports/claims-list";
import { csvPage } from "@/lib/exports/csv";
import type { ClaimFilters } from "@/lib/schemas/claim-filters";
import type { SessionUser } from "./authorize";
import { listClaims } from "./claims";

/** Rows per keyset page of a download: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Every claim of a view, as CSV or JSON, read one keyset page at a time as the reader takes them
 * (the stream pulls the next page only when the last one was sent), so 100,000 rows never sit in
 * memory at once. The role is checked by listClaims before the first row.
 */
export function streamClaims(actor: SessionUser, filters: ClaimFilters, format: ClaimListFormat, pageSize = EXPORT_PAGE_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let page = 0;
  let done = false;
  let wroteItem = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        const result = await listClaims(actor, { ...filters, cursor, limit: pageSize });
        const first = page === 0;
        page++;
        cursor = result.nextCursor ?? undefined;
        done = !result.nextCursor;
        let text = "";
        if (format === "csv") text = csvPage(CLAIM_LIST_CSV_COLUMNS, result.items, first);
        else {
          // {"items":[ item,\n item … ]}: one object per line, valid JSON once the last page is sent.
          if (first) text += '{"items":[';
          if (result.items.length) text += (wroteItem ? ",\n" : "\n") + result.items.map((c) => JSON.stringify(claimListItemJson(c))).join(",\n");
          wroteItem ||= result.items.length > 0;
          if (done) text += "\n]}\n";
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (done) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
