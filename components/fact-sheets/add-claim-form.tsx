"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addSheetClaimsAction } from "@/app/(app)/fact-sheets/actions";
import { ClaimSearch, type ClaimChoice } from "@/components/claims/claim-search";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { notifySaved } from "@/components/ui/toast";

/** Picks a claim by the words of its statement and adds it at the end of the sheet. */
export function AddClaimForm(props: { sheetId: string; version: number; onSheet: readonly string[] }) {
  const router = useRouter();
  const [picked, setPicked] = useState<ClaimChoice | null>(null);
  const [problem, setProblem] = useState<string>();
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!picked) return setProblem("Pick a claim to add: type words of its statement.");
    setProblem(undefined);
    start(async () => {
      const result = await addSheetClaimsAction({ sheetId: props.sheetId, version: props.version, claimIds: [picked.id] });
      if (!result.ok) return setProblem(result.message);
      setPicked(null);
      notifySaved("Claim added to the sheet.");
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a claim" className="space-y-3">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <ClaimSearch id="add-claim" label="Claim to add" selected={picked} onSelect={setPicked} exclude={props.onSheet} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : "Add to the sheet"}
      </Button>
    </form>
  );
}
