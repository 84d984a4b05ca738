import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

/** The 404 and 500 pages' shared look: a big code, what happened in words, and the way on. */
export function ErrorView(props: { code: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-4 py-12 text-center">
      <p className="font-serif text-6xl font-bold text-muted-foreground" aria-hidden="true">
        {props.code}
      </p>
      <h1 className="font-serif text-2xl font-bold">{props.title}</h1>
      <div className="text-muted-foreground">{props.children}</div>
      <div className="flex flex-wrap justify-center gap-3">{props.actions}</div>
    </div>
  );
}

export const errorLinkClass = "inline-flex min-h-10 items-center rounded-md px-4 text-sm font-medium";

export function HomeLinks() {
  return (
    <>
      <Link href="/" className={`${errorLinkClass} bg-primary text-primary-foreground hover:opacity-90`}>
        Go to the dashboard
      </Link>
      <Link href="/claims" className={`${errorLinkClass} border border-border bg-card hover:bg-muted`}>
        Search the claims
      </Link>
    </>
  );
}

/** The 500 page's content, for the root, the app and the global error boundaries alike. */
export function ServerErrorView({ error, reset, title = "Something went wrong on our side" }: { error: Error & { digest?: string }; reset: () => void; title?: string }) {
  return (
    <ErrorView
      code="500"
      title={title}
      actions={
        <>
          <button type="button" onClick={reset} className={`${errorLinkClass} bg-primary text-primary-foreground hover:opacity-90`}>
            Try again
          </button>
          <HomeLinks />
        </>
      }
    >
      <p>
        Nothing you saved before this was lost. Try again; if it keeps happening, tell the desk’s admin
        {error.digest ? (
          <>
            {" "}and quote the code <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
    </ErrorView>
  );
}
