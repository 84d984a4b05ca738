"use server";
import { revalidatePath } from "next/cache";
import {
  mergeMetricsSchema,
  metricSchema,
  renameMetricSchema,
  type MergeMetricsInput,
  type MetricInput,
  type RenameMetricInput,
} from "@/lib/schemas/metric";
import { createMetric, mergeMetrics, renameMetric } from "@/lib/server/metrics";
import { asAction, type ActionResult } from "@/lib/server/mutations";
import { requireUser } from "@/lib/server/session";

const invalid = "Check the highlighted fields.";

export async function createMetricAction(values: MetricInput): Promise<ActionResult<{ id: string }>> {
  const actor = await requireUser();
  const input = metricSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => createMetric(actor, input.data));
  if (result.ok) revalidatePath("/metrics");
  return result;
}

export async function renameMetricAction(values: RenameMetricInput): Promise<ActionResult<{ id: string; version: number }>> {
  const actor = await requireUser();
  const input = renameMetricSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => renameMetric(actor, input.data));
  if (result.ok) {
    revalidatePath("/metrics");
    revalidatePath(`/metrics/${input.data.id}`);
  }
  return result;
}

export async function mergeMetricsAction(values: MergeMetricsInput): Promise<ActionResult<{ targetId: string; claimsMoved: number }>> {
  const actor = await requireUser();
  const input = mergeMetricsSchema.safeParse(values);
  if (!input.success) return { ok: false, message: invalid, fieldErrors: input.error.flatten().fieldErrors };
  const result = await asAction(() => mergeMetrics(actor, input.data));
  if (result.ok) {
    revalidatePath("/metrics");
    revalidatePath(`/metrics/${input.data.sourceId}`);
    revalidatePath(`/metrics/${input.data.targetId}`);
    revalidatePath("/claims");
  }
  return result;
}
