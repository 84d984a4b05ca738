"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { requestConflictScanAction } from "@/app/(app)/conflicts/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";

export interface ScanView {
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  claims: number;
  opened: number;
  reopened: number;
  cleared: number;
  totalClaims: number | null;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  finishedAt: string | null;
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const n = (x: number) => x.toLocaleString("en-GB");

function describe(scan: ScanView | null) {
  if (!scan) return "No full re-scan has been run here. Conflicts are also found whenever a claim or citation is saved.";
  switch (scan.status) {
    case "QUEUED":
      return scan.attempts > 0 ? `Attempt ${scan.attempts} of ${scan.maxAttempts} failed (${scan.error ?? "no reason given"}); it will be tried again shortly.` : "Queued: waiting for a free worker.";
    case "RUNNING":
      return `Running, attempt ${scan.attempts} of ${scan.maxAttempts}: ${n(scan.claims)}${scan.totalClaims ? ` of ${n(scan.totalClaims)}` : ""} claims compared.`;
    case "DONE":
      return `Last re-scan finished ${scan.finishedAt ? dateTime.format(new Date(scan.finishedAt)) : ""} UTC: ${n(scan.claims)} claims compared; ${n(scan.opened)} conflicts opened, ${n(scan.reopened)} reopened, ${n(scan.cleared)} cleared.`;
    case "FAILED":
      return `The last re-scan failed after ${scan.attempts} attempts: ${scan.error ?? "no reason given"}.`;
  }
}

/** The full re-scan, run as a background job: its progress, refreshed while it runs, and the button that asks for one. */
export function RescanPanel({ scan, canRun }: { scan: ScanView | null; canRun: boolean }) {
  const router = useRouter();
  const { run, pending, problem } = useActionButton(requestConflictScanAction, { toast: "Re-scan queued." });
  const active = scan?.status === "QUEUED" || scan?.status === "RUNNING";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);

  return (
    <section aria-labelledby="rescan-heading" className="space-y-2 rounded-lg border border-border bg-card p-4 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="rescan-heading" className="font-semibold">
          Full re-scan
        </h2>
        {canRun ? (
          <Button
            type="button"
            variant="secondary"
            disabled={pending || active}
            onClick={() => run(undefined)}
          >
            Re-scan all claims
          </Button>
        ) : null}
      </div>
      <p role="status" className="text-muted-foreground">
        {describe(scan)}
      </p>
      {scan?.status === "RUNNING" && scan.totalClaims ? (
        <progress className="h-2 w-full" value={Math.min(scan.claims, scan.totalClaims)} max={scan.totalClaims} aria-label="Re-scan progress" />
      ) : null}
      {problem ? (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
