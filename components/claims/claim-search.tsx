"use client";
import { searchClaimsAction } from "@/app/(app)/citations/actions";
import { Combobox } from "@/components/ui/combobox";
import type { ClaimStatus } from "@/lib/labels";
import { StatusBadge } from "./status-badge";

export type ClaimChoice = { id: string; statement: string; status: ClaimStatus; version: number };

/** Finds a claim by the words of its statement, as the editor types; each choice shows its status. */
export function ClaimSearch(props: {
  id: string;
  label: string;
  error?: string;
  selected: ClaimChoice | null;
  onSelect: (claim: ClaimChoice | null) => void;
  /** Claims not to offer (the claim itself, those already chosen). */
  exclude?: readonly string[];
  /** A fact sheet whose claims are not offered (left out by the search itself, however many). */
  notOnSheet?: string;
  /** When nothing matches: "Create claim “…”" hands the typed words over to make a new claim of them. */
  onCreate?: (statement: string) => void;
}) {
  const search = async (q: string) => (await searchClaimsAction(q, props.notOnSheet)).filter((c) => !props.exclude?.includes(c.id));
  return (
    <Combobox<ClaimChoice>
      id={props.id}
      label={props.label}
      noun="claim"
      openOnFocus
      empty="Nothing matches."
      create={props.onCreate ? { label: (q) => `Create claim “${q}”`, onCreate: props.onCreate } : undefined}
      placeholder="Search claims by their words"
      error={props.error}
      search={search}
      itemToString={(c) => c.statement}
      itemKey={(c) => c.id}
      renderItem={(c) => (
        <span className="flex flex-wrap items-center gap-2">
          <span>{c.statement}</span>
          <StatusBadge status={c.status} />
        </span>
      )}
      selected={props.selected}
      onSelect={props.onSelect}
    />
  );
}
