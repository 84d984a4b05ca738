import { ErrorView, HomeLinks } from "@/components/error-view";

/** A claim, source, metric or event that does not exist: said inside the app, navigation kept. */
export default function NotFound() {
  return (
    <ErrorView code="404" title="Nothing here" actions={<HomeLinks />}>
      <p>This claim, source, metric or event does not exist, or was moved.</p>
    </ErrorView>
  );
}
