"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { changeStatusAction } from "@/app/(app)/claims/[id]/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { notifySaved } from "@/components/ui/toast";
import { STATUS_LABELS, type ClaimStatus } from "@/lib/labels";
import { changeStatusSchema, type ChangeStatusInput } from "@/lib/schemas/status";

export function StatusChanger(props: { claimId: string; version: number; options: ClaimStatus[]; /** Open tensions or questions to acknowledge. */ acknowledge?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ kind: "error" | "success"; text: string }>();
  const form = useForm<ChangeStatusInput>({
    resolver: zodResolver(changeStatusSchema),
    defaultValues: { claimId: props.claimId, version: props.version, toStatus: "" as ClaimStatus, reason: "", justification: "", acknowledgement: "" },
  });
  const { errors } = form.formState;
  const target = form.watch("toStatus");

  const onSubmit = form.handleSubmit((values) => {
    setOutcome(undefined);
    startTransition(async () => {
      // The version the page was rendered with: a change made by someone else since is refused.
      const result = await changeStatusAction({ ...values, claimId: props.claimId, version: props.version });
      if (result.ok) {
        setOutcome({ kind: "success", text: `Moved to ${STATUS_LABELS[result.value.status as ClaimStatus]}.` });
        notifySaved(`Status changed to ${STATUS_LABELS[result.value.status as ClaimStatus]}.`);
        form.reset({ claimId: props.claimId, version: result.value.version, toStatus: "" as ClaimStatus, reason: "", justification: "", acknowledgement: "" });
        router.refresh();
        return;
      }
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as keyof ChangeStatusInput, { message: messages[0] });
      }
      setOutcome({ kind: "error", text: result.message });
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change status">
      {outcome ? <FormMessage kind={outcome.kind}>{outcome.text}</FormMessage> : null}
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
      {target === "VERIFIED" && props.acknowledge ? (
        <FormField id="acknowledgement" label="Acknowledge the open tensions and questions: why can it be verified anyway?" error={errors.acknowledgement?.message}>
          {(a11y) => <Textarea {...a11y} rows={3} {...form.register("acknowledgement")} />}
        </FormField>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change status"}
      </Button>
    </form>
  );
}
