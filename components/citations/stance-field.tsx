"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { STANCE_LABELS } from "@/lib/labels";
import { STANCES } from "@/lib/schemas/citation";

/** How a citation bears on its claim ("Supports the claim"), the same wherever a citation is written. */
export function StanceField(props: { id: string; label: string; error?: string; field: UseFormRegisterReturn }) {
  return (
    <FormField id={props.id} label={props.label} error={props.error}>
      {(a11y) => (
        <Select {...a11y} {...props.field}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABELS[s]} the claim
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
