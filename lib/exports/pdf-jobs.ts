// Which PDFs are made in the background, and what a PDF job tells the people waiting for it.
// A small sheet's PDF is printed on the first click, like every other format; a large one takes
// Chromium seconds of CPU, so it goes to the job queue and whichever app instance is free prints it.

/**
 * From this many claims a version's PDF is a job. A 1,000-claim PDF takes 2.3-2.9 s of Chromium
 * and a 100-claim one about 0.4 s (npm run bench, exports): under half a second is a click a
 * newsroom expects answered at once. `PDF_JOB_MIN_CLAIMS` overrides it (the e2e app sets 1).
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
