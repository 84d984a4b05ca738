import "@/lib/zod-config";
import { z } from "zod";
import { collapseSpaces, displayName, optionalDescription, rowVersion } from "./common";

export const metricSchema = z.object({
  name: displayName("what is measured, with its scope"),
  unit: z.preprocess(
    collapseSpaces,
    z.string({ error: "Give the unit, like “soldiers killed”." }).min(1, "Give the unit, like “soldiers killed”.").max(100, "Keep the unit under 100 characters."),
  ),
  description: optionalDescription,
});

/** Renaming edits the same fields, from the version the editor opened. */
export const renameMetricSchema = metricSchema.extend({ id: z.uuid("Unknown metric."), version: rowVersion });

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
export type RenameMetricInput = z.input<typeof renameMetricSchema>;
export type RenameMetricValues = z.output<typeof renameMetricSchema>;
export type MergeMetricsInput = z.input<typeof mergeMetricsSchema>;
export type MergeMetricsValues = z.output<typeof mergeMetricsSchema>;
