import type { Metadata } from "next";
import { ErrorView, HomeLinks } from "@/components/error-view";
import { AppHeader } from "@/components/layout/app-header";
import { currentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Not found" };

/** An address nothing answers: with the app's header when signed in, so the way on is where it always is. */
export default async function NotFound() {
  const user = await currentUser();
  return (
    <>
      {user ? <AppHeader user={user} /> : null}
      <main id="main">
        <ErrorView code="404" title="Nothing here" actions={<HomeLinks />}>
          <p>The page or claim you asked for does not exist, or was moved. If you followed a link from a colleague, ask them for the claim’s new address.</p>
        </ErrorView>
      </main>
    </>
  );
}
