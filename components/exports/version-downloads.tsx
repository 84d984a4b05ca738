import { Suspense } from "react";
import { EXPORT_FORMAT_INFO } from "@/lib/exports/formats";
import { appBaseUrl } from "@/lib/server/app-url";
import { versionDownloads } from "@/lib/server/export-jobs";
import type { PublishedVersion } from "@/lib/server/fact-sheet-publishing";
import { PdfJobStatus } from "./pdf-job-status";

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

type Props = { version: PublishedVersion; hrefBase: string; canRetry?: boolean };

/**
 * The version's files, each with its name, size and SHA-256: the same bytes on every download. A
 * large version's PDF shows where its job stands until it is made.
 */
async function DownloadList({ version, hrefBase, canRetry = false }: Props) {
  const files = await versionDownloads(version, await appBaseUrl());
  return (
    <ul className="space-y-3">
      {files.map((f) =>
        f.job !== undefined ? (
          <li key={f.format} className="text-sm" data-testid={`export-${f.format}`}>
            <span className="font-medium">{EXPORT_FORMAT_INFO[f.format].label}</span> <span className="text-muted-foreground">{f.fileName}</span>
            <PdfJobStatus job={f.job} snapshotId={version.id} canRetry={canRetry} />
          </li>
        ) : (
          <li key={f.format} className="text-sm" data-testid={`export-${f.format}`}>
            <a href={`${hrefBase}/${f.format}`} download={f.fileName} className="font-medium underline underline-offset-2">
              {EXPORT_FORMAT_INFO[f.format].label}
            </a>{" "}
            <span className="text-muted-foreground">
              {f.fileName}, {size(f.size)}
            </span>
            <span className="block break-all text-xs text-muted-foreground">
              SHA-256: <code data-testid="export-sha256">{f.sha256}</code>
            </span>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * Downloads of a published version (PDF, CSV, JSON, Markdown, ClaimReview JSON-LD); `hrefBase` +
 * `/<format>` serves each. `canRetry`: the reader may ask again for a PDF whose job failed.
 */
export function VersionDownloads(props: Props) {
  return (
    <section aria-labelledby="downloads-heading" className="space-y-2 print:hidden">
      <h2 id="downloads-heading" className="font-semibold">
        Downloads
      </h2>
      <Suspense fallback={<p className="text-sm text-muted-foreground">Preparing the files of this version…</p>}>
        <DownloadList {...props} />
      </Suspense>
    </section>
  );
}
