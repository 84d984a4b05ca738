"use client";
import { changeStatusAction } from "@/app/(app)/claims/[id]/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** "Mark verified", offered by the checklist only when every check passes; the server checks them all again. */
export function VerifyButton(props: { claimId: string; version: number; reason: string }) {
  const { run, pending, problem } = useActionButton(changeStatusAction, { toast: "Moved to Verified." });
  return (
    <div className="space-y-2">
      <Button type="button" disabled={pending} onClick={() => run({ claimId: props.claimId, version: props.version, toStatus: "VERIFIED", reason: props.reason })}>
        {pending ? "Verifying…" : "Mark verified"}
      </Button>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
    </div>
  );
}
