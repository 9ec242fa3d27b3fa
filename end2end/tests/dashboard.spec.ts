import { test, expect } from "./fixtures";
import { teamToken } from "./people";
import { newConnection } from "./stepper";
import { waitForSync } from "./sections";
import { DOUBLE_URL } from "../playwright.config";

test("Home shows a failing and a healthy connection by health, each a link", async ({ page, request, javaScriptEnabled }, testInfo) => {
  test.setTimeout(60_000);
  const mode = testInfo.project.name;
  const [healthy, failing] = [`Fine ${mode}`, `Broken ${mode}`];
  const token = teamToken();
  const healthyPath = await newConnection(page, javaScriptEnabled, healthy, teamToken());
  const failingPath = await newConnection(page, javaScriptEnabled, failing, token);
  await waitForSync(page, healthyPath);
  await waitForSync(page, failingPath);

  // Better Stack stops taking the token; the next sync finds out.
  expect((await request.post(`${DOUBLE_URL}/__double/revoke?token=${token}`)).ok()).toBeTruthy();
  await page.goto(`${failingPath}?section=data`);
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(async () => {
    await page.goto(failingPath);
    await expect(page.locator(".connection-header")).toContainText("Failing since", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  await page.goto("/");
  const connections = page.getByRole("table", { name: "Connections" });
  await expect(connections.getByRole("row", { name: new RegExp(failing) })).toContainText(/Failing since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(connections.getByRole("row", { name: new RegExp(healthy) })).toContainText("Healthy");
  await expect(page.getByRole("region", { name: "Connections by health" }).getByRole("listitem").filter({ hasText: "Failing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Down now \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Open incidents \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Worst availability, last 30 days" }).getByRole("link").first()).toBeVisible();

  await connections.getByRole("link", { name: failing, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: failing })).toBeVisible();
  await expect(page.locator(".connection-header")).toContainText("Failing");
});
