import "@/lib/zod-config";
import { z } from "zod";
import { linkLabel, repeatedLinks } from "@/lib/attribution";
import { displayName } from "@/lib/name-keys";
import { checkOffsets, day, offset, optionalText, precision, version } from "./fields";

export const STANCES = ["SUPPORTS", "CONTRADICTS", "MENTIONS"] as const;
export const ACTOR_KINDS = ["PERSON", "OUTLET", "BROADCASTER", "GOVERNMENT", "ORGANIZATION", "UNKNOWN"] as const;
export const MAX_CHAIN_LINKS = 12;

export const actorName = z
  .string({ error: "Name who said it or passed it on." })
  .max(1000, "Keep the name under 200 characters.")
  .transform(displayName)
  .pipe(z.string().min(1, "Name who said it or passed it on.").max(200, "Keep the name under 200 characters."));

export const chainLinkSchema = z.object({
  actorName,
  actorKind: z.enum(ACTOR_KINDS, { error: "Choose what kind of actor this is." }),
  relation: optionalText(200, "relation"),
});

/** The exact words: only the spaces at the edges are dropped, never any inside. */
export const quote = z
  .string({ error: "Give the exact words from the source." })
  .trim()
  .min(1, "Give the exact words from the source.")
  .max(5000, "Keep the quote under 5,000 characters: cite the key passage.");

const citationFields = z.object({
  claimId: z.uuid("Choose a claim."),
  /** The claim's version the editor saw: a citation changes the claim's evidence. */
  claimVersion: version,
  sourceId: z.uuid("Choose a source."),
  quote,
  startOffset: offset,
  endOffset: offset,
  stance: z.enum(STANCES, { error: "Say whether the source supports, contradicts or only mentions the claim." }),
  isPrimary: z.boolean().default(false),
  saidOn: day,
  saidPrecision: precision,
  saidText: optionalText(200, "source’s wording of the date"),
  note: optionalText(2000, "note"),
  chain: z
    .array(chainLinkSchema, { error: "Add at least one link: who first said it." })
    .min(1, "Add at least one link: who first said it.")
    .max(MAX_CHAIN_LINKS, `Keep the chain to ${MAX_CHAIN_LINKS} links.`),
});

type CitationFields = z.output<typeof citationFields>;

function checkCitation(v: Pick<CitationFields, "startOffset" | "endOffset" | "saidOn" | "saidPrecision" | "chain">, ctx: z.RefinementCtx) {
  checkOffsets(v, ctx);
  if (v.saidOn && !v.saidPrecision) ctx.addIssue({ code: "custom", path: ["saidPrecision"], message: "Say how precisely the date is known." });
  for (const i of repeatedLinks(v.chain)) {
    const message = `${linkLabel(i, v.chain.length)} repeats the link before it: each link passes the statement to someone else.`;
    ctx.addIssue({ code: "custom", path: ["chain", i, "actorName"], message });
  }
}

export const citationSchema = citationFields.superRefine(checkCitation);
export const editCitationSchema = citationFields.extend({ id: z.uuid("Unknown citation.") }).superRefine(checkCitation);
/** A citation of a claim that does not exist yet: recorded with it in one go (lib/schemas/passage-claim.ts). */
export const passageCitationSchema = citationFields.omit({ claimId: true, claimVersion: true }).superRefine(checkCitation);
export const deleteCitationSchema = z.object({ id: z.uuid("Unknown citation."), claimVersion: version });

export type CitationInput = z.input<typeof citationSchema>;
export type CitationValues = z.output<typeof citationSchema>;
export type EditCitationInput = z.input<typeof editCitationSchema>;
export type EditCitationValues = z.output<typeof editCitationSchema>;
export type PassageCitationInput = z.input<typeof passageCitationSchema>;
export type DeleteCitationValues = z.output<typeof deleteCitationSchema>;
export type ChainLinkValues = z.output<typeof chainLinkSchema>;

