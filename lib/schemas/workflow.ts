import "@/lib/zod-config";
// Assignment, reviews and comments on a claim: the schemas their forms and server actions share.
import { z } from "zod";

const version = z.coerce.number().int().min(1);
const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const assignSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  version,
  /** Null unassigns. */
  assigneeId: z.preprocess(blankToNull, z.uuid("Choose someone from the list.").nullable()),
});
export type AssignInput = z.input<typeof assignSchema>;
export type AssignValues = z.output<typeof assignSchema>;

export const REVIEW_DECISIONS = ["APPROVE", "SEND_BACK"] as const;

export const reviewSchema = z
  .object({
    claimId: z.uuid("Unknown claim."),
    version,
    decision: z.enum(REVIEW_DECISIONS, { error: "Approve or send back." }),
    note: z
      .string()
      .trim()
      .max(2000, "Keep the note under 2,000 characters.")
      .transform((s) => s || undefined)
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "SEND_BACK" && (v.note ?? "").length < 10) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what must change before you can approve (at least 10 characters)." });
    }
  });
export type ReviewInput = z.input<typeof reviewSchema>;
export type ReviewValues = z.output<typeof reviewSchema>;

export const commentSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  parentId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Unknown comment.").optional()),
  body: z.string().trim().min(1, "Write a comment.").max(4000, "Keep the comment under 4,000 characters."),
});
export type CommentInput = z.input<typeof commentSchema>;
export type CommentValues = z.output<typeof commentSchema>;

export const resolveCommentSchema = z.object({
  commentId: z.uuid("Unknown comment."),
  version,
  resolved: z.boolean(),
});
export type ResolveCommentInput = z.input<typeof resolveCommentSchema>;
export type ResolveCommentValues = z.output<typeof resolveCommentSchema>;
