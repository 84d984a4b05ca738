"use server";
import type { ActionResult } from "@/lib/action-result";
import { mergeMetricsSchema, metricSchema, updateMetricSchema, type MergeMetricsInput, type MetricInput, type UpdateMetricInput } from "@/lib/schemas/metric";
import { runAction } from "@/lib/server/action";
import { createMetric, mergeMetrics, updateMetric } from "@/lib/server/metrics";

export async function createMetricAction(values: MetricInput): Promise<ActionResult<{ id: string }>> {
  return runAction(metricSchema, values, createMetric, () => ["/metrics"]);
}

export async function updateMetricAction(values: UpdateMetricInput): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(updateMetricSchema, values, updateMetric, ({ id }) => ["/metrics", `/metrics/${id}`]);
}

export async function mergeMetricsAction(values: MergeMetricsInput): Promise<ActionResult<{ targetId: string; claimsMoved: number }>> {
  return runAction(mergeMetricsSchema, values, mergeMetrics, ({ targetId }, input) => ["/metrics", `/metrics/${input.sourceId}`, `/metrics/${targetId}`, "/claims"]);
}
