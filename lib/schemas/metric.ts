import "@/lib/zod-config";
import { z } from "zod";
import { collapseSpaces, displayName, nameSearchSchema, optionalDescription, rowVersion } from "./common";
export const FIGURE_KINDS = ["RUNNING_TOTAL", "PERIOD_COUNT", "LEVEL"] as const;
export const FIGURE_KIND_LABELS: Record<(typeof FIGURE_KINDS)[number], string> = {
  RUNNING_TOTAL: "A running total since a start (e.g. killed since 24 Feb 2022)",
  PERIOD_COUNT: "A count within a period (e.g. killed in July)",
  LEVEL: "A level at a moment (e.g. troops deployed)",
};


export const metricSchema = z.object({
  name: displayName("what is measured, with its scope"),
  unit: z.preprocess(
    collapseSpaces,
    z.string({ error: "Give the unit, like “soldiers killed”." }).min(1, "Give the unit, like “soldiers killed”.").max(100, "Keep the unit under 100 characters."),
  ),
  description: optionalDescription,
  /** What kind of figure the metric holds: decides how its figures are compared (lib/conflicts/kinds.ts). */
  figureKind: z.enum(FIGURE_KINDS, { error: "Choose what kind of figure this metric holds." }).optional(),
  /** How far approximate figures may stray, in percent either side; empty means 10 %. */
  tolerancePercent: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ error: "Enter a percentage from 0 to 100." }).min(0, "Enter a percentage from 0 to 100.").max(100, "Enter a percentage from 0 to 100.").optional(),
  ),
  /** Whether figures may be negative (a balance, a change); counts may not. */
  allowsSigned: z.boolean().optional(),
});

/** Renaming edits the same fields, from the version the editor opened. */
export const updateMetricSchema = metricSchema.extend({ id: z.uuid("Unknown metric."), version: rowVersion });

/** Merging moves every claim of the source metric to the target and retires the source. */
export const mergeMetricsSchema = z
  .object({
    sourceId: z.uuid("Unknown metric."),
    sourceVersion: rowVersion,
    targetId: z.uuid("Choose the metric to merge into."),
    targetVersion: rowVersion,
    reason: z.preprocess(
      collapseSpaces,
      z
        .string({ error: "Say why these metrics measure the same thing." })
        .min(5, "Say why these metrics measure the same thing.")
        .max(500, "Keep the reason under 500 characters."),
    ),
  })
  .refine((v) => v.sourceId !== v.targetId, { path: ["targetId"], message: "A metric cannot be merged into itself." });

export type MetricInput = z.input<typeof metricSchema>;
export type MetricValues = z.output<typeof metricSchema>;
export type UpdateMetricInput = z.input<typeof updateMetricSchema>;
export type UpdateMetricValues = z.output<typeof updateMetricSchema>;
export type MergeMetricsInput = z.input<typeof mergeMetricsSchema>;
export type MergeMetricsValues = z.output<typeof mergeMetricsSchema>;

/** GET /api/metrics?q=deaths&limit=10: the claim form's metric picker; `exclude` leaves out one metric (the one being merged). */
export const metricSearchQuerySchema = nameSearchSchema.extend({ exclude: z.uuid("exclude must be a metric id.").optional() });
