import { scaleLinear, scaleUtc } from "d3-scale";
import { cn } from "@/lib/cn";
import type { LineRow, NumberLine } from "@/lib/conflicts/number-line";
import { formatDate, formatNumber } from "@/lib/values";

const pct = (n: number) => `${Math.max(0, Math.min(100, n)).toFixed(3)}%`;

// Unverified figures are hatched, verified ones solid: the pattern and the words say it, not the colour.
const HATCH = "repeating-linear-gradient(135deg, var(--primary) 0 3px, transparent 3px 7px)";

function EndLabels({ r, left, right, text }: { r: LineRow; left: number; right: number; text: (v: number) => string }) {
  if (r.low !== null && r.high !== null && (r.low === r.high || right - left < 18)) {
    return (
      <span className="absolute top-0 -translate-x-1/2 whitespace-nowrap" style={{ left: pct((left + right) / 2) }}>
        {r.low === r.high ? text(r.low) : `${text(r.low)}–${text(r.high)}`}
      </span>
    );
  }
  return (
    <>
      {r.low !== null ? (
        <span className="absolute top-0 whitespace-nowrap" style={{ left: pct(left) }}>
          {text(r.low)}
        </span>
      ) : null}
      {r.high !== null ? (
        <span className="absolute top-0 -translate-x-full whitespace-nowrap" style={{ left: pct(right) }}>
          {text(r.high)}
        </span>
      ) : null}
    </>
  );
}

/**
 * The figures of a conflict on one axis: a bar per figure with its ends labelled, an arrow where it
 * is open-ended, one shaded band where they all overlap (or a plain statement that they do not), and
 * the midpoint the arithmetic divides at. The text beside each bar says the same for screen readers and print.
 */
export function NumberLineChart({ line, caption }: { line: NumberLine; caption: string }) {
  const [min, max] = line.domain;
  const dates = scaleUtc<number>().domain([new Date(min), new Date(max)]).range([0, 100]);
  const numbers = scaleLinear<number>().domain([min, max]).range([0, 100]);
  const at = (v: number): number => (line.axis === "date" ? dates(new Date(v)) : numbers(v));
  const spanDays = (max - min) / 86_400_000;
  const tickPrecision = spanDays > 400 ? "YEAR" : spanDays > 120 ? "MONTH" : "DAY";
  const text = (v: number) => (line.axis === "date" ? formatDate(new Date(v), tickPrecision) : formatNumber(v));
  const ticks = line.axis === "date" ? dates.ticks(4).map((d) => ({ value: d.getTime(), text: text(d.getTime()) })) : numbers.ticks(5).map((v) => ({ value: v, text: text(v) }));

  return (
    <figure className="space-y-2" aria-labelledby="number-line-caption">
      <figcaption id="number-line-caption" className="text-sm text-muted-foreground">
        {caption} Solid bars are verified figures, hatched bars unverified ones.{" "}
        <span className="font-medium text-foreground" data-testid="overlap-state">
          {line.shared ? "The shaded band is where they all overlap." : "They do not all overlap anywhere."}
        </span>
        {line.midpoint ? <span className="text-foreground"> The dashed line is the {line.midpoint.label.toLowerCase()}.</span> : null}
      </figcaption>
      <div className="relative rounded-md border border-border bg-card px-3 pb-8 pt-3">
        <div className={cn("relative", line.midpoint && "pt-6")}>
          {line.shared ? (
            <div
              aria-hidden="true"
              data-testid="overlap-band"
              className="absolute -inset-y-1 rounded-sm border-x-2 border-dashed border-[var(--status-verified)] bg-[var(--status-verified-bg)]"
              style={{ left: pct(at(line.shared.low)), width: pct(Math.max(at(line.shared.high) - at(line.shared.low), 0.6)) }}
            />
          ) : null}
          {line.midpoint ? (
            <div aria-hidden="true" className="absolute -inset-y-1 border-l-2 border-dashed border-foreground" style={{ left: pct(at(line.midpoint.value)) }}>
              <span className="absolute top-0 left-1 whitespace-nowrap rounded bg-card px-1 text-xs font-medium">midpoint {formatNumber(line.midpoint.value)}</span>
            </div>
          ) : null}
          <ul className="relative space-y-3">
            {line.rows.map((r, i) => {
              const left = r.low === null ? 0 : at(r.low);
              const right = r.high === null ? 100 : at(r.high);
              const point = r.low !== null && r.high !== null && right - left < 0.8;
              const fill = r.tone === "implied" ? undefined : r.verified ? undefined : { backgroundImage: HATCH };
              return (
                <li key={i} className="space-y-1">
                  <p className="relative text-sm">
                    <span className="rounded bg-card/80 font-semibold">{r.label}</span>: {r.detail}
                    <span className="text-muted-foreground"> · {r.tone === "implied" ? "implied by the arithmetic" : r.verified ? "✓ verified" : "unverified"}</span>
                  </p>
                  <div className="relative h-4" aria-hidden="true">
                    <div className="absolute inset-x-0 top-1/2 h-px bg-border" />
                    {point ? (
                      <div
                        className={cn(
                          "absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2",
                          r.tone === "implied" ? "border-card bg-[var(--status-in-review)]" : r.verified ? "border-card bg-primary" : "border-primary bg-card",
                        )}
                        style={{ left: pct(left) }}
                      />
                    ) : (
                      <div
                        className={cn(
                          "absolute top-0 h-4 rounded-sm",
                          r.tone === "implied" ? "border-2 border-dashed border-[var(--status-in-review)] bg-[var(--status-in-review-bg)]" : r.verified ? "bg-primary" : "border-2 border-primary",
                          r.low === null && "rounded-l-none",
                          r.high === null && "rounded-r-none",
                        )}
                        style={{ left: pct(left), width: pct(right - left), ...fill }}
                      >
                        {r.high === null ? <span className="absolute -right-3 top-1/2 -translate-y-1/2 text-xs text-primary">▶</span> : null}
                        {r.low === null ? <span className="absolute -left-3 top-1/2 -translate-y-1/2 text-xs text-primary">◀</span> : null}
                      </div>
                    )}
                  </div>
                  <div className="relative h-4 text-xs tabular-nums text-muted-foreground" aria-hidden="true">
                    <EndLabels r={r} left={left} right={right} text={text} />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="absolute inset-x-3 bottom-1 h-6 border-t border-border pt-1" aria-hidden="true">
          {ticks.map((t, i) => (
            // On a phone every other tick is left out, so the labels do not run into each other.
            <span
              key={t.value}
              className={cn("absolute -translate-x-1/2 whitespace-nowrap text-xs tabular-nums text-muted-foreground", i % 2 === 1 && "max-sm:hidden")}
              style={{ left: pct(at(t.value)) }}
            >
              {t.text}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
