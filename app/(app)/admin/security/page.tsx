import type { Metadata } from "next";
import { AdminsOnly } from "@/components/accounts/admins-only";
import { NextPage } from "@/components/ui/next-page";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listSecurityEvents } from "@/lib/server/accounts";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign-in record" };

const KIND_LABELS = {
  SIGN_IN: "Signed in",
  SIGN_IN_FAILED: "Sign-in failed",
  SIGN_IN_THROTTLED: "Sign-in throttled",
  SIGN_OUT: "Signed out",
  FORBIDDEN: "Refused by role",
} as const;

export default async function SecurityRecordPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "audit:read")) return <AdminsOnly title="Sign-in record" />;
  const { before } = await searchParams;
  const cursor = typeof before === "string" && /^\d{1,18}$/.test(before) ? BigInt(before) : undefined;
  const page = await listSecurityEvents(user, { limit: 100, before: cursor });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">Sign-in record</h1>
        <p className="mt-1 text-sm text-muted-foreground">Every sign-in, failed or throttled try, sign-out and refusal by role, newest first. Nobody can edit it.</p>
      </div>
      <Table caption="Sign-ins, failures and refusals, newest first">
        <TableHead>
          <TableHeader>When</TableHeader>
          <TableHeader>What</TableHeader>
          <TableHeader>Who</TableHeader>
          <TableHeader>Address</TableHeader>
          <TableHeader>Detail</TableHeader>
        </TableHead>
        <TableBody>
          {page.items.map((e) => (
            <TableRow key={String(e.id)}>
              <TableCell>
                <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </TableCell>
              <TableCell label="What">{KIND_LABELS[e.kind]}</TableCell>
              <TableCell label="Who">
                <span className="break-all">{e.user?.name ?? e.email}</span>
              </TableCell>
              <TableCell label="Address" muted>
                {e.address}
              </TableCell>
              <TableCell label="Detail" muted>
                {e.detail}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <NextPage href={page.nextCursor ? `/admin/security?before=${page.nextCursor}` : null} label="Older" />
    </div>
  );
}
