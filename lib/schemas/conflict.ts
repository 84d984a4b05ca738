import "@/lib/zod-config";
// Flagging and deciding conflicts: the schemas their forms and server actions share.
import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { version } from "./fields";

export const CONFLICT_STATUSES = ["OPEN", "RESOLVED", "DISMISSED"] as const;
export const CONFLICT_KINDS = ["VALUE", "RATE_TOTAL", "DATE", "STATEMENT_DATE", "MANUAL"] as const;
export const CONFLICT_DECISIONS = ["PREFER", "DIFFERENT_SCOPES", "DISMISS", "SETTLE", "REOPEN"] as const;
export type ConflictDecisionAction = (typeof CONFLICT_DECISIONS)[number];

const uuidList = (min: number, max: number, tooFew: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z
      .array(z.uuid("Choose claims from the list."))
      .min(min, tooFew)
      .max(max, `At most ${max} claims.`)
      .refine((ids) => new Set(ids).size === ids.length, "A claim is listed twice."),
  );

export const flagConflictSchema = z.object({
  claimIds: uuidList(2, 10, "Choose at least one other claim that cannot hold together with this one."),
  reason: z.string().trim().min(10, "Say why these claims cannot all be true (at least 10 characters).").max(2000, "Keep the reason under 2,000 characters."),
});
export type FlagConflictInput = z.input<typeof flagConflictSchema>;
export type FlagConflictValues = z.output<typeof flagConflictSchema>;

const optionalName = z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v ?? undefined), z.string().min(3, "Name the new scope (at least 3 characters).").max(200, "Keep the name under 200 characters.").optional());

export const decideConflictSchema = z
  .object({
    conflictId: z.uuid("Unknown conflict."),
    version,
    action: z.enum(CONFLICT_DECISIONS, { error: "Choose how to resolve the conflict." }),
    preferredClaimId: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("Choose the claim to prefer.").optional()),
    note: z.string().trim().min(10, "Say why, for the record (at least 10 characters).").max(2000, "Keep the note under 2,000 characters."),
    /** DIFFERENT_SCOPES: a new metric (or event) for the claims that measure something else. */
    scopeName: optionalName,
    movingClaimIds: z.preprocess(
      (v) => (v === undefined || v === null || v === "" || v === false ? [] : Array.isArray(v) ? v.filter((x) => typeof x === "string" && x !== "") : [v]),
      z.array(z.uuid("Choose claims from the list.")).max(50),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.action === "PREFER" && !v.preferredClaimId) ctx.addIssue({ code: "custom", path: ["preferredClaimId"], message: "Choose the claim to prefer." });
    if (v.action === "DIFFERENT_SCOPES" && v.scopeName && v.movingClaimIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["movingClaimIds"], message: "Choose the claims that move to the new scope." });
    }
    if (v.action === "DIFFERENT_SCOPES" && !v.scopeName && v.movingClaimIds.length > 0) {
      ctx.addIssue({ code: "custom", path: ["scopeName"], message: "Name the new scope the chosen claims move to." });
    }
  });
export type DecideConflictInput = z.input<typeof decideConflictSchema>;
export type DecideConflictValues = z.output<typeof decideConflictSchema>;

export const CONFLICT_SEVERITIES = ["CONTRADICTION", "TENSION", "QUESTION"] as const;

export const conflictListSchema = pageQuerySchema.extend({
  status: z.enum(CONFLICT_STATUSES, { error: "status is OPEN, RESOLVED or DISMISSED." }).default("OPEN"),
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CONFLICT_KINDS, { error: "Unknown kind of conflict." }).optional()),
  severity: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CONFLICT_SEVERITIES, { error: "severity is CONTRADICTION, TENSION or QUESTION." }).optional()),
});
export type ConflictListQuery = z.output<typeof conflictListSchema>;

/** A full re-scan takes no input: who asks is the signed-in user. */
export const requestConflictScanSchema = z.object({});
