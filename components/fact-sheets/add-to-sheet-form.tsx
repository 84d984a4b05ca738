"use client";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { addFilteredClaimsAction } from "@/app/(app)/fact-sheets/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { AddFilteredClaimsInput } from "@/lib/schemas/factsheet";

/** On the claims list: adds every claim of the current view (up to the cap) to a chosen fact sheet, in the view's order. */
export function AddToSheetForm(props: { count: number; cap: number; filters: AddFilteredClaimsInput["filters"]; sheets: { id: string; title: string }[] }) {
  const router = useRouter();
  const [sheetId, setSheetId] = useState(props.sheets[0]?.id ?? "");
  const [done, setDone] = useState<{ sheetId: string; text: string }>();
  const addedText = (v: { added: number; capped: boolean }) => `Added ${v.added} ${v.added === 1 ? "claim" : "claims"}${v.capped ? " (the most one add takes)" : ""}.`;
  const { run, pending, problem } = useActionButton(addFilteredClaimsAction, {
    toast: addedText,
    onSuccess: (v) => {
      setDone({ sheetId, text: addedText(v) });
      router.refresh();
    },
  });
  const label = props.count > props.cap ? `Add the first ${props.cap} of these claims to a fact sheet` : `Add ${props.count === 1 ? "this claim" : `these ${props.count} claims`} to a fact sheet`;
  if (!props.sheets.length) {
    return (
      <p className="text-sm text-muted-foreground">
        <Link href="/fact-sheets/new" className="underline">
          Create a fact sheet
        </Link>{" "}
        to add this view’s claims to it.
      </p>
    );
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    run({ sheetId, filters: props.filters });
  };
  return (
    <form onSubmit={submit} aria-label="Add these claims to a fact sheet" className="flex flex-wrap items-end gap-2 text-sm">
      <div className="w-full space-y-1 sm:w-auto">
        <label htmlFor="add-to-sheet" className="block text-xs font-medium text-muted-foreground">
          Fact sheet
        </label>
        <select id="add-to-sheet" value={sheetId} onChange={(e) => setSheetId(e.target.value)} className="min-h-10 w-full rounded-md border border-border bg-card px-2 sm:w-auto sm:max-w-72">
          {props.sheets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : label}
      </Button>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      {done ? (
        <p role="status" className="basis-full">
          {done.text}{" "}
          <Link href={`/fact-sheets/${done.sheetId}`} className="underline">
            Open the sheet
          </Link>
        </p>
      ) : null}
    </form>
  );
}
