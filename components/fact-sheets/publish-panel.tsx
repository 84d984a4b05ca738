"use client";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { publishSheetAction } from "@/app/(app)/fact-sheets/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/textarea";

/**
 * Publishing: the preview (what the next version holds, and its differences from the latest one,
 * rendered by the page as `changes`) comes first; a republish needs a change note. The publish is
 * refused if the sheet or its versions moved since this preview.
 */
export function PublishPanel(props: { sheetId: string; sheetVersion: number; draftHash: string; previousNumber: number; nextNumber: number; claimCount: number; changes: ReactNode }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [reviewed, setReviewed] = useState(props.previousNumber === 0);
  const republish = props.previousNumber > 0;
  const { run, pending, problem } = useActionButton(publishSheetAction, {
    toast: ({ number }) => `Version ${number} published.`,
    onSuccess: ({ number }) => {
      setNote("");
      router.push(`/fact-sheets/${props.sheetId}/v/${number}`);
      router.refresh();
    },
  });
  const publish = (e: React.FormEvent) => {
    e.preventDefault();
    run({ sheetId: props.sheetId, version: props.sheetVersion, previousNumber: props.previousNumber, draftHash: props.draftHash, changeNote: note });
  };

  if (props.claimCount === 0) {
    return <p className="text-sm">Nothing can be published yet: verify at least one claim on the sheet, with no open conflict.</p>;
  }
  return (
    <form onSubmit={publish} noValidate aria-label="Publish" className="space-y-4">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <p className="text-sm">
        Version {props.nextNumber} will publish {props.claimCount} {props.claimCount === 1 ? "claim" : "claims"}, frozen as they stand now.
      </p>
      {republish ? (
        <>
          <section aria-labelledby="changes-heading" className="rounded-md border border-border p-3">
            <h3 id="changes-heading" className="mb-2 font-semibold">
              Changes since version {props.previousNumber}
            </h3>
            {props.changes}
          </section>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} className="mt-1 size-4" />
            <span>I have read the changes above.</span>
          </label>
          <FormField id="change-note" label="Change note (public: readers see it as the correction record)">
            {(a11y) => <Textarea {...a11y} rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Added the date of recognition; corrected the vote count." />}
          </FormField>
        </>
      ) : null}
      <Button type="submit" disabled={pending || !reviewed}>
        {pending ? "Publishing…" : republish ? `Publish version ${props.nextNumber}` : "Publish version 1"}
      </Button>
    </form>
  );
}
