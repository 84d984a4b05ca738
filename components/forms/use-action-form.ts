"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { notifySaved } from "@/components/ui/toast";
import type { ActionResult, StaleChange } from "@/lib/action-result";
import { overBodyLimit, TOO_LARGE_MESSAGE } from "@/lib/request-limits";

/** What a form says above its fields after a submit; `changes` lists what someone else saved when the edit was stale. */
export type Outcome = { kind: "error" | "success"; text: string; changes?: StaleChange[] };

export const OUTAGE = "The server did not save this. Your input is still here: try again in a moment.";

/**
 * The one way a form submits to a server action. The zod schema checks in the browser and the
 * action checks again; a refusal puts each field error on its field by full path
 * ("citations.0.quote"), focuses the first (bringing it into view) and keeps the input; a stale edit lists what someone else changed; an
 * outage is a message, never the error page; input over the body limit is not sent (Next would
 * refuse it with an error like an outage's) but named. After success: a toast (`toast`, else the `success`
 * message, else "Saved."; `toast: null` for none), then `onSuccess`, or by default the form resets to its
 * defaults (unless `keepValues`) and the page refreshes.
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>, T>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.input<S>) => Promise<ActionResult<T>>;
  /** The success message shown in the form, or null for none. */
  success?: (value: T) => string | null;
  toast?: string | null | ((value: T) => string | null);
  onSuccess?: (value: T, values: z.input<S>) => void;
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
    if (overBodyLimit(values)) {
      setOutcome({ kind: "error", text: TOO_LARGE_MESSAGE });
      return;
    }
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await options.action(values);
      } catch {
        setOutcome({ kind: "error", text: OUTAGE });
        return;
      }
      if (!result) return; // a redirect answered instead (signing in)
      if (!result.ok) {
        // Each error on its field; the first field takes the focus, which brings it into view.
        let first = true;
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (!messages?.[0]) continue;
          form.setError(field as Path<Values>, { message: messages[0] }, { shouldFocus: first });
          first = false;
        }
        setOutcome({ kind: "error", text: result.message, changes: result.changes });
        return;
      }
      const done = options.success?.(result.value) ?? null;
      const toast = typeof options.toast === "function" ? options.toast(result.value) : options.toast === undefined ? (done ?? "Saved.") : options.toast;
      if (toast) notifySaved(toast);
      if (done) setOutcome({ kind: "success", text: done });
      if (options.onSuccess) return options.onSuccess(result.value, values);
      if (!options.keepValues) form.reset(options.defaultValues as DefaultValues<Values>);
      router.refresh();
    });
  });
  /** A field's error message, for FormField's `error`. */
  const err = (name: string) => (form.getFieldState(name as Path<Values>, form.formState).error?.message as string | undefined) ?? undefined;
  return { form, pending, outcome, onSubmit, err };
}
