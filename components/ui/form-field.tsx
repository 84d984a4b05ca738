"use client";
import type { ReactNode } from "react";
import { Label } from "./label";

/** A label, its control and its error, wired together for screen readers. */
export function FormField(props: { id: string; label: string; error?: string; children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode }) {
  const errorId = `${props.id}-error`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children({ id: props.id, "aria-invalid": Boolean(props.error), "aria-describedby": props.error ? errorId : undefined })}
      {props.error ? (
        <p id={errorId} className="text-sm text-danger">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
