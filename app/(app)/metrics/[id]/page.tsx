import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { RangePager } from "@/components/ui/range-pager";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FigureRows, type FigureRowData } from "@/components/metrics/figure-rows";
import { MetricTimeline } from "@/components/metrics/metric-timeline";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { figureCitations, getMetric, METRIC_CLAIMS_CAP, METRIC_TABLE_PAGE } from "@/lib/server/metrics";
import { reviewStatesOf } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { formatFigure, formatWhen, RATE_LABELS } from "@/lib/values";

type Params = { params: Promise<{ id: string }> };

// The title and the page ask once per request.
const loadMetric = cache(async (id: string) => (isUuid(id) ? getMetric(await requireUser(), id) : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const metric = await loadMetric((await params).id);
  return { title: metric ? metric.name : "Metric" };
}

export default async function MetricPage({ params, searchParams }: Params & { searchParams: Promise<{ from?: string }> }) {
  const user = await requireUser();
  const metric = await loadMetric((await params).id);
  if (!metric) notFound();
  const figures = metric.claims.map((c, i) => ({ ...c, n: i + 1 }));
  // The chart draws every figure; the table lists a page of them, from the figure number asked for.
  const from = Number((await searchParams).from);
  const start = Number.isInteger(from) && from > 0 && from <= figures.length ? from - 1 : 0;
  const rows = figures.slice(start, start + METRIC_TABLE_PAGE);
  const ids = rows.map((f) => f.id);
  const [reviews, citations] = await Promise.all([reviewStatesOf(user, ids), figureCitations(user, ids)]);
  const pageHref = (index: number) => `/metrics/${metric.id}?from=${index + 1}#figures-heading`;
  const editable = can(user.role, "metrics:write") && !metric.mergedInto;

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/metrics" className="text-muted-foreground hover:text-foreground">
          ← All metrics
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 font-serif text-2xl font-bold leading-snug sm:text-3xl">{metric.name}</h1>
          {editable ? (
            <Link href={`/metrics/${metric.id}/edit`} className="rounded-md border border-border bg-card px-3 py-1.5 text-sm font-medium hover:bg-muted">
              Edit or merge
            </Link>
          ) : null}
        </div>
        {metric.mergedInto ? (
          <p className="rounded-md border border-border bg-muted px-3 py-2 text-sm" role="note">
            Merged into{" "}
            <Link href={`/metrics/${metric.mergedInto.id}`} className="font-medium underline">
              {metric.mergedInto.name}
            </Link>
            : its figures are recorded there now.
          </p>
        ) : null}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted-foreground">Unit</dt>
          <dd>{metric.unit}</dd>
          {metric.description ? (
            <>
              <dt className="text-muted-foreground">Description</dt>
              <dd>{metric.description}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Figures</dt>
          <dd>
            {metric.claimCount}{" "}
            {metric.claimCount ? (
              <Link href={`/claims?metric=${metric.id}`} className="underline">
                See them in the claims list
              </Link>
            ) : null}
          </dd>
          {metric.mergedFrom.length ? (
            <>
              <dt className="text-muted-foreground">Merged into this</dt>
              <dd>
                {metric.mergedFrom.map((m, i) => (
                  <span key={m.id}>
                    {i > 0 ? "; " : null}
                    <Link href={`/metrics/${m.id}`} className="underline">
                      {m.name}
                    </Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </header>

      {figures.length ? (
        <>
          <Card aria-labelledby="timeline-heading" className="space-y-4">
            <div>
              <h2 id="timeline-heading" className="text-lg font-semibold">
                How the figures moved
              </h2>
              <p className="mt-1 text-sm text-muted-foreground">Each number matches a row of the table below; hover or focus it for the claim and its source.</p>
            </div>
            <MetricTimeline figures={figures} unit={metric.unit} describedBy="figures-caption" />
          </Card>

          <Card aria-labelledby="figures-heading" className="p-0 sm:p-0">
            <div className="p-4 sm:p-6 sm:pb-4">
              <h2 id="figures-heading" className="text-lg font-semibold">
                Every figure ({metric.claimCount})
              </h2>
              {metric.claimCount > figures.length ? (
                <p className="mt-1 text-sm text-muted-foreground">
                  Showing the first {METRIC_CLAIMS_CAP} by date.{" "}
                  <Link href={`/claims?metric=${metric.id}`} className="underline">
                    All of them in the claims list
                  </Link>
                </p>
              ) : null}
            </div>
            {figures.length > METRIC_TABLE_PAGE ? (
              <RangePager
                label="Pages of figures"
                noun="Figures"
                first={start + 1}
                last={start + rows.length}
                total={figures.length}
                pageSize={METRIC_TABLE_PAGE}
                previous={start > 0 ? pageHref(Math.max(0, start - METRIC_TABLE_PAGE)) : null}
                next={start + METRIC_TABLE_PAGE < figures.length ? pageHref(start + METRIC_TABLE_PAGE) : null}
                className="px-4 pb-4 sm:px-6"
              />
            ) : null}
            <table className="w-full text-left text-sm">
              <caption id="figures-caption" className="sr-only">
                Every figure recorded for {metric.name}, oldest first{figures.length > rows.length ? ` (figures ${start + 1}–${start + rows.length} of ${figures.length})` : ""}: the claim, the figure, when it holds, its status, and its sources with their
                attribution chains.
              </caption>
              <thead className="hidden border-y border-border bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
                <tr>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    <span className="sr-only">Number</span>#
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">Claim and figure</th>
                  <th scope="col" className="px-4 py-3 font-semibold">When</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                  <th scope="col" className="px-4 py-3 font-semibold">Sources, origin first</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border border-t border-border md:border-t-0">
                <FigureRows
                  rows={rows.map(
                    (f): FigureRowData => ({
                      id: f.id,
                      n: f.n,
                      statement: f.statement,
                      figure: formatFigure({ low: f.valueLow, high: f.valueHigh, best: f.valueBest }),
                      unit: `${f.unit ?? metric.unit}${f.ratePeriod ? ` ${RATE_LABELS[f.ratePeriod]}` : ""}`,
                      periodText: f.periodText,
                      when: formatWhen(f) || "No date given",
                      status: f.status,
                      review: reviews.get(f.id) ?? null,
                      rank: f.rank,
                      citations: citations.get(f.id) ?? [],
                    }),
                  )}
                />
              </tbody>
            </table>
          </Card>
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {metric.mergedInto ? "This metric’s figures moved with the merge." : "No figures recorded for this metric yet."}
        </p>
      )}
    </article>
  );
}

