"use client";
import { mergeActorsAction } from "@/app/(app)/actors/actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { mergeActorsSchema, type MergeActorsInput } from "@/lib/schemas/actor";

/** An admin says two actors are one: the first becomes another name of the second. */
export function MergeActorsForm(props: { actors: { id: string; name: string }[] }) {
  // Without onSuccess the form resets and the page refreshes.
  const { form, pending, outcome, onSubmit, err } = useActionForm({
    schema: mergeActorsSchema,
    defaultValues: { aliasId: "", canonicalId: "", reason: "" } satisfies MergeActorsInput,
    action: mergeActorsAction,
    success: (v) => `Merged: ${v.linksMoved} chain links moved; ${v.claimsRevised} claims revised (decided ones back to review).`,
  });
  const options = (
    <>
      <option value="">Choose an actor…</option>
      {props.actors.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Merge actors">
      <FormOutcome outcome={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="aliasId" label="This actor (another name)…" error={err("aliasId")}>
          {(a11y) => (
            <Select {...a11y} {...form.register("aliasId")}>
              {options}
            </Select>
          )}
        </FormField>
        <FormField id="canonicalId" label="…is the same as this actor (kept)" error={err("canonicalId")}>
          {(a11y) => (
            <Select {...a11y} {...form.register("canonicalId")}>
              {options}
            </Select>
          )}
        </FormField>
      </div>
      <FormField id="reason" label="Why they are one actor" error={err("reason")}>
        {(a11y) => <Textarea {...a11y} rows={2} placeholder="e.g. MoD is the Ministry of Defence’s own abbreviation." {...form.register("reason")} />}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Merging…" : "Merge actors"}
      </Button>
    </form>
  );
}
