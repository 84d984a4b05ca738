// The one way the app, the tests and the scripts start Chromium: Debian's build at
// /usr/bin/chromium, or CHROMIUM_PATH (Playwright cannot download its own browser here).
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};
