"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { retryExportAction } from "@/app/(app)/fact-sheets/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { describePdfJob, pdfJobActive, pdfJobStep, type PdfJobView } from "@/lib/exports/pdf-jobs";

/**
 * A large version's PDF while the job queue makes it: where it stands (queued, which step, a failed
 * attempt), refreshed every two seconds until the link replaces it; after a final failure, the
 * button that tries again (for those who may).
 */
export function PdfJobStatus({ job, snapshotId, canRetry }: { job: PdfJobView; snapshotId: string; canRetry: boolean }) {
  const router = useRouter();
  const active = pdfJobActive(job);
  const { run, pending, problem } = useActionButton(retryExportAction, { toast: "The PDF is queued again." });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  const { step, of } = pdfJobStep(job);

  return (
    <span className="mt-1 block space-y-1">
      <span role="status" className="block text-muted-foreground" data-testid="pdf-job-status">
        {describePdfJob(job)}
      </span>
      {active ? (
        // Indeterminate while queued, the step reached while running.
        <progress className="h-2 w-full max-w-sm" aria-label="PDF progress" {...(step ? { value: step, max: of } : {})} />
      ) : null}
      {job.status === "FAILED" && canRetry ? (
        <Button type="button" variant="secondary" disabled={pending} onClick={() => run({ snapshotId })}>
          Try the PDF again
        </Button>
      ) : null}
      {problem ? (
        <span role="alert" className="block text-danger">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
