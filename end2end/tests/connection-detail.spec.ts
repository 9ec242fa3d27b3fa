import { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { invite, join, newPerson, teamToken } from "./people";
import { STEP_TWO, finishConnection, newConnection } from "./stepper";
import { DOUBLE_URL } from "../playwright.config";
import { historyEntries, openSection } from "./sections";

type Seen = { path: string; authorization: string | null };

/** The bearer tokens the Better Stack double has received, oldest first. */
async function tokensSeen(request: APIRequestContext): Promise<string[]> {
  const seen: Seen[] = await (await request.get(`${DOUBLE_URL}/__double/requests`)).json();
  return seen.map((r) => (r.authorization ?? "").replace(/^Bearer /, ""));
}

function history(page: Page) {
  return page.getByRole("region", { name: "History" }).getByRole("listitem");
}

/** Test now, waiting for its answer (without JavaScript the answer is the reloaded page). */
async function testNow(page: Page, javaScriptEnabled: boolean) {
  await page.getByRole("button", { name: "Test now" }).click();
  if (javaScriptEnabled) {
    await expect(page.getByRole("region", { name: "Test" }).getByRole("status")).toContainText("The token works");
  }
}

/** Swap Token's answer: with JavaScript the form says so in place; without, the page reloads. */
async function swapped(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) {
    await expect(page.getByText("The token was swapped.")).toBeVisible();
  }
}

/** A connection's page, at its Settings. */
async function openSettings(page: Page, path: string) {
  await page.goto(path);
  await openSection(page, "Settings");
}

