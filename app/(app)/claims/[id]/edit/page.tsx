import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimForm, type ClaimFormValues } from "@/components/claims/claim-form";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { getClaim, type ClaimDetail } from "@/lib/server/claims";
import { requireUser } from "@/lib/server/session";
import { dateToDay } from "@/lib/values";

export const metadata: Metadata = { title: "Edit claim" };

const text = (v: { toString(): string } | null) => (v === null ? "" : v.toString());

function formValues(c: ClaimDetail): ClaimFormValues {
  return {
    id: c.id,
    version: c.version,
    statement: c.statement,
    kind: c.kind,
    metricId: c.metricId ?? "",
    valueLow: text(c.valueLow),
    valueHigh: text(c.valueHigh),
    valueBest: text(c.valueBest),
    unit: c.unit ?? "",
    ratePeriod: c.ratePeriod ?? "",
    asOf: (dateToDay(c.asOf) ?? ""),
    asOfPrecision: c.asOfPrecision ?? "",
    periodStart: (dateToDay(c.periodStart) ?? ""),
    periodEnd: (dateToDay(c.periodEnd) ?? ""),
    periodText: c.periodText ?? "",
    eventId: c.eventId ?? "",
    eventDate: (dateToDay(c.eventDate) ?? ""),
    eventDatePrecision: c.eventDatePrecision ?? "",
    speakerName: c.speaker?.name ?? "",
    tags: c.tags.map((t) => t.tag.name).join(", "),
  };
}

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const claim = isUuid(id) ? await getClaim(user, id) : null;
  if (!claim) notFound();
  if (!can(user.role, "claims:write")) {
    return <p className="text-muted-foreground">Reviewers read and comment on claims; editors change them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">Edit claim</h1>
      <ClaimForm mode="edit" initial={formValues(claim)} metric={claim.metric} event={claim.event} />
    </div>
  );
}
