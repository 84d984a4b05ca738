import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CHECK_FIELDS, fieldErrors, invalidInput } from "@/lib/action-result";

describe("fieldErrors", () => {
  const schema = z
    .object({
      title: z.string().min(3, "Too short."),
      citations: z.array(z.object({ quote: z.string().min(1, "Quote the passage."), chain: z.array(z.object({ actorName: z.string().min(1, "Name them.") })) })),
    })
    .refine((v) => v.title !== "bad", "The whole form is wrong.");

  it("keys each message by the field's full path, as react-hook-form names fields", () => {
    const error = schema.safeParse({ title: "x", citations: [{ quote: "ok", chain: [] }, { quote: "", chain: [{ actorName: "" }] }] }).error!;
    expect(fieldErrors(error)).toEqual({
      title: ["Too short."],
      "citations.1.quote": ["Quote the passage."],
      "citations.1.chain.0.actorName": ["Name them."],
    });
  });

  it("puts a form-wide issue under 'form' and collects several messages for one field", () => {
    expect(fieldErrors(schema.safeParse({ title: "bad", citations: [] }).error!)).toEqual({ form: ["The whole form is wrong."] });
    const two = z.object({ n: z.string().min(3, "Longer.").regex(/^\d+$/, "Digits only.") });
    expect(fieldErrors(two.safeParse({ n: "a" }).error!)).toEqual({ n: ["Longer.", "Digits only."] });
  });

  it("makes the one refusal for input that failed its schema", () => {
    expect(invalidInput(schema.safeParse({ title: "x", citations: [] }).error!)).toEqual({ ok: false, message: CHECK_FIELDS, fieldErrors: { title: ["Too short."] } });
  });
});
