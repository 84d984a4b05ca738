"use client";
import { useRouter } from "next/navigation";
import { changeStatusAction } from "@/app/(app)/claims/[id]/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { changeStatusSchema } from "@/lib/schemas/status";

export function StatusChanger(props: { claimId: string; version: number; options: ClaimStatus[] }) {
  const router = useRouter();
  const blank = (version: number) => ({ claimId: props.claimId, version, toStatus: "" as ClaimStatus, reason: "", justification: "" });
  const { form, pending, outcome, onSubmit } = useActionForm({
    schema: changeStatusSchema,
    defaultValues: blank(props.version),
    // The version the page was rendered with: a change made by someone else since is refused.
    action: (values) => changeStatusAction({ ...values, claimId: props.claimId, version: props.version }),
    success: (value) => `Moved to ${STATUS_LABELS[value.status as ClaimStatus]}.`,
    toast: (value) => `Status changed to ${STATUS_LABELS[value.status as ClaimStatus]}.`,
    onSuccess: (value) => {
      form.reset(blank(value.version));
      router.refresh();
    },
  });
  const { errors } = form.formState;
  const target = form.watch("toStatus");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change status">
      <FormOutcome outcome={outcome} />
      <FormField id="toStatus" label="Move to" error={errors.toStatus?.message}>
        {(a11y) => (
          <Select {...a11y} {...form.register("toStatus")}>
            <option value="">Choose a status…</option>
            {props.options.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField id="reason" label="Reason" error={errors.reason?.message}>
        {(a11y) => <Textarea {...a11y} rows={2} {...form.register("reason")} />}
      </FormField>
      {target === "VERIFIED" ? (
        <FormField id="justification" label="Justification (needed when one primary source is the support)" error={errors.justification?.message}>
          {(a11y) => <Textarea {...a11y} rows={3} {...form.register("justification")} />}
        </FormField>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change status"}
      </Button>
    </form>
  );
}
