"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useController, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { formatDateInput, lastDayOf, parseDateInput } from "@/lib/date-input";
import { PRECISION_LABELS } from "@/lib/labels";
import type { DatePrecision } from "@/lib/values";
import { useDateOrder } from "./date-order";
import { Input } from "./input";
import { Label } from "./label";

/**
 * The one date input: a single text box (one Tab stop) that reads "4 March 2025", "March 2025",
 * "2025" or "4/3/2025" in the newsroom's order, and sets the form's ISO day and its precision.
 * `end` stores the last day of a month or year typed ("July 2022" as 2022-07-31), for period ends.
 */
export function DateField<T extends FieldValues>(props: {
  form: UseFormReturn<T>;
  name: Path<T>;
  /** The form field the precision goes to; without one the date is stored as a day. */
  precisionName?: Path<T>;
  label: string;
  id?: string;
  end?: boolean;
  placeholder?: string;
}) {
  const order = useDateOrder();
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  const { form, precisionName } = props;
  const date = useController({ control: form.control, name: props.name });
  const stored = String(date.field.value ?? "");
  const storedPrecision = (precisionName ? form.watch(precisionName) : "DAY") as DatePrecision | "" | undefined;
  const [text, setText] = useState(() => formatDateInput(stored, storedPrecision || "DAY"));
  const [problem, setProblem] = useState<string>();
  const [showProblem, setShowProblem] = useState(false);
  // The value this field last wrote: anything else arriving (a reset, a restored draft) is shown anew.
  const written = useRef(stored);
  useEffect(() => {
    if (stored === written.current) return;
    written.current = stored;
    setText(/^\d{4}-\d{2}-\d{2}$/.test(stored) ? formatDateInput(stored, storedPrecision || "DAY") : stored);
    setProblem(undefined);
  }, [stored, storedPrecision]);

  const change = (value: string) => {
    setText(value);
    const reading = value.trim() ? parseDateInput(value, order) : null;
    let next = "";
    if (reading?.ok) next = props.end ? lastDayOf(reading.date) : reading.date.iso;
    // Unreadable text stays in the form so the schema refuses it rather than saving nothing.
    else if (reading) next = value;
    written.current = next;
    date.field.onChange(next);
    if (precisionName) form.setValue(precisionName, (reading?.ok ? reading.date.precision : "") as PathValue<T, Path<T>>, { shouldDirty: true });
    setProblem(reading && !reading.ok ? reading.message : undefined);
    if (!reading || reading.ok) setShowProblem(false);
  };

  const reading = text.trim() ? parseDateInput(text, order) : null;
  const precisionError = precisionName ? form.getFieldState(precisionName, form.formState).error?.message : undefined;
  const error = (showProblem || form.formState.isSubmitted ? problem : undefined) ?? date.fieldState.error?.message ?? precisionError;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{props.label}</Label>
      <Input
        id={id}
        name={props.name}
        ref={date.field.ref}
        value={text}
        autoComplete="off"
        placeholder={props.placeholder ?? "e.g. 4 March 2025"}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : hintId}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setShowProblem(true);
          date.field.onBlur();
        }}
      />
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id={hintId} className="text-xs text-muted-foreground">
          {reading?.ok ? `Read as ${formatDateInput(props.end ? lastDayOf(reading.date) : reading.date.iso, reading.date.precision)}, known to the ${PRECISION_LABELS[reading.date.precision].toLowerCase()}.` : `Day, month or year; numbers as ${order === "MDY" ? "month/day/year" : order === "YMD" ? "year/month/day" : "day/month/year"}.`}
        </p>
      )}
    </div>
  );
}
