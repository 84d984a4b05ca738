"use client";
import { Toaster as Sonner, toast } from "sonner";

/** The one place toasts appear (mounted once in the app layout); a polite live region for screen readers. */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      theme="system"
      closeButton
      duration={5000}
      toastOptions={{
        classNames: {
          toast: "!border-border !bg-card !text-foreground !shadow-lg",
          description: "!text-muted-foreground",
          closeButton: "!border-border !bg-card !text-foreground",
        },
      }}
    />
  );
}

/** Tells the editor that what they did was saved. */
export const notifySaved = (message: string) => toast.success(message);
