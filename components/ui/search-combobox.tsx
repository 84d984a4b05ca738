"use client";
import { useCombobox } from "downshift";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Label } from "./label";

/**
 * A text box that searches the server as the editor types and offers what it finds as a listbox
 * (WAI-ARIA combobox, from downshift): arrows move, Enter picks, Escape closes.
 */
export function SearchCombobox<Item>(props: {
  id: string;
  label: string;
  placeholder?: string;
  error?: string;
  search: (q: string) => Promise<Item[]>;
  itemToString: (item: Item | null) => string;
  itemKey: (item: Item) => string;
  renderItem: (item: Item) => ReactNode;
  selected: Item | null;
  onSelect: (item: Item | null) => void;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { search } = props;

  const load = (q: string) => {
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    setLoading(true);
    timer.current = setTimeout(async () => {
      try {
        const found = await search(q);
        // Only the answer to the latest question counts: an older, slower answer is dropped.
        if (ticket === latest.current) setItems(found);
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    }, 200);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const combobox = useCombobox<Item>({
    items,
    inputId: props.id,
    itemToString: props.itemToString,
    itemToKey: (item) => (item ? props.itemKey(item) : null),
    selectedItem: props.selected,
    onSelectedItemChange: ({ selectedItem }) => props.onSelect(selectedItem ?? null),
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      if (props.selected) props.onSelect(null);
      load(inputValue);
    },
    onIsOpenChange: ({ isOpen, inputValue }) => {
      if (isOpen && items.length === 0) load(inputValue ?? "");
    },
  });
  const errorId = `${props.id}-error`;
  const statusText = loading ? "Searching…" : combobox.isOpen ? `${items.length} ${items.length === 1 ? "match" : "matches"}` : "";

  return (
    <div className="relative space-y-1.5">
      <Label {...combobox.getLabelProps()}>{props.label}</Label>
      <input
        {...combobox.getInputProps({
          placeholder: props.placeholder,
          "aria-invalid": Boolean(props.error),
          "aria-describedby": props.error ? errorId : undefined,
          onFocus: () => {
            if (!combobox.isOpen) combobox.openMenu();
          },
        })}
        className="block min-h-10 w-full rounded-md border border-border bg-card px-3 text-base text-foreground placeholder:text-muted-foreground aria-invalid:border-danger"
      />
      <ul
        {...combobox.getMenuProps()}
        className={cn(
          "absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-md border border-border bg-card shadow-lg",
          !(combobox.isOpen && (items.length > 0 || !loading)) && "hidden",
        )}
      >
        {combobox.isOpen && items.length === 0 && !loading ? <li className="px-3 py-2 text-sm text-muted-foreground">Nothing matches.</li> : null}
        {combobox.isOpen
          ? items.map((item, index) => (
              <li
                key={props.itemKey(item)}
                {...combobox.getItemProps({ item, index })}
                className={cn(
                  "cursor-pointer border-b border-border px-3 py-2 text-sm last:border-b-0",
                  combobox.highlightedIndex === index && "bg-muted",
                  combobox.selectedItem && props.itemKey(combobox.selectedItem) === props.itemKey(item) && "font-semibold",
                )}
              >
                {props.renderItem(item)}
              </li>
            ))
          : null}
      </ul>
      <p role="status" className="sr-only">
        {statusText}
      </p>
      {props.error ? (
        <p id={errorId} className="text-sm text-danger">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
