import { Link } from "@/components/ui/link";
import type { SheetWatch } from "@/lib/server/fact-sheet-watches";

/** "Needs a new version": the claims of the latest version that changed since, and how. */
export function WatchNotice({ watch, showTitle = false }: { watch: SheetWatch; showTitle?: boolean }) {
  return (
    <div className="rounded-md border border-danger bg-danger-muted p-3 text-sm" data-testid="needs-new-version">
      <p className="font-semibold text-danger">
        {showTitle ? (
          <>
            <Link href={`/fact-sheets/${watch.sheetId}`} className="underline">
              {watch.title}
            </Link>{" "}
            needs a new version
          </>
        ) : (
          "Needs a new version"
        )}
        : {watch.claims.length === 1 ? "a claim" : `${watch.claims.length} claims`} of version {watch.number} changed since it was published.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {watch.claims.map((c) => (
          <li key={c.claimId}>
            <Link href={`/claims/${c.claimId}`} className="underline-offset-2 hover:underline">
              {c.statement}
            </Link>{" "}
            <span className="font-medium">({c.changes.join(", ")})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
