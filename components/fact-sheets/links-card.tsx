"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createLinkAction, revokeLinkAction } from "@/app/(app)/fact-sheets/actions";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { notifySaved } from "@/components/ui/toast";
import { formatDate } from "@/lib/values";

export interface LiveLink {
  id: string;
  number: number | null;
  createdAt: string;
  createdBy: string;
}

/**
 * Public links: one for the sheet's latest version, and one per version. A new link replaces the
 * live one for the same target. The address is shown once, when made: only its hash is kept.
 */
export function LinksCard(props: { sheetId: string; links: LiveLink[]; versions: number[]; canManage: boolean }) {
  const router = useRouter();
  const [made, setMade] = useState<{ url: string; number: number | null }>();
  const [version, setVersion] = useState(String(props.versions[0] ?? ""));
  // Which link is being made; a ref, as the success callback runs after this render.
  const target = useRef<number | null>(null);
  const creating = useActionButton(createLinkAction, {
    toast: null,
    onSuccess: ({ token }) => {
      setMade({ url: `${window.location.origin}/p/${token}`, number: target.current });
      router.refresh();
    },
  });
  const revoking = useActionButton(revokeLinkAction, { toast: "Link revoked: it now answers “not found”." });
  const pending = creating.pending || revoking.pending;
  const problem = creating.problem ?? revoking.problem;
  const make = (number: number | null) => {
    target.current = number;
    creating.run({ sheetId: props.sheetId, number: number ?? undefined });
  };
  const revoke = (link: LiveLink) => {
    if (made && made.number === link.number) setMade(undefined);
    revoking.run({ linkId: link.id });
  };
  const latest = props.links.find((l) => l.number === null);
  const perVersion = props.links.filter((l) => l.number !== null);
  const what = (n: number | null) => (n === null ? "the latest version" : `version ${n}`);

  return (
    <div className="space-y-4 text-sm">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      {made ? (
        <div className="space-y-2 rounded-md border border-[var(--status-verified)] bg-[var(--status-verified-bg)] p-3" role="status">
          <p className="font-medium">Public link to {what(made.number)}: copy it now, it cannot be shown again.</p>
          <label htmlFor="public-link" className="sr-only">
            Public link address
          </label>
          <input id="public-link" readOnly value={made.url} className="block w-full rounded-md border border-border bg-card px-2 py-1 font-mono text-xs" onFocus={(e) => e.target.select()} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" className="min-h-9" onClick={() => navigator.clipboard?.writeText(made.url).then(() => notifySaved("Link copied."))}>
              Copy link
            </Button>
            <a href={made.url} target="_blank" rel="noreferrer" className="inline-flex min-h-9 items-center underline">
              Open the public page
            </a>
          </div>
        </div>
      ) : null}
      <ul className="space-y-2" aria-label="Live public links">
        {latest ? (
          <LinkRow link={latest} label="Latest version" canManage={props.canManage} pending={pending} onRevoke={revoke} />
        ) : (
          <li className="text-muted-foreground">No live link to the latest version.</li>
        )}
        {perVersion.map((l) => (
          <LinkRow key={l.id} link={l} label={`Version ${l.number}`} canManage={props.canManage} pending={pending} onRevoke={revoke} />
        ))}
      </ul>
      {props.canManage ? (
        <div className="flex flex-wrap items-end gap-3">
          <Button type="button" variant="secondary" disabled={pending} onClick={() => make(null)}>
            {latest ? "Replace the latest-version link" : "Make a public link"}
          </Button>
          {props.versions.length ? (
            <div className="flex flex-wrap items-end gap-2">
              <div className="space-y-1">
                <label htmlFor="link-version" className="block text-xs font-medium text-muted-foreground">
                  Version
                </label>
                <select id="link-version" value={version} onChange={(e) => setVersion(e.target.value)} className="min-h-10 rounded-md border border-border bg-card px-2">
                  {props.versions.map((n) => (
                    <option key={n} value={n}>
                      Version {n}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="button" variant="secondary" disabled={pending} onClick={() => make(Number(version))}>
                Make a link to this version
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function LinkRow(props: { link: LiveLink; label: string; canManage: boolean; pending: boolean; onRevoke: (l: LiveLink) => void }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-3 py-2" data-testid="live-link">
      <span>
        <span className="font-medium">{props.label}</span>
        <span className="text-muted-foreground">
          {"\u00a0"}
          · made {formatDate(props.link.createdAt.slice(0, 10))} by {props.link.createdBy}
        </span>
      </span>
      {props.canManage ? (
        <Button type="button" variant="ghost" className="min-h-9 px-3" disabled={props.pending} onClick={() => props.onRevoke(props.link)} aria-label={`Revoke the link to ${props.label.toLowerCase()}`}>
          Revoke
        </Button>
      ) : null}
    </li>
  );
}
