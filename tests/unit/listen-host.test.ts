// Which address `npm start` serves on (scripts/lib/next-app.ts): the demo, with its known demo
// passwords, only on this machine unless HOST says otherwise.
import { describe, expect, it } from "vitest";
import { listenHost as of } from "../../scripts/lib/next-app";

const listenHost = (env: Record<string, string>) => of(env as NodeJS.ProcessEnv);

describe("the address the app listens on", () => {
  it("is localhost for the demo (embedded database)", () => {
    expect(listenHost({})).toBe("localhost");
    expect(listenHost({ DATABASE_URL: "" })).toBe("localhost");
  });
  it("is every interface with DATABASE_URL (a real server)", () => {
    expect(listenHost({ DATABASE_URL: "postgresql://app@db/factdesk" })).toBe("0.0.0.0");
  });
  it("is HOST whenever HOST is set", () => {
    expect(listenHost({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(listenHost({ HOST: "127.0.0.1", DATABASE_URL: "postgresql://app@db/factdesk" })).toBe("127.0.0.1");
  });
});
