import { Link } from "@/components/ui/link";
import { StatusBadge } from "@/components/claims/status-badge";
import type { ClaimStatus } from "@/lib/labels";
import { claimsHref } from "@/lib/schemas/claim-filters";

const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 });

/**
 * The share of claims in each status as labelled bars: every bar carries its status name and
 * count in words, so the colour is never the only clue. Each row links to the claims in it.
 */
export function StatusMixChart({ counts, order }: { counts: Record<ClaimStatus, number>; order: readonly ClaimStatus[] }) {
  const total = order.reduce((a, s) => a + counts[s], 0);
  const max = Math.max(1, ...order.map((s) => counts[s]));
  return (
    <figure aria-labelledby="mix-caption" className="space-y-3">
      <figcaption id="mix-caption" className="text-sm text-muted-foreground">
        {total.toLocaleString("en-GB")} claims by status; each bar is the number of claims in that status.
      </figcaption>
      <ul className="space-y-2" data-chart="status-mix">
        {order.map((s) => (
          <li key={s}>
            <Link href={claimsHref({}, { status: s })} className="grid grid-cols-[7.5rem_1fr_auto] items-center gap-3 rounded-md py-0.5 text-sm hover:bg-muted">
              <span>
                <StatusBadge status={s} />
              </span>
              <span className="h-3 rounded-full bg-muted" aria-hidden="true">
                <span className="block h-3 rounded-full" style={{ width: `${(counts[s] / max) * 100}%`, background: `var(--status-${s.toLowerCase().replace("_", "-")})` }} />
              </span>
              <span className="tabular-nums">
                {counts[s].toLocaleString("en-GB")}
                <span className="text-muted-foreground"> · {percent.format(total ? counts[s] / total : 0)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </figure>
  );
}
