"use client";
import { useSyncExternalStore } from "react";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/cn";
import { markLabel, pct, type TimelineMark } from "@/lib/timeline";
import { useMarkCard } from "./timeline-cards";

/** A mark as the chart draws it, worked out on the server: where, and its figure's number and id (its text is in its card). */
export type DrawnMark = Omit<TimelineMark, "figure"> & { id: string; n: number };

function Mark({ mark }: { mark: DrawnMark }) {
  const card = useMarkCard(mark.n);
  /** false, retracted or deprecated */
  const aside = !!card?.[3];
  const tone = aside ? "border-dashed opacity-50" : "";
  return (
    <>
      {mark.span ? (
        mark.span.yBottom - mark.span.yTop < 0.5 ? (
          <div
            aria-hidden="true"
            className={cn("absolute h-0.5 -translate-y-1/2 bg-primary/60", aside && "opacity-50")}
            style={{ left: pct(mark.span.x1), width: pct(mark.span.x2 - mark.span.x1), top: pct(mark.span.yTop) }}
          />
        ) : (
          <div
            aria-hidden="true"
            className={cn("absolute rounded-sm border border-primary/50 bg-primary/15", tone)}
            style={{ left: pct(mark.span.x1), width: pct(mark.span.x2 - mark.span.x1), top: pct(mark.span.yTop), height: pct(mark.span.yBottom - mark.span.yTop) }}
          />
        )
      ) : null}
      {mark.bar ? (
        <div
          aria-hidden="true"
          className={cn("absolute w-3 -translate-x-1/2 border-y-2 border-primary", tone)}
          style={{ left: pct(mark.bar.x), top: pct(mark.bar.yTop), height: pct(mark.bar.yBottom - mark.bar.yTop) }}
        >
          <div className="mx-auto h-full w-1 rounded-full bg-primary" />
        </div>
      ) : null}
      {mark.point ? (
        <div
          aria-hidden="true"
          className={cn(
            "absolute size-3 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-card",
            mark.point.open ? "border-2 border-primary bg-card" : "bg-primary",
            aside && "opacity-50",
          )}
          style={{ left: pct(mark.point.x), top: pct(mark.point.y) }}
        />
      ) : null}
      <Link
        href={`/claims/${mark.id}`}
        aria-label={card ? markLabel(mark.n, card) : `Figure ${mark.n}`}
        data-card={mark.n}
        className="group absolute z-10 -translate-x-1/2 -translate-y-[calc(100%+0.375rem)] rounded-full focus-visible:z-20"
        style={{ left: pct(mark.anchor.x), top: pct(mark.anchor.y) }}
      >
        <span
          aria-hidden="true"
          className={cn(
            "block min-w-5 rounded-full border border-primary bg-card px-1.5 text-center text-[11px] font-semibold leading-4 text-primary group-hover:bg-primary group-hover:text-primary-foreground",
            aside && "border-dashed",
          )}
        >
          {mark.n}
          {mark.point?.open === "at-least" ? "↑" : mark.point?.open === "up-to" ? "↓" : ""}
        </span>
      </Link>
    </>
  );
}

const noChanges = () => () => {};

/**
 * A series' marks. A client component fed plain positions, like the claims list's rows
 * (components/claims/claim-rows.tsx): up to 500 marks, each several positioned boxes and a link,
 * were sent as a server-rendered tree whose classes the flight payload repeated.
 *
 * Drawn in the browser only, right after hydration: the positions and texts reach it once, in the
 * flight payload, and the server does not also render 500 marks into HTML (1.2 MB of the busiest
 * metric's page, 0.6 MB of it the marks). The chart keeps its size meanwhile, and the table of
 * figures under it, rendered on the server, is its text alternative.
 */
export function TimelineMarks({ marks }: { marks: DrawnMark[] }) {
  const inBrowser = useSyncExternalStore(noChanges, () => true, () => false);
  return inBrowser ? marks.map((m) => <Mark key={m.id} mark={m} />) : null;
}