test("rename, then History says so", async ({ page, javaScriptEnabled }, testInfo) => {
  const name = `Rename me ${testInfo.project.name}`;
  await openSettings(page, await newConnection(page, javaScriptEnabled, name, teamToken()));
  await page.getByLabel("Connection Name").fill(`${name} renamed`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} renamed` })).toBeVisible();
  const entries = await historyEntries(page);
  await expect(entries.first()).toContainText(`Renamed from “${name}” to “${name} renamed”`);
  await expect(entries.last()).toContainText(`Created “${name}”`);
});

test("a swap to an invalid token keeps the old one, which still works", async ({ page, request, javaScriptEnabled }, testInfo) => {
  const old = teamToken();
  await openSettings(page, await newConnection(page, javaScriptEnabled, `Keep ${testInfo.project.name}`, old));
  await page.getByRole("textbox", { name: "API Token" }).fill(`revoked_${teamToken()}`);
  await page.getByRole("button", { name: "Swap Token" }).click();
  await expect(page.getByRole("textbox", { name: "API Token" })).toHaveAccessibleDescription(/Better Stack rejected this token \(invalid or revoked\)\./);
  await expect(page.locator(".facts")).toContainText(`••••${old.slice(-4)}`);

  await testNow(page, javaScriptEnabled);
  await expect((await historyEntries(page)).first()).toContainText("Tested the token: The token works (Team token — Ops).");
  expect((await tokensSeen(request)).at(-1)).toBe(old);
});

test("a swap to a valid token replaces it and the old one is never sent again", async ({ page, request, javaScriptEnabled }, testInfo) => {
  const [old, fresh] = [teamToken(), teamToken()];
  await openSettings(page, await newConnection(page, javaScriptEnabled, `Swap ${testInfo.project.name}`, old));
  await page.getByRole("textbox", { name: "API Token" }).fill(fresh);
  await page.getByRole("button", { name: "Swap Token" }).click();
  await swapped(page, javaScriptEnabled);
  await expect(page.locator(".facts")).toContainText(`••••${fresh.slice(-4)}`);
  await expect((await historyEntries(page)).first()).toContainText(`Swapped the token ••••${old.slice(-4)} → ••••${fresh.slice(-4)}`);
  const swappedAt = (await tokensSeen(request)).length;

  await openSection(page, "Settings");
  await testNow(page, javaScriptEnabled);
  await expect((await historyEntries(page)).first()).toContainText("Tested the token: The token works");
  const after = (await tokensSeen(request)).slice(swappedAt);
  expect(after).toContain(fresh);
  expect(after).not.toContain(old);
  expect(await page.content()).not.toContain(fresh);
});

test("someone who may not manage every connection on a credential swaps into a new one", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  const mode = testInfo.project.name;
  const shared = `Bo shared ${mode}`;
  const bo = await newPerson(browser, testInfo);
  await join(bo, await invite(page, `swapper-${mode}@acme.test`, "Member"), `Bo ${mode}`, "bo's long password here");
  const [old, fresh] = [teamToken(), teamToken()];
  const path = await newConnection(bo, javaScriptEnabled, shared, old, "Shared with Workspace");
  await bo.goto(STEP_TWO);
  await bo.getByRole("radio", { name: `${shared} token`, exact: true }).check();
  const own = `Bo private ${mode}`;
  await finishConnection(bo, own, "Private to Me");
  const ownPath = await bo.getByRole("row", { name: new RegExp(own) }).getByRole("link", { name: own }).getAttribute("href");

  // The Admin manages the shared connection but cannot see Bo's private one on the same token.
  await openSettings(page, path);
  const swap = page.getByRole("region", { name: "API Token" });
  await expect(swap).toContainText("also used by connections you cannot manage");
  await expect(swap.getByRole("button", { name: "Swap Token" })).toHaveCount(0);
  await swap.getByRole("textbox", { name: "API Token" }).fill(fresh);
  await swap.getByRole("button", { name: "Use a new credential for this connection only" }).click();
  await swapped(page, javaScriptEnabled);
  await expect(page.locator(".facts")).toContainText(`••••${fresh.slice(-4)}`);
  await expect((await historyEntries(page)).first()).toContainText("(a new credential for this connection only)");

  await openSettings(bo, ownPath!);
  await expect(bo.locator(".facts")).toContainText(`••••${old.slice(-4)}`);
});

test("narrowing privacy names who loses access, then they do", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  const mode = testInfo.project.name;
  const name = `Narrow ${mode}`;
  const path = await newConnection(page, javaScriptEnabled, name, teamToken(), "Shared with Workspace");
  const bo = await newPerson(browser, testInfo);
  await join(bo, await invite(page, `narrow-${mode}@acme.test`, "Member"), `Nora ${mode}`, "nora's long password");
  await openSettings(bo, path);
  await expect(bo.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(bo.getByText("You can see this connection but not change it.")).toBeVisible();
  await expect(bo.getByRole("button", { name: "Swap Token" })).toHaveCount(0);

  await openSettings(page, path);
  await page.getByRole("radio", { name: "Private to Me" }).check();
  await page.getByRole("button", { name: "Save Privacy" }).click();
  await expect(page.getByRole("region", { name: "Privacy" }).getByRole("alert")).toContainText(
    `will lose access to this connection: `,
  );
  await expect(page.getByRole("region", { name: "Privacy" }).getByRole("alert")).toContainText(`Nora ${mode}`);
  await bo.reload();
  await expect(bo.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByRole("button", { name: "Apply the change" }).click();
  await expect(page.locator(".header-facts")).toContainText("Private to Me");
  await expect((await historyEntries(page)).first()).toContainText("Changed privacy from Shared with Workspace to Private to Me");
  await bo.reload();
  await expect(bo.getByText("We could not find that.")).toBeVisible();
});

test("delete asks for the name, then the connection is gone and its credential too if asked", async ({ page, javaScriptEnabled }, testInfo) => {
  const name = `Delete me ${testInfo.project.name}`;
  await openSettings(page, await newConnection(page, javaScriptEnabled, name, teamToken()));
  await expect(page.getByRole("region", { name: "Danger zone" })).toBeVisible();
  await page.getByLabel("Type the connection's name to confirm").fill("wrong name");
  await page.getByRole("button", { name: "Delete Connection" }).click();
  await expect(page.getByLabel("Type the connection's name to confirm")).toHaveAccessibleDescription(
    new RegExp(`Type the connection's name, ${name}, to delete it.`),
  );

  await page.getByLabel("Type the connection's name to confirm").fill(name);
  await page.getByLabel("Delete the credential too").check();
  await page.getByRole("button", { name: "Delete Connection" }).click();
  await expect(page).toHaveURL(/\/connections\/betterstack-uptime$/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await page.goto("/settings/connections/new?step=credentials&source=betterstack-uptime");
  await expect(page.getByRole("radio", { name: `${name} token`, exact: true })).toHaveCount(0);
});

test("History comes 50 entries a page, newest first, with Next and Previous", async ({ page, javaScriptEnabled }, testInfo) => {
  const name = `Long history ${testInfo.project.name}`;
  const path = await newConnection(page, javaScriptEnabled, name, teamToken());
  await openSettings(page, path);
  // 55 renames through the rename form's own server function, as a busy team would make them.
  const action = await page.locator('form:has(input[name="name"])').getAttribute("action");
  const id = path.split("/").pop()!;
  for (let n = 1; n <= 55; n++) {
    const renamed = await page.request.post(action!, { form: { source: "betterstack-uptime", id, name: `${name} ${n}` } });
    expect(renamed.ok()).toBeTruthy();
  }

  await page.goto(path);
  await openSection(page, "History");
  const pager = page.getByRole("navigation", { name: "History pages" });
  await expect(pager).toContainText("Page 1 of 2 (56 in all)");
  await expect(history(page)).toHaveCount(50);
  await expect(history(page).first()).toContainText(`to “${name} 55”`);
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/section=history.*history_page=2|history_page=2.*section=history/);
  await expect(history(page)).toHaveCount(6);
  await expect(history(page).last()).toContainText(`Created “${name}”`);
  await page.getByRole("navigation", { name: "History pages" }).getByRole("link", { name: "Previous" }).click();
  await expect(history(page).first()).toContainText(`to “${name} 55”`);
});
