"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { mergeActorsAction } from "@/app/(app)/actors/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useActionSubmit } from "@/components/ui/use-action-submit";
import { mergeActorsSchema, type MergeActorsInput } from "@/lib/schemas/actor";

/** An admin says two actors are one: the first becomes another name of the second. */
export function MergeActorsForm(props: { actors: { id: string; name: string }[] }) {
  const router = useRouter();
  const form = useForm<MergeActorsInput>({ resolver: zodResolver(mergeActorsSchema), defaultValues: { aliasId: "", canonicalId: "", reason: "" } });
  const err = (name: keyof MergeActorsInput) => form.formState.errors[name]?.message;
  const { onSubmit, pending, problem } = useActionSubmit(
    form,
    mergeActorsAction,
    () => {
      form.reset({ aliasId: "", canonicalId: "", reason: "" });
      router.refresh();
    },
    (v) => `Merged: ${v.linksMoved} chain links moved, ${v.claimsRevised} claims back to review where decided.`,
  );
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
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
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
