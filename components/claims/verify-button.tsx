"use client";
import { useRouter } from "next/navigation";
import { changeStatusAction } from "@/app/(app)/claims/[id]/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { changeStatusSchema } from "@/lib/schemas/status";

/**
 * "Mark verified", offered by the checklist only when it can succeed: every check passes, or all
 * that is missing is the verifier's written acknowledgement of open tensions and questions, asked
 * for here. The server checks everything again (lib/status.ts checkVerifiable).
 */
export function VerifyButton(props: { claimId: string; version: number; reason: string; acknowledge?: string }) {
  const router = useRouter();
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: changeStatusSchema,
    defaultValues: { claimId: props.claimId, version: props.version, toStatus: "VERIFIED", reason: props.reason, justification: "", acknowledgement: "" },
    action: changeStatusAction,
    toast: "Moved to Verified.",
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Verify claim" className="max-w-xl space-y-3">
      <FormOutcome outcome={outcome} />
      {props.acknowledge ? (
        <>
          <p className="text-sm">{props.acknowledge}</p>
          <FormField id="checklist-acknowledgement" label="Acknowledge the open tensions and questions: why can it be verified anyway?" error={err("acknowledgement")}>
            {(a11y) => <Textarea {...a11y} rows={3} {...form.register("acknowledgement")} />}
          </FormField>
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Verifying…" : "Mark verified"}
      </Button>
    </form>
  );
}
