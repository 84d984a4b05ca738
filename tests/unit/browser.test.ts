// How `npm test` finds a browser: CHROMIUM_PATH first, then the machine's own, never a guess.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ensureChromium, findChromium, HOW_TO_GET_CHROMIUM } from "../../scripts/lib/browser";

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
  vi.restoreAllMocks();
});

describe("finding Chromium", () => {
  it("takes CHROMIUM_PATH when it names a file", () => {
    const fake = path.join(mkdtempSync(path.join(tmpdir(), "chromium-")), "chrome");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    process.env.CHROMIUM_PATH = fake;
    expect(findChromium()).toBe(fake);
  });

  it("does not look elsewhere, or install anything, when CHROMIUM_PATH names nothing: one line says what to do", () => {
    process.env.CHROMIUM_PATH = "/nowhere/chrome";
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const log = vi.fn();
    expect(findChromium()).toBeUndefined();
    expect(ensureChromium(log)).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toContain("/nowhere/chrome");
    expect(String(errors.mock.calls[0]![0])).toContain(HOW_TO_GET_CHROMIUM);
  });

  it("prefers Debian's Chromium without CHROMIUM_PATH, and names only a file that exists", () => {
    delete process.env.CHROMIUM_PATH;
    const found = findChromium();
    if (existsSync("/usr/bin/chromium")) expect(found).toBe("/usr/bin/chromium");
    expect(found === undefined || existsSync(found)).toBe(true);
  });
});
