import type { Metadata } from "next";
import { ErrorView, HomeLinks } from "@/components/error-view";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main id="main">
      <ErrorView code="404" title="Nothing here" actions={<HomeLinks />}>
        <p>The page or claim you asked for does not exist, or was moved. If you followed a link from a colleague, ask them for the claim’s new address.</p>
      </ErrorView>
    </main>
  );
}
