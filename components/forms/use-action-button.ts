"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { notifySaved } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import { OUTAGE } from "./use-action-form";

/**
 * The one way a single button (resolve, delete, approve) runs a server action: `run(values)` calls
 * it; a refusal or an outage becomes `problem` (never the error page); success shows the `toast`
 * (null for none), then calls `onSuccess` or refreshes the page; `onProblem` hears a refusal or outage.
 */
export function useActionButton<V, T>(
  action: (values: V) => Promise<ActionResult<T>>,
  options: { toast?: string | null | ((value: T) => string | null); onSuccess?: (value: T) => void; onProblem?: (message: string) => void } = {},
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string>();
  const run = (values: V) => {
    setProblem(undefined);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(values);
      } catch {
        setProblem(OUTAGE);
        options.onProblem?.(OUTAGE);
        return;
      }
      if (!result) return; // a redirect answered instead
      if (!result.ok) {
        setProblem(result.message);
        options.onProblem?.(result.message);
        return;
      }
      const toast = typeof options.toast === "function" ? options.toast(result.value) : options.toast === undefined ? "Saved." : options.toast;
      if (toast) notifySaved(toast);
      if (options.onSuccess) options.onSuccess(result.value);
      else router.refresh();
    });
  };
  return { run, pending, problem };
}
