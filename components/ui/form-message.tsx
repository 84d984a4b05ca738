import { cn } from "@/lib/cn";

/** The form-level outcome: an alert for a refusal, a polite status for success. */
export function FormMessage({ kind, children, id }: { kind: "error" | "success"; children: string; id?: string }) {
  return (
    <p
      id={id}
      role={kind === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        kind === "error" ? "border-danger bg-danger-muted text-danger" : "border-[var(--status-verified)] bg-[var(--status-verified-bg)] text-[var(--status-verified)]",
      )}
    >
      {children}
    </p>
  );
}
