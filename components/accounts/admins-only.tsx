/** What a non-admin sees on an admin page (the data layer refuses them anyway). */
export function AdminsOnly({ title }: { title: string }) {
  return (
    <div className="space-y-2">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{title}</h1>
      <p className="text-muted-foreground">Only admins see this page.</p>
    </div>
  );
}
