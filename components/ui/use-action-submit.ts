"use client";
import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/server/mutations";

/**
 * Submits a react-hook-form form to a server action: the form's schema checks first, the action's
 * field errors land on their fields, and a refusal or an outage leaves the editor's input in place.
 */
export function useActionSubmit<V extends FieldValues, R>(form: UseFormReturn<V>, action: (values: V) => Promise<ActionResult<R>>, onSuccess: (value: R) => void) {
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const onSubmit = form.handleSubmit((values) => {
    setProblem(undefined);
    startTransition(async () => {
      try {
        const result = await action(values);
        if (result.ok) return onSuccess(result.value);
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages?.[0]) form.setError(field as Path<V>, { message: messages[0] });
        }
        setProblem(result.message);
      } catch {
        setProblem("The server did not save this. Your input is still here: try again in a moment.");
      }
    });
  });
  return { onSubmit, pending, problem };
}
