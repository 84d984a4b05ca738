import { scaleBand, scaleLinear } from "d3-scale";

const weekLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const weekLong = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const W = 420;
const H = 180;
const M = { top: 12, right: 8, bottom: 28, left: 36 };

/**
 * Claims verified per week as server-rendered SVG bars. The picture is for the eye; screen readers
 * get the caption and the same numbers as a table.
 */
export function VerifiedChart({ weeks }: { weeks: { week: Date; count: number }[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
  const x = scaleBand<number>()
    .domain(weeks.map((_, i) => i))
    .range([M.left, W - M.right])
    .padding(0.25);
  const total = weeks.reduce((a, w) => a + w.count, 0);
  const ticks = y.ticks(Math.min(4, y.domain()[1]!)).filter(Number.isInteger);
  // Every third week is labelled so the labels never collide, even on a phone.
  const labelled = (i: number) => (weeks.length - 1 - i) % 3 === 0;

  return (
    <figure aria-labelledby="verified-caption" className="space-y-2">
      <figcaption id="verified-caption" className="text-sm text-muted-foreground">
        {total === 0
          ? `No claim was verified in the last ${weeks.length} weeks.`
          : `${total} ${total === 1 ? "claim" : "claims"} verified in the last ${weeks.length} weeks, counted by the week (Monday, UTC) of verification.`}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden="true" data-chart="verified">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="var(--border)" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="12" fill="var(--muted-foreground)">
              {t}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => (
          <g key={w.week.toISOString()}>
            {w.count > 0 ? (
              <rect x={x(i)} width={x.bandwidth()} y={y(w.count)} height={y(0) - y(w.count)} rx="2" fill="var(--status-verified)">
                <title>{`Week of ${weekLong.format(w.week)}: ${w.count}`}</title>
              </rect>
            ) : null}
            {labelled(i) ? (
              <text x={x(i)! + x.bandwidth() / 2} y={H - 8} textAnchor="middle" fontSize="12" fill="var(--muted-foreground)">
                {weekLabel.format(w.week)}
              </text>
            ) : null}
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="var(--muted-foreground)" />
      </svg>
      <table className="sr-only">
        <caption>Claims verified per week</caption>
        <thead>
          <tr>
            <th scope="col">Week starting</th>
            <th scope="col">Claims verified</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week.toISOString()}>
              <th scope="row">{weekLong.format(w.week)}</th>
              <td>{w.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
