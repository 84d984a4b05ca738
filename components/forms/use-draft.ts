"use client";
import { useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

const LEAVE = "This form has changes that are not saved. Leave anyway?";

/**
 * A form's unsaved input kept in this browser (localStorage, under `key`) so a reload or a crash
 * loses nothing, and a prompt before leaving the page with changes. `omit` lists fields not worth
 * keeping (ids picked from a list, whose labels the draft would not have). Call `clear()` after saving.
 */
export function useDraft<T extends FieldValues>(form: UseFormReturn<T>, key: string, omit: readonly string[] = []) {
  const [restored, setRestored] = useState(false);
  const saving = useRef(true);
  const storageKey = `factdesk:draft:${key}`;

  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey);
    if (saved) {
      try {
        form.reset({ ...form.getValues(), ...(JSON.parse(saved) as Partial<T>) }, { keepDefaultValues: true });
        setRestored(true);
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
    // `subscribe`, not `watch`: its isDirty is the form's state at this change, where `form.formState`
    // is the last render's, which would miss the first change (a paste, or one whole field filled).
    return form.subscribe({
      formState: { values: true, isDirty: true },
      callback: ({ values, isDirty }) => {
        if (!saving.current || !isDirty) return;
        const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k)));
        window.localStorage.setItem(storageKey, JSON.stringify(kept));
      },
    });
    // The key names the form: a new key is a new form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  const dirty = form.formState.isDirty || restored;
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!saving.current) return;
      e.preventDefault();
    };
    // In-app links do not unload the page: ask before following one.
    const onClick = (e: MouseEvent) => {
      const link = (e.target as HTMLElement | null)?.closest?.("a[href]");
      if (!saving.current || !link || link.getAttribute("target") === "_blank" || (link.getAttribute("href") ?? "").startsWith("#")) return;
      if (!window.confirm(LEAVE)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  return {
    restored,
    /** After a save, or when the editor throws the draft away: nothing is kept and leaving asks nothing. */
    clear: () => {
      saving.current = false;
      window.localStorage.removeItem(storageKey);
      setRestored(false);
    },
    discard: () => {
      window.localStorage.removeItem(storageKey);
      setRestored(false);
      form.reset();
    },
  };
}
