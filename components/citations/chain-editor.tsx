"use client";
import { useFieldArray, type FieldError, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { linkLabel } from "@/lib/attribution";
import { ACTOR_KIND_LABELS } from "@/lib/labels";
import { ACTOR_KINDS, MAX_CHAIN_LINKS, type CitationInput } from "@/lib/schemas/citation";
import { ActorNameInput } from "./actor-name-input";

/** A new link: the editor names the actor and chooses its kind. */
export const blankLink = () => ({ actorName: "", actorKind: "" as CitationInput["chain"][number]["actorKind"], relation: "" });

type LinkErrors = { actorName?: FieldError; actorKind?: FieldError; relation?: FieldError };
type ChainErrors = (LinkErrors | undefined)[] & { message?: string; root?: FieldError };

/**
 * Who said it to whom, origin first: one fieldset per link, added, removed and reordered by buttons.
 * `name` is where the chain sits in the form: "chain" in a citation form, "citation.chain" when a
 * claim and its citation are one form.
 */
export function ChainEditor({ form: anyForm, idPrefix, name = "chain" }: { form: UseFormReturn<CitationInput> | UseFormReturn<never>; idPrefix: string; name?: "chain" | "citation.chain" }) {
  // The paths are built from `name`; typed as the citation form's, which both shapes share below it.
  const form = anyForm as unknown as UseFormReturn<CitationInput>;
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: name as "chain" });
  const errors = name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], form.formState.errors) as ChainErrors | undefined;
  const chainError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-3 rounded-lg border border-border p-3 @lg:p-4" aria-describedby={chainError ? `${idPrefix}-chain-error` : undefined}>
      <legend className="px-1 text-sm font-semibold">Attribution chain</legend>
      <p className="text-sm text-muted-foreground">Who said it to whom: the origin first (who first said it), the nearest reporter last.</p>
      {chainError ? (
        <p id={`${idPrefix}-chain-error`} className="text-sm text-danger">
          {chainError}
        </p>
      ) : null}
      <ol className="space-y-3">
        {fields.map((field, i) => {
          const label = linkLabel(i, fields.length);
          const id = (name: string) => `${idPrefix}-chain-${i}-${name}`;
          const err = errors?.[i];
          return (
            <li key={field.id}>
              <fieldset className="space-y-3 rounded-md border border-border bg-background p-3">
                <legend className="px-1 text-sm font-medium">{label}</legend>
                <div className="grid gap-3 @md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
                  <FormField id={id("actorName")} label="Name" error={err?.actorName?.message}>
                    {(a11y) => (
                      <ActorNameInput
                        {...a11y}
                        placeholder={i === 0 ? "e.g. Igor Korotchenko" : "e.g. New York Post"}
                        {...form.register(`${name}.${i}.actorName` as `chain.${number}.actorName`)}
                        onPick={(actor) => form.setValue(`${name}.${i}.actorKind` as `chain.${number}.actorKind`, actor.kind, { shouldValidate: form.formState.isSubmitted })}
                      />
                    )}
                  </FormField>
                  <FormField id={id("actorKind")} label="Kind" error={err?.actorKind?.message}>
                    {(a11y) => (
                      <Select {...a11y} {...form.register(`${name}.${i}.actorKind` as `chain.${number}.actorKind`)}>
                        <option value="">Choose…</option>
                        {ACTOR_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {ACTOR_KIND_LABELS[k]}
                          </option>
                        ))}
                      </Select>
                    )}
                  </FormField>
                </div>
                <FormField id={id("relation")} label="How they passed it on (optional)" error={err?.relation?.message}>
                  {(a11y) => <Input {...a11y} placeholder={i === 0 ? "e.g. said on air" : "e.g. reported"} {...form.register(`${name}.${i}.relation` as `chain.${number}.relation`)} />}
                </FormField>
                <div className="flex flex-wrap gap-2">
                  <Button type="button" variant="secondary" className="min-h-9 px-3" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move link ${i + 1} up`}>
                    ↑ Up
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    className="min-h-9 px-3"
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={`Move link ${i + 1} down`}
                  >
                    ↓ Down
                  </Button>
                  <Button type="button" variant="ghost" className="min-h-9 px-3" disabled={fields.length === 1} onClick={() => remove(i)} aria-label={`Remove link ${i + 1}`}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        variant="secondary"
        disabled={fields.length >= MAX_CHAIN_LINKS}
        onClick={() => append(blankLink())}
      >
        Add link
      </Button>
    </fieldset>
  );
}
