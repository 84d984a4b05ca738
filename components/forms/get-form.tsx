"use client";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A GET form whose URL stays readable: empty fields and defaults are left out of the query
 * (`/claims?q=x`, not `/claims?q=x&status=&kind=`). Without JavaScript it still submits normally.
 */
export function GetForm({ action, defaults = {}, ...props }: Omit<ComponentProps<"form">, "action" | "method"> & { action: string; defaults?: Record<string, string> }) {
  const router = useRouter();
  return (
    <form
      {...props}
      method="get"
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) {
          if (typeof value === "string" && value.trim() !== "" && defaults[key] !== value) params.set(key, value.trim());
        }
        const query = params.toString();
        router.push(query ? `${action}?${query}` : action);
      }}
    />
  );
}
