import { Link } from "@/components/ui/link";

/** The link to the next keyset page of a list, or nothing on the last page. */
export function NextPage({ href, label }: { href: string | null; label: string }) {
  if (!href) return null;
  return (
    <nav aria-label="Pagination" className="flex justify-end">
      <Link href={href} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
        {label} →
      </Link>
    </nav>
  );
}
