"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/server/mutations";

export type Outcome = { kind: "error" | "success"; text: string };

/**
 * A react-hook-form form bound to a server action, for the small forms of the claim page: the zod
 * schema checks in the browser, the action checks again on the server (useFormAction puts its
 * field errors on their fields and keeps the input), and success shows a message and a toast and refreshes.
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>, T>(options: {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  action: (values: z.input<S>) => Promise<ActionResult<T>>;
  /** The success message, or null for none; the form is reset to its defaults unless keepValues is set. */
  success: (value: T) => string | null;
  keepValues?: boolean;
  /** The toast after success when `success` gives no message; "Saved." by default. */
  toast?: string;
}) {
  type Values = z.input<S> & FieldValues;
  const router = useRouter();
  const [done, setDone] = useState<string>();
  const form = useForm<Values>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<Values>,
    defaultValues: options.defaultValues as DefaultValues<Values>,
  });
  const { pending, problem, submit } = useFormAction(form);
  const onSubmit = form.handleSubmit((values) => {
    setDone(undefined);
    submit(
      () => options.action(values),
      (value) => {
        setDone(options.success(value) ?? undefined);
        if (!options.keepValues) form.reset(options.defaultValues as DefaultValues<Values>);
        router.refresh();
      },
      (value) => options.success(value) ?? options.toast ?? "Saved.",
    );
  });
  const outcome: Outcome | undefined = problem ? { kind: "error", text: problem.message } : done ? { kind: "success", text: done } : undefined;
  return { form, pending, outcome, onSubmit };
}
