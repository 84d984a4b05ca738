import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { MergeMetricForm } from "@/components/metrics/merge-metric-form";
import { MetricForm } from "@/components/metrics/metric-form";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { findMetric } from "@/lib/server/metrics";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Edit metric" };

export default async function EditMetricPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const metric = isUuid(id) ? await findMetric(user, id) : null;
  if (!metric) notFound();
  const back = (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={`/metrics/${metric.id}`} className="text-muted-foreground hover:text-foreground">
        ← {metric.name}
      </Link>
    </nav>
  );
  if (!can(user.role, "metrics:write")) {
    return (
      <div className="space-y-4">
        {back}
        <p className="text-muted-foreground">Reviewers read metrics; editors rename and merge them.</p>
      </div>
    );
  }
  if (metric.mergedInto) {
    return (
      <div className="space-y-4">
        {back}
        <p>
          This metric was merged into{" "}
          <Link href={`/metrics/${metric.mergedInto.id}`} className="font-medium underline">
            {metric.mergedInto.name}
          </Link>
          : edit that one instead.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl space-y-6">
      {back}
      <h1 className="font-serif text-3xl font-bold tracking-tight">Edit metric</h1>
      <Card aria-labelledby="rename-heading" className="space-y-4">
        <h2 id="rename-heading" className="text-lg font-semibold">
          Name and comparison rules
        </h2>
        <MetricForm
          mode="edit"
          initial={{
            id: metric.id, version: metric.version, name: metric.name, unit: metric.unit, description: metric.description ?? "",
            figureKind: metric.figureKind, tolerancePercent: metric.tolerancePercent?.toString() ?? "", allowsSigned: metric.allowsSigned,
          }}
        />
      </Card>
      <Card aria-labelledby="merge-heading" className="space-y-4">
        <div>
          <h2 id="merge-heading" className="text-lg font-semibold">
            Merge into another metric
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            When two metrics measure the same thing with the same scope, merge one into the other so their figures can be compared.
          </p>
        </div>
        <MergeMetricForm metric={{ id: metric.id, name: metric.name, version: metric.version }} claimCount={metric.claimCount} />
      </Card>
    </div>
  );
}
