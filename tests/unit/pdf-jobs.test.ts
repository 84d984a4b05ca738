import { describe, expect, it } from "vitest";
import { describePdfJob, PDF_JOB_MIN_CLAIMS, pdfJobActive, pdfJobMinClaims, pdfJobStep, pdfMadeByJob, type PdfJobView } from "@/lib/exports/pdf-jobs";

const job = (over: Partial<PdfJobView>): PdfJobView => ({ status: "QUEUED", stage: null, attempts: 0, maxAttempts: 3, error: null, claims: 1000, ...over });

describe("which PDFs are jobs", () => {
  it("reads PDF_JOB_MIN_CLAIMS, falling back to the default on anything but a positive integer", () => {
    expect(pdfJobMinClaims(undefined)).toBe(PDF_JOB_MIN_CLAIMS);
    expect(pdfJobMinClaims("1")).toBe(1);
    expect(pdfJobMinClaims("400")).toBe(400);
    for (const bad of ["", "0", "-5", "2.5", "many"]) expect(pdfJobMinClaims(bad), bad).toBe(PDF_JOB_MIN_CLAIMS);
  });

  it("makes a version of at least the threshold's claims a job, and a smaller one at once", () => {
    expect(pdfMadeByJob(PDF_JOB_MIN_CLAIMS, PDF_JOB_MIN_CLAIMS)).toBe(true);
    expect(pdfMadeByJob(PDF_JOB_MIN_CLAIMS - 1, PDF_JOB_MIN_CLAIMS)).toBe(false);
    expect(pdfMadeByJob(1, 1)).toBe(true);
  });
});

describe("what a PDF job tells its readers", () => {
  it("counts the steps while it runs", () => {
    expect(pdfJobStep(job({}))).toEqual({ step: 0, of: 3 });
    expect(pdfJobStep(job({ status: "RUNNING", stage: "layout" }))).toEqual({ step: 1, of: 3 });
    expect(pdfJobStep(job({ status: "RUNNING", stage: "store" }))).toEqual({ step: 3, of: 3 });
    expect(pdfJobStep(job({ status: "DONE" }))).toEqual({ step: 3, of: 3 });
  });

  it("says where it stands in one sentence, and keeps the page asking only while it is under way", () => {
    expect(describePdfJob(job({}))).toBe("Queued: the PDF of 1,000 claims is made in the background by the first free worker. This list updates by itself.");
    expect(describePdfJob(job({ claims: 1 }))).toMatch(/the PDF of 1 claim is/);
    expect(describePdfJob(job({ status: "RUNNING", stage: "print", attempts: 2 }))).toBe("Being made: step 2 of 3, printing the pages (1,000 claims, attempt 2 of 3).");
    expect(describePdfJob(job({ attempts: 1, error: "Chromium went away" }))).toBe("Attempt 1 of 3 failed (Chromium went away); it will be tried again shortly.");
    expect(describePdfJob(job({ status: "FAILED", attempts: 3, error: "Chromium went away" }))).toBe("The PDF could not be made after 3 attempts: Chromium went away.");
    expect([job({}), job({ status: "RUNNING" }), job({ status: "DONE" }), job({ status: "FAILED" })].map(pdfJobActive)).toEqual([true, true, false, false]);
  });
});
