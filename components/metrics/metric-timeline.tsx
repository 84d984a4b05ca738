import { claimValueText } from "@/components/claims/claim-value";
import { cn } from "@/lib/cn";
import { STATUS_LABELS } from "@/lib/labels";
import type { MetricFigure } from "@/lib/server/metrics";
import { RATE_LABELS } from "@/lib/values";
import { TimelineFigure } from "./timeline-cards";
import { TimelineMarks } from "./timeline-marks";
import { formatValueTick, layoutTimeline, pct, type MarkCard, type TimelineSeries } from "@/lib/timeline";

/** A figure as the chart draws it: `n` is its row number in the table of figures. */
export type NumberedFigure = MetricFigure & { n: number };

/** Why an editor should not read a figure as standing (decided false, retracted, or deprecated by a resolution), or "" when it stands. */
const setAside = (f: MetricFigure) =>
  f.rank === "DEPRECATED" ? "deprecated" : f.status === "FALSE" || f.status === "RETRACTED" ? STATUS_LABELS[f.status].toLowerCase() : "";

function sourcesText(f: MetricFigure) {
  const names = [...new Set(f.citations.map((c) => (c.source.outlet ? `${c.source.outlet}, “${c.source.title}”` : `“${c.source.title}”`)))];
  return names.length ? names.join("; ") : "no source cited yet";
}

function SeriesChart({ series, xTicks, unit, compact }: { series: TimelineSeries<NumberedFigure>; xTicks: { label: string; x: number }[]; unit: string; compact: boolean }) {
  const title = series.ratePeriod ? `Rates: ${unit} ${RATE_LABELS[series.ratePeriod]}` : `Totals: ${unit}`;
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">{title}</p>
      <div className={cn("relative text-xs", compact ? "h-40" : "h-64 sm:h-72")}>
        <div className="absolute bottom-7 left-14 right-3 top-6 border-b border-l border-border">
          {series.yTicks.map((t) => (
            <div key={t.value} aria-hidden="true" className="absolute inset-x-0" style={{ top: pct(t.y) }}>
              <div className="border-t border-dashed border-border" />
              <span className="absolute right-full mr-2 -translate-y-1/2 whitespace-nowrap tabular-nums text-muted-foreground">{formatValueTick(t.value)}</span>
            </div>
          ))}
          {xTicks.map((t, i) => (
            <span
              key={t.label}
              aria-hidden="true"
              className={cn(
                "absolute top-full mt-1.5 whitespace-nowrap text-muted-foreground",
                t.x < 12 ? "" : t.x > 88 ? "-translate-x-full" : "-translate-x-1/2",
                i % 2 === 1 && "hidden sm:inline",
              )}
              style={{ left: pct(t.x) }}
            >
              {t.label}
            </span>
          ))}
          <TimelineMarks
            marks={series.marks.map(({ figure, ...at }) => ({ ...at, id: figure.id, n: figure.n }))}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * Every figure of a metric on one time axis: a range at its as-of date as a bar, the period it
 * covers as a band, the best value as a point; rates on their own axis below the totals. Laid out
 * on the server in percentages, so it fits any width; the marks are drawn in the browser
 * (timeline-marks.tsx). The table of figures is its text alternative.
 */
export function MetricTimeline({ figures, unit, describedBy }: { figures: NumberedFigure[]; unit: string; describedBy: string }) {
  const layout = layoutTimeline(figures);
  if (!layout.series.length) {
    return <p className="text-sm text-muted-foreground">No figure on this metric has both a number and a date yet, so there is nothing to draw.</p>;
  }
  // Each drawn mark's card (timeline-cards.tsx) and accessible name (timeline-marks.tsx), by figure number.
  const cards: Record<string, MarkCard> = {};
  for (const s of layout.series) for (const m of s.marks) cards[m.figure.n] = [m.figure.statement, claimValueText(m.figure) ?? "", sourcesText(m.figure), setAside(m.figure), m.anchor.x > 50];
  return (
    <TimelineFigure cards={cards} aria-labelledby="timeline-caption" aria-describedby={describedBy} className="space-y-4 overflow-x-clip">
      <figcaption id="timeline-caption" className="sr-only">
        Timeline of the figures recorded for this metric. Each numbered mark links to its claim; the table below lists the same figures.
      </figcaption>
      {layout.series.map((s, i) => (
        <SeriesChart key={s.ratePeriod ?? "total"} series={s} xTicks={layout.xTicks} unit={unit} compact={i > 0} />
      ))}
      <ul aria-label="Key" className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-muted-foreground">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-3 w-3 border-y-2 border-primary">
            <span className="mx-auto block h-full w-1 bg-primary" />
          </span>
          Range at its date
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="h-2.5 w-5 rounded-sm border border-primary/50 bg-primary/15" />
          Period it covers
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-full bg-primary" />
          Best estimate or single figure
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 rounded-full border-2 border-primary" />
          At least (↑) or up to (↓)
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="rounded-full border border-dashed border-primary px-1 text-[10px] leading-3 text-primary">
            n
          </span>
          Dashed and faded: false, retracted or deprecated
        </li>
      </ul>
      {layout.undrawn.length ? (
        <p className="text-xs text-muted-foreground">
          Not drawn (no number or no date): {layout.undrawn.map((f) => `figure ${f.n}`).join(", ")}.
        </p>
      ) : null}
    </TimelineFigure>
  );
}
