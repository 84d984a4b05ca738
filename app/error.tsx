"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="font-serif text-5xl font-bold">500</p>
      <h1 className="text-xl font-semibold">Something went wrong on our side</h1>
      <p className="text-muted-foreground">Nothing you entered was lost by this page. Try again; if it keeps happening, tell the desk’s admin.</p>
      <button type="button" onClick={reset} className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
        Try again
      </button>
    </main>
  );
}
