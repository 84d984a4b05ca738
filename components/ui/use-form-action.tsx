"use client";
import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult, StaleChange } from "@/lib/server/mutations";
import { FormMessage } from "./form-message";
import { StaleChanges } from "./stale-changes";
import { notifySaved } from "./toast";

export type FormProblem = { message: string; changes?: StaleChange[] };

/**
 * Runs a server action for a react-hook-form form: a refusal puts each field error on its field
 * and keeps the editor's input; an outage says so instead of losing the form. Success shows a toast
 * (`saved`, "Saved." unless told otherwise, or null for none when the page already says it).
 */
export function useFormAction<V extends FieldValues>(form: UseFormReturn<V>) {
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<FormProblem>();
  const submit = <T,>(run: () => Promise<ActionResult<T>>, onOk: (value: T) => void, saved: string | null | ((value: T) => string | null) = "Saved.") => {
    setProblem(undefined);
    startTransition(async () => {
      try {
        const result = await run();
        if (result.ok) {
          onOk(result.value);
          const message = typeof saved === "function" ? saved(result.value) : saved;
          if (message) notifySaved(message);
          return;
        }
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (messages?.[0]) form.setError(field as Path<V>, { message: messages[0] });
        }
        setProblem({ message: result.message, changes: result.changes });
      } catch {
        setProblem({ message: "The server did not save this. Your input is still here: try again in a moment." });
      }
    });
  };
  return { pending, problem, submit };
}

/** The refusal above a form, with what someone else changed when the edit was stale. */
export function FormProblemMessage({ problem }: { problem?: FormProblem }) {
  if (!problem) return null;
  return (
    <div className="space-y-2">
      <FormMessage kind="error">{problem.message}</FormMessage>
      {problem.changes ? <StaleChanges changes={problem.changes} /> : null}
    </div>
  );
}
