"use client";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A one-time link shown once to the admin, who passes it on (there is no mail). */
export function LinkToPassOn({ id, path, expiresAt, label }: { id: string; path: string; expiresAt: string; label: string }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <div className="space-y-1.5 rounded-md border border-border bg-muted p-3">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} readOnly value={`${origin}${path}`} onFocus={(e) => e.currentTarget.select()} className="font-mono text-sm" />
      <p className="text-sm text-muted-foreground">
        Works once, until {new Date(expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}. It is not shown again.
      </p>
    </div>
  );
}
