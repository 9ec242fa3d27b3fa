import AxeBuilder from "@axe-core/playwright";
import { Browser, Page, TestInfo } from "@playwright/test";
import { test, expect } from "./fixtures";
import { newPerson, teamToken } from "./people";
import { newConnection } from "./stepper";

const PHONE = { width: 390, height: 844 };

/** Every page of the app a signed-in Admin reaches, a connection's four sections included. */
async function signedInPages(page: Page, javaScriptEnabled: boolean, name: string): Promise<string[]> {
  const connection = await newConnection(page, javaScriptEnabled, name, teamToken());
  return [
    "/",
    "/settings",
    "/settings/connections",
    "/settings/connections/new",
    "/settings/connections/new?step=credentials&source=betterstack-uptime",
    "/settings/connections/new/credential?source=betterstack-uptime",
    "/connections/betterstack-uptime",
    connection,
    `${connection}?section=data`,
    `${connection}?section=settings`,
    `${connection}?section=history`,
    "/settings/members",
    "/settings/teams",
    "/settings/api-keys",
    "/no/such/page",
  ];
}

/** The pages of someone signed out. */
async function signedOutPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  return newPerson(browser, testInfo);
}

test("at 390 px wide no page scrolls sideways", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  test.setTimeout(90_000);
  const pages = await signedInPages(page, javaScriptEnabled, `Phone ${testInfo.project.name}`);
  await page.setViewportSize(PHONE);
  const visitor = await signedOutPage(browser, testInfo);
  await visitor.setViewportSize(PHONE);
  const visits: [Page, string][] = [...pages.map((path): [Page, string] => [page, path]), [visitor, "/login"]];
  for (const [who, path] of visits) {
    await who.goto(path);
    const width = await who.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
  }
});

/**
 * A page for axe to look at as `page`'s person sees it. axe-core runs as a script: without
 * JavaScript it runs in a context of the same person whose app bundle never loads, so what it
 * checks is the server's HTML, as a browser without JavaScript shows it.
 */
async function checkable(browser: Browser, page: Page, javaScriptEnabled: boolean, testInfo: TestInfo): Promise<Page> {
  if (javaScriptEnabled) {
    return page;
  }
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
  });
  await context.route("**/pkg/**", (route) => route.abort());
  return context.newPage();
}

test("every page passes axe-core with no serious or critical violation", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  test.setTimeout(120_000);
  const pages = await signedInPages(page, javaScriptEnabled, `Axe ${testInfo.project.name}`);
  const admin = await checkable(browser, page, javaScriptEnabled, testInfo);
  const visitor = await checkable(browser, await signedOutPage(browser, testInfo), javaScriptEnabled, testInfo);
  const visits: [Page, string][] = [...pages.map((path): [Page, string] => [admin, path]), [visitor, "/login"]];
  for (const [who, path] of visits) {
    await who.goto(path);
    const results = await new AxeBuilder({ page: who }).analyze();
    const grave = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(grave, path).toEqual([]);
  }
});
