"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/mutations";

export type Outcome = { kind: "error" | "success"; text: string };

/**
 * A react-hook-form form bound to a server action: the zod schema checks in the browser, the
 * action checks again on the server, the server's field errors land next to their fields, a
 * refusal is shown with the user's input kept, and success refreshes the page's data.
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>, T>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.input<S>) => Promise<ActionResult<T>>;
  /** The success message, or null for none; the form is reset to its defaults unless keep is set. */
  success: (value: T) => string | null;
  keepValues?: boolean;
}) {
  type Values = z.input<S> & FieldValues;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>();
  const form = useForm<Values>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<Values>,
    defaultValues: options.defaultValues as DefaultValues<Values>,
  });
  const onSubmit = form.handleSubmit((values) => {
    setOutcome(undefined);
    startTransition(async () => {
      const result = await options.action(values);
      if (result.ok) {
        const text = options.success(result.value);
        setOutcome(text ? { kind: "success", text } : undefined);
        if (!options.keepValues) form.reset(options.defaultValues as DefaultValues<Values>);
        router.refresh();
        return;
      }
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as Path<Values>, { message: messages[0] });
      }
      setOutcome({ kind: "error", text: result.message });
    });
  });
  return { form, pending, outcome, onSubmit, setOutcome };
}
