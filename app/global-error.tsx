"use client";
import "./globals.css";
import { ErrorView } from "@/components/error-view";
import { Button } from "@/components/ui/button";

/** When even the root layout fails: the same page as error.tsx, with its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <main id="main">
          <ErrorView
            code="500"
            title="Factdesk could not load"
            actions={
              <>
                <Button type="button" onClick={reset}>
                  Try again
                </Button>
                <a href="/" className="inline-flex min-h-10 items-center rounded-md border border-border bg-card px-4 text-sm font-medium hover:bg-muted">
                  Reload the dashboard
                </a>
              </>
            }
          >
            <p>Nothing you saved before this was lost. If it keeps happening, tell the desk’s admin{error.digest ? ` and quote the code ${error.digest}` : ""}.</p>
          </ErrorView>
        </main>
      </body>
    </html>
  );
}
