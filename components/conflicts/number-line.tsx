import { scaleLinear, scaleUtc } from "d3-scale";
import { cn } from "@/lib/cn";
import type { NumberLine } from "@/lib/conflicts/number-line";
import { formatDate, formatNumber } from "@/lib/values";

const pct = (n: number) => `${Math.max(0, Math.min(100, n)).toFixed(3)}%`;

/**
 * The figures of a conflict on one axis: a bar per figure, an arrow where it is open-ended, and a
 * shaded band where they all overlap (or a plain statement that they do not). The text beside each
 * bar says the same for screen readers and print.
 */
export function NumberLineChart({ line, caption }: { line: NumberLine; caption: string }) {
  const [min, max] = line.domain;
  const dates = scaleUtc<number>().domain([new Date(min), new Date(max)]).range([0, 100]);
  const numbers = scaleLinear<number>().domain([min, max]).range([0, 100]);
  const at = (v: number): number => (line.axis === "date" ? dates(new Date(v)) : numbers(v));
  const ticks =
    line.axis === "date"
      ? dates.ticks(4).map((d) => ({ value: d.getTime(), text: formatDate(d, (max - min) / 86_400_000 > 400 ? "YEAR" : (max - min) / 86_400_000 > 120 ? "MONTH" : "DAY") }))
      : numbers.ticks(5).map((v) => ({ value: v, text: formatNumber(v) }));

  return (
    <figure className="space-y-2" aria-labelledby="number-line-caption">
      <figcaption id="number-line-caption" className="text-sm text-muted-foreground">
        {caption}{" "}
        <span className="font-medium text-foreground" data-testid="overlap-state">
          {line.shared ? "The shaded band is where they all overlap." : "They do not all overlap anywhere."}
        </span>
      </figcaption>
      <div className="relative rounded-md border border-border bg-card px-3 pb-8 pt-3">
        <div className="relative">
          <ul className="relative space-y-3">
            {line.rows.map((r, i) => {
              const left = r.low === null ? 0 : at(r.low);
              const right = r.high === null ? 100 : at(r.high);
              const point = r.low !== null && r.high !== null && right - left < 0.8;
              return (
                <li key={i} className="space-y-1">
                  <p className="text-sm">
                    <span className="font-semibold">{r.label}</span>: {r.detail}
                  </p>
                  <div className="relative h-4" aria-hidden="true">
                    <div className="absolute inset-x-0 top-1/2 h-px bg-border" />
                    {line.shared ? (
                      <div
                        className="absolute -inset-y-1 rounded-sm bg-[var(--status-verified-bg)] outline outline-1 outline-[var(--status-verified)]"
                        style={{ left: pct(at(line.shared.low)), width: pct(Math.max(at(line.shared.high) - at(line.shared.low), 0.6)) }}
                      />
                    ) : null}
                    {point ? (
                      <div
                        className={cn("absolute top-1/2 size-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-card", r.tone === "implied" ? "bg-[var(--status-in-review)]" : "bg-primary")}
                        style={{ left: pct(left) }}
                      />
                    ) : (
                      <div
                        className={cn(
                          "absolute top-0 h-4 rounded-sm",
                          r.tone === "implied" ? "border-2 border-dashed border-[var(--status-in-review)] bg-[var(--status-in-review-bg)]" : "bg-primary",
                          r.low === null && "rounded-l-none",
                          r.high === null && "rounded-r-none",
                        )}
                        style={{ left: pct(left), width: pct(right - left) }}
                      >
                        {r.high === null ? <span className="absolute -right-3 top-1/2 -translate-y-1/2 text-xs text-primary">▶</span> : null}
                        {r.low === null ? <span className="absolute -left-3 top-1/2 -translate-y-1/2 text-xs text-primary">◀</span> : null}
                      </div>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="absolute inset-x-3 bottom-1 h-6" aria-hidden="true">
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
