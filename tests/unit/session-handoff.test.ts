import { describe, expect, it } from "vitest";
import { handOff, receive } from "@/lib/session-handoff";

describe("the session token handed from the proxy to the page", () => {
  const token = { sub: "0190a5b2-0000-7000-8000-000000000001", name: "Eddie Editor", sessionId: "s1", iat: 1, exp: 2, jti: "j" };

  it("comes back as the proxy decrypted it, or as no session", () => {
    expect(receive(handOff(token))).toEqual({ token });
    expect(receive(handOff(null))).toEqual({ token: null });
  });

  it("is ignored unless it carries this process's key: a client cannot send its own", () => {
    const [, body] = handOff(token).split(".");
    expect(receive(`${crypto.randomUUID()}.${body}`)).toBeUndefined();
    expect(receive(`.${body}`)).toBeUndefined();
    expect(receive(body!)).toBeUndefined();
    expect(receive("")).toBeUndefined();
    expect(receive(null)).toBeUndefined();
    // The key with a body that is not a token: decrypt the cookie instead.
    const [key] = handOff(null).split(".");
    expect(receive(`${key}.not-base64-json`)).toBeUndefined();
  });
});
