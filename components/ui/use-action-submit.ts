"use client";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/server/mutations";
import { useFormAction } from "./use-form-action";

/**
 * Submits a react-hook-form form to a server action: the form's schema checks first, the action's
 * field errors land on their fields, and a refusal or an outage leaves the editor's input in place.
 */
export function useActionSubmit<V extends FieldValues, R>(
  form: UseFormReturn<V>,
  action: (values: V) => Promise<ActionResult<R>>,
  onSuccess: (value: R) => void,
  saved?: string | ((value: R) => string | null),
) {
  const { pending, problem, submit } = useFormAction(form);
  const onSubmit = form.handleSubmit((values) => submit(() => action(values), onSuccess, saved));
  return { onSubmit, pending, problem: problem?.message };
}
