import type { Metadata } from "next";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/admin/api-token-forms";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/permissions";
import { listApiTokens } from "@/lib/server/api-tokens";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/values";

export const metadata: Metadata = { title: "API tokens" };

const when = (d: Date | null) => (d ? `${formatDate(d)} ${d.toISOString().slice(11, 16)} UTC` : "Never");

/** Admins make, name and revoke the bearer tokens of the read-only API (/api/v1). */
export default async function ApiTokensPage() {
  const user = await requireUser();
  if (!can(user.role, "api-tokens:manage")) {
    return (
      <div className="space-y-2">
        <h1 className="font-serif text-3xl font-bold tracking-tight">API tokens</h1>
        <p className="text-sm">Only admins make and revoke API tokens.</p>
      </div>
    );
  }
  const tokens = await listApiTokens(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">API tokens</h1>
        <p className="mt-1 max-w-prose text-sm text-muted-foreground">
          Machine clients read published fact sheets, their versions and verified claims from <code>/api/v1</code> with a bearer token. The API&apos;s description is at{" "}
          <a href="/api/v1/openapi.json" className="underline">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </div>
      <Card aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="mb-3 font-semibold">
          New token
        </h2>
        <CreateApiTokenForm />
      </Card>
      {tokens.length ? (
        <Table caption="API tokens with who made them, when they were last used and whether they are revoked">
          <TableHead>
            <TableHeader>Name</TableHeader>
            <TableHeader>Made</TableHeader>
            <TableHeader>Last used</TableHeader>
            <TableHeader>State</TableHeader>
          </TableHead>
          <TableBody>
            {tokens.map((t) => (
              <TableRow key={t.id}>
                <TableCell className="w-full md:w-auto">
                  <span className="font-medium">{t.name}</span>{" "}
                  <code className="text-xs text-muted-foreground">{t.prefix}…</code>
                </TableCell>
                <TableCell muted label="Made">
                  {when(t.createdAt)} by {t.createdBy.name}
                </TableCell>
                <TableCell muted label="Last used">
                  {when(t.lastUsedAt)}
                </TableCell>
                <TableCell label="State">{t.revokedAt ? <span>Revoked {when(t.revokedAt)}</span> : <RevokeApiTokenButton tokenId={t.id} name={t.name} />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">No token yet.</p>
      )}
    </div>
  );
}
