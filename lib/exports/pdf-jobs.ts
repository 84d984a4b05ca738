// Which PDFs are made in the background, and what a PDF job tells the people waiting for it.
// A small sheet's PDF is printed on the first click, like every other format; a large one takes
// Chromium seconds of CPU, so it goes to the job queue and whichever app instance is free prints it.

/**
 * From this many claims a version's PDF is a job. npm run bench (exports part), warm Chromium, on
 * a loaded 2-core machine: 50 claims 1.4 s, 150 claims 2.0 s, 300 claims 2.8 s, 1,000 claims 7.5 s
 * (2.3-2.9 s for 1,000 on a quiet one); the fixed cost of a print is most of a small sheet's
 * time, the per-claim cost takes over past about 150. A few seconds on a click is what a newsroom
 * waits for a small sheet; a large one goes to the queue. `PDF_JOB_MIN_CLAIMS` overrides it (the
 * e2e app sets 1).
 */
export const PDF_JOB_MIN_CLAIMS = 150;

/** The threshold from a `PDF_JOB_MIN_CLAIMS` setting, falling back to the default on anything but a positive integer. */
export function pdfJobMinClaims(setting: string | undefined): number {
  const n = Number(setting);
  return setting && Number.isInteger(n) && n > 0 ? n : PDF_JOB_MIN_CLAIMS;
}

/** Whether a version of `claims` claims gets its PDF from the job queue. */
export const pdfMadeByJob = (claims: number, minClaims: number) => claims >= minClaims;

/** The steps of a PDF job, in order: what `stage` holds while it runs. */
export const PDF_STAGES = ["layout", "print", "store"] as const;
export type PdfStage = (typeof PDF_STAGES)[number];
const STAGE_TEXT: Record<PdfStage, string> = { layout: "laying out the claims", print: "printing the pages", store: "storing the file" };

export type JobStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** What the Downloads list shows of a PDF job: plain values a client component can take. */
export interface PdfJobView {
  status: JobStatus;
  stage: PdfStage | null;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  claims: number;
}

/** The step a running job is on, 1-based, and how many there are (for the progress bar). */
export function pdfJobStep(job: Pick<PdfJobView, "status" | "stage">): { step: number; of: number } {
  const of = PDF_STAGES.length;
  if (job.status === "DONE") return { step: of, of };
  if (job.status !== "RUNNING" || !job.stage) return { step: 0, of };
  return { step: PDF_STAGES.indexOf(job.stage) + 1, of };
}

const n = (x: number) => x.toLocaleString("en-GB");

/** One sentence on where the PDF stands, for the status line beside it. */
export function describePdfJob(job: PdfJobView): string {
  const size = `${n(job.claims)} claim${job.claims === 1 ? "" : "s"}`;
  switch (job.status) {
    case "QUEUED":
      return job.attempts > 0
        ? `Attempt ${job.attempts} of ${job.maxAttempts} failed (${job.error ?? "no reason given"}); it will be tried again shortly.`
        : `Queued: the PDF of ${size} is made in the background by the first free worker. This list updates by itself.`;
    case "RUNNING": {
      const { step, of } = pdfJobStep(job);
      return `Being made: step ${step} of ${of}, ${STAGE_TEXT[job.stage ?? "layout"]} (${size}, attempt ${job.attempts} of ${job.maxAttempts}).`;
    }
    case "DONE":
      return "Ready.";
    case "FAILED":
      return `The PDF could not be made after ${job.attempts} attempts: ${job.error ?? "no reason given"}.`;
  }
}

/** Whether the page should keep asking for news of the job. */
export const pdfJobActive = (job: PdfJobView) => job.status === "QUEUED" || job.status === "RUNNING";
