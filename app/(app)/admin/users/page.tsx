import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AccountControls } from "@/components/accounts/account-controls";
import { InviteForm } from "@/components/accounts/invite-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { AdminsOnly } from "@/components/accounts/admins-only";
import { NextPage } from "@/components/ui/next-page";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "users:manage")) return <AdminsOnly title="Accounts" />;
  const { after } = await searchParams;
  const page = await listUsers(user, { limit: 50, after: typeof after === "string" ? after.slice(0, 254) : undefined });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-3xl font-bold tracking-tight">Accounts</h1>
          <p className="mt-1 text-sm text-muted-foreground">Invite people, change roles, disable accounts and make password-reset links. Every change is audited.</p>
        </div>
        <Link href="/admin/security" className="text-sm underline">
          Sign-in and refusal record
        </Link>
      </div>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Invite someone</h2>
        <InviteForm />
      </Card>
      <Table caption="Accounts by email, with their role, state and controls">
        <TableHead>
          <TableHeader>Person</TableHeader>
          <TableHeader>Role</TableHeader>
          <TableHeader>Controls</TableHeader>
        </TableHead>
        <TableBody>
          {page.items.map((u) => (
            <TableRow key={u.id}>
              <TableCell>
                <p className="font-medium">{u.name}</p>
                <p className="break-all text-muted-foreground">{u.email}</p>
              </TableCell>
              <TableCell label="Role">
                {ROLE_LABELS[u.role]} {u.disabledAt ? <Badge tone="danger">Disabled</Badge> : null}
              </TableCell>
              <TableCell>
                <AccountControls user={{ id: u.id, name: u.name, role: u.role, disabled: Boolean(u.disabledAt), version: u.version }} self={u.id === user.id} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <NextPage href={page.nextCursor ? `/admin/users?after=${encodeURIComponent(page.nextCursor)}` : null} label="More accounts" />
    </div>
  );
}
