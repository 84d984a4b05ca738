import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-serif text-5xl font-bold">404</p>
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="text-muted-foreground">The page or claim you asked for does not exist, or was moved.</p>
      <Link href="/" className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
        Back to the claims
      </Link>
    </main>
  );
}
