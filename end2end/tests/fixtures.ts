import { test as base, expect, type Page } from "@playwright/test";

// Every test fails if the page threw or logged an error: a panic in the wasm bundle or a
// hydration mismatch shows up here even when the page still looks right.
// "Failed to load resource" lines are Chromium reporting 4xx answers the test asked for.
//
// With JavaScript, `page.goto` and `page.reload` also wait until the app has taken over the
// page (`<html data-hydrated>`, set once the page's piece of the bundle has loaded and
// hydrated): a click before that is a plain link or form post, the no-JavaScript path.
export const test = base.extend<{ pageErrors: string[] }>({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) {
      waitForHydrationAfterLoads(page);
    }
    await use(page);
  },
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

function waitForHydrationAfterLoads(page: Page) {
  const hydrated = () => page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page["goto"]>) => {
    const response = await goto(...args);
    await hydrated();
    return response;
  };
  const reload = page.reload.bind(page);
  page.reload = async (...args: Parameters<Page["reload"]>) => {
    const response = await reload(...args);
    await hydrated();
    return response;
  };
}

export { expect };
