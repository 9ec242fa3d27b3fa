import { test as base, expect } from "@playwright/test";

// Every test fails if the page threw or logged an error: a panic in the wasm bundle or a
// hydration mismatch shows up here even when the page still looks right.
// "Failed to load resource" lines are Chromium reporting 4xx answers the test asked for.
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          errors.push(`console: ${message.text()}`);
        }
      });
      await use(errors);
      expect(errors, "errors in the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
