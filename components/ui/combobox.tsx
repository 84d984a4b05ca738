"use client";
import { useCombobox } from "downshift";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Label } from "./label";

export interface ComboboxProps<T> {
  /** The input's id; the label, list and hint ids derive from it. */
  id: string;
  label: string;
  /** What the options are called in status messages: "metric" → "3 metrics found". */
  noun: string;
  selected: T | null;
  onSelect: (item: T | null) => void;
  /** Fetches the options for a query; called debounced as the editor types, aborted when superseded. */
  search: (query: string, signal: AbortSignal) => Promise<T[]>;
  itemToString: (item: T) => string;
  itemKey: (item: T) => string;
  renderItem?: (item: T) => ReactNode;
  /** Shown under the input, e.g. the selected metric's unit. */
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  /** Open the list (and search with the current text) as soon as the field takes focus. */
  openOnFocus?: boolean;
  /** A row shown in the open list when nothing matches ("Nothing matches."). */
  empty?: ReactNode;
  /**
   * When nothing matches the typed words, one option that creates a new one from them instead
   * ("Create claim “…”"), picked like any other option (arrows and Enter, or a click).
   */
  create?: { label: (query: string) => string; onCreate: (query: string) => void };
}

/** The create option's place among the items: never equal to a search result. */
const CREATE = { create: true } as const;
type Row<T> = T | typeof CREATE;
const isCreate = <T,>(row: Row<T> | null | undefined): row is typeof CREATE => row === CREATE;

const DEBOUNCE_MS = 200;

/**
 * The one searchable picker: the WAI-ARIA combobox pattern (an input with role="combobox" and a
 * listbox of options), built on downshift's useCombobox: arrows move, Enter picks, Escape closes.
 * Typing searches the server (debounced; a superseded search is aborted, so only the latest answer
 * counts); clearing the text clears the choice.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "done" | "failed">("idle");
  const [query, setQuery] = useState<string | null>(null);
  const searchRef = useRef(props.search);
  searchRef.current = props.search;

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setStatus("loading");
    const timer = setTimeout(() => {
      searchRef.current(query, controller.signal).then(
        (found) => {
          setItems(found);
          setStatus("done");
        },
        () => {
          if (!controller.signal.aborted) setStatus("failed");
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const typed = (query ?? "").trim();
  const offerCreate = Boolean(props.create) && status === "done" && items.length === 0 && typed !== "";
  const rows: Row<T>[] = offerCreate ? [CREATE] : items;
  const toText = (item: Row<T> | null) => (isCreate(item) ? typed : item ? props.itemToString(item) : "");
  const combobox = useCombobox<Row<T>>({
    id: props.id,
    inputId: props.id,
    labelId: `${props.id}-label`,
    menuId: `${props.id}-listbox`,
    items: rows,
    selectedItem: props.selected,
    itemToString: toText,
    itemToKey: (item) => (isCreate(item) ? "create" : item ? props.itemKey(item) : null),
    onSelectedItemChange: ({ selectedItem }) => {
      if (isCreate(selectedItem)) props.create?.onCreate(typed);
      else props.onSelect(selectedItem ?? null);
    },
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      setQuery(inputValue);
      if (inputValue.trim() === "" && props.selected) props.onSelect(null);
    },
    onIsOpenChange: ({ isOpen }) => {
      if (isOpen && query === null) setQuery("");
    },
    stateReducer: (state, { type, changes }) => {
      // Leaving the field without picking shows the current choice again rather than stray text.
      if (type === useCombobox.stateChangeTypes.InputBlur && (changes.selectedItem === state.selectedItem || changes.selectedItem === CREATE)) {
        return { ...changes, inputValue: toText(state.selectedItem) };
      }
      return changes;
    },
  });

  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  const message =
    status === "loading"
      ? "Searching…"
      : status === "failed"
        ? "The search did not answer. Try again."
        : status === "done" && combobox.isOpen
          ? items.length === 0
            ? `No ${props.noun} matches “${query ?? ""}”.${offerCreate ? ` You can create one.` : ""}`
            : `${items.length} ${props.noun} ${items.length === 1 ? "match" : "matches"}.`
          : "";
  const showEmpty = combobox.isOpen && status === "done" && items.length === 0 && !offerCreate && props.empty;

  return (
    <div className="space-y-1.5">
      <Label {...combobox.getLabelProps()}>{props.label}</Label>
      <div className="relative">
        <input
          {...combobox.getInputProps({
            placeholder: props.placeholder,
            "aria-invalid": Boolean(props.error),
            "aria-describedby": describedBy,
            onFocus: () => {
              if (props.openOnFocus && !combobox.isOpen) combobox.openMenu();
            },
          })}
          className="block min-h-10 w-full rounded-md border border-border bg-card px-3 pr-10 text-base text-foreground placeholder:text-muted-foreground aria-invalid:border-danger"
        />
        {props.selected ? (
          <button
            type="button"
            aria-label={`Clear ${props.label.toLowerCase()}`}
            className="absolute inset-y-0 right-0 flex w-10 items-center justify-center rounded-md text-muted-foreground hover:text-foreground"
            onClick={() => {
              combobox.selectItem(null);
              combobox.setInputValue("");
              document.getElementById(props.id)?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
        <ul
          {...combobox.getMenuProps()}
          className={cn(
            "absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-md border border-border bg-card py-1 shadow-lg",
            !(combobox.isOpen && (rows.length || showEmpty)) && "hidden",
          )}
        >
          {showEmpty ? <li className="px-3 py-2 text-sm text-muted-foreground">{props.empty}</li> : null}
          {combobox.isOpen && offerCreate ? (
            <li {...combobox.getItemProps({ item: CREATE, index: 0 })} className={cn("cursor-pointer px-3 py-2 text-sm font-medium text-primary", combobox.highlightedIndex === 0 && "bg-muted")}>
              {props.create!.label(typed)}
            </li>
          ) : null}
          {combobox.isOpen && !offerCreate
            ? items.map((item, index) => (
                <li
                  key={props.itemKey(item)}
                  {...combobox.getItemProps({ item, index })}
                  className={cn(
                    "cursor-pointer px-3 py-2 text-sm",
                    combobox.highlightedIndex === index && "bg-muted",
                    props.selected && props.itemKey(props.selected) === props.itemKey(item) && "font-semibold",
                  )}
                >
                  {props.renderItem ? props.renderItem(item) : props.itemToString(item)}
                </li>
              ))
            : null}
        </ul>
      </div>
      <p role="status" className={cn("text-sm text-muted-foreground", !message && "sr-only")}>
        {message}
      </p>
      {props.hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="text-sm text-danger">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A `search` for Combobox that asks one of our JSON routes: GET path?q=…&limit=… → { items }. */
export function searchRoute<T>(path: string, params: Record<string, string | undefined> = {}) {
  return async (query: string, signal: AbortSignal): Promise<T[]> => {
    const url = new URL(path, window.location.origin);
    url.searchParams.set("q", query);
    url.searchParams.set("limit", "10");
    for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
    const response = await fetch(url, { signal, headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`Search failed: ${response.status}`);
    return ((await response.json()) as { items: T[] }).items;
  };
}
