"use client";
import { useEffect, useId, useRef, useState } from "react";
import type { z } from "zod";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { fieldErrors, type ActionResult } from "@/lib/action-result";

/**
 * "Create it here" inside another form (a metric or an event from the claim form): a few text
 * fields and a button, never a nested <form>, so the outer form's input stays as it is. The
 * schema is the server action's own; its messages show before the round trip.
 */
export function InlineCreate<K extends string, T>(props: {
  title: string;
  fields: { name: K; label: string; placeholder?: string }[];
  initial: Record<K, string>;
  schema: z.ZodType;
  action: (values: Record<K, string>) => Promise<ActionResult<T>>;
  submitLabel: string;
  onCreated: (value: T, values: Record<K, string>) => void;
  onCancel: () => void;
}) {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [values, setValues] = useState<Record<K, string>>(props.initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const { run, pending, problem } = useActionButton(props.action, { toast: null, onSuccess: (value) => props.onCreated(value, values) });
  const create = () => {
    const parsed = props.schema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    run(values);
  };
  return (
    <div role="group" aria-labelledby={`${prefix}-title`} className="space-y-3 rounded-md border border-primary bg-background p-3">
      <p id={`${prefix}-title`} className="text-sm font-semibold">
        {props.title}
      </p>
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      {props.fields.map((f, i) => (
        <FormField key={f.name} id={`${prefix}-${f.name}`} label={f.label} error={errors[f.name]?.[0]}>
          {(a11y) => (
            <Input
              {...a11y}
              ref={i === 0 ? first : undefined}
              placeholder={f.placeholder}
              value={values[f.name]}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              onKeyDown={(e) => {
                // Enter creates this, not the outer form.
                if (e.key === "Enter") {
                  e.preventDefault();
                  create();
                }
              }}
            />
          )}
        </FormField>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="button" className="min-h-9 px-3" disabled={pending} onClick={create}>
          {pending ? "Creating…" : props.submitLabel}
        </Button>
        <Button type="button" variant="ghost" className="min-h-9 px-3" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
