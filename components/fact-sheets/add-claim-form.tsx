"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { addSheetClaimsAction } from "@/app/(app)/fact-sheets/actions";
import { ClaimSearch, type ClaimChoice } from "@/components/claims/claim-search";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Picks a claim by the words of its statement and adds it at the end of the sheet. */
export function AddClaimForm(props: { sheetId: string; version: number }) {
  const router = useRouter();
  const [picked, setPicked] = useState<ClaimChoice | null>(null);
  const [missing, setMissing] = useState(false);
  const { run, pending, problem } = useActionButton(addSheetClaimsAction, {
    toast: "Claim added to the sheet.",
    onSuccess: () => {
      setPicked(null);
      router.refresh();
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setMissing(!picked);
    if (picked) run({ sheetId: props.sheetId, version: props.version, claimIds: [picked.id] });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a claim" className="space-y-3">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <ClaimSearch
        id="add-claim"
        label="Claim to add"
        error={missing ? "Pick a claim to add: type words of its statement." : undefined}
        selected={picked}
        onSelect={setPicked}
        notOnSheet={props.sheetId}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : "Add to the sheet"}
      </Button>
    </form>
  );
}
