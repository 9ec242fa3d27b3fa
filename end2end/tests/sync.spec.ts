import { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { teamToken } from "./people";
import { newConnection } from "./stepper";
import { openSection } from "./sections";

/** The Data section's facts. */
function data(page: Page) {
  return page.getByRole("region", { name: "Data" });
}

async function lastSyncSucceeded(page: Page) {
  // Without JavaScript the page reloads itself while a sync runs; with it, it polls.
  await expect(data(page).locator(".counts")).toContainText("Synced — finished", { timeout: 20_000 });
}

test("Sync now shows its progress, then the pulled monitors and incidents", async ({ page, javaScriptEnabled }, testInfo) => {
  test.setTimeout(60_000);
  // A `paced_` token makes the double take most of a second per request: a sync is watchable.
  const path = await newConnection(page, javaScriptEnabled, `Watch ${testInfo.project.name}`, `paced_${teamToken()}`);
  await page.goto(path);
  await openSection(page, "Data");
  await lastSyncSucceeded(page);

  await data(page).getByRole("button", { name: "Sync now" }).click();
  await expect(data(page).getByRole("status").first()).toContainText(/Syncing… \d+ pages? fetched so far\./);
  await lastSyncSucceeded(page);

  const counts = data(page).locator(".counts");
  await expect(counts).toContainText("Monitors3");
  await expect(counts).toContainText("Incidents2");
  const monitors = data(page).getByRole("table", { name: "Monitors" });
  await expect(monitors.getByRole("row")).toHaveCount(4); // a header and three monitors
  await expect(monitors.getByRole("rowheader").first()).toHaveText("Service 0");

  // Sorting is a link. The table starts sorted by name, so following it turns the order round.
  await expect(monitors.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");
  await monitors.getByRole("link", { name: "Name" }).click();
  await expect(data(page).getByRole("table", { name: "Monitors" }).getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(data(page).getByRole("table", { name: "Monitors" }).getByRole("rowheader").first()).toHaveText("Service 2");
  await data(page).getByRole("table", { name: "Monitors" }).getByRole("link", { name: "Name" }).click();
  await expect(data(page).getByRole("table", { name: "Monitors" }).getByRole("rowheader").first()).toHaveText("Service 0");

  await data(page).getByLabel("Filter monitors").fill("Service 1");
  await data(page).getByRole("button", { name: "Filter" }).first().click();
  await expect(data(page).getByRole("table", { name: "Monitors" }).getByRole("rowheader")).toHaveText(["Service 1"]);

  // Each kind's name in the counts shows its table.
  await data(page).locator(".counts").getByRole("link", { name: "Incidents", exact: true }).click();
  await expect(data(page).locator(".counts").getByRole("link", { name: "Incidents", exact: true })).toHaveAttribute("aria-current", "true");
  const incidents = data(page).getByRole("table", { name: "Incidents" });
  await expect(incidents.getByRole("rowheader")).toHaveCount(2);
  await expect(incidents).toContainText("Status 503");
  await expect(incidents).toContainText("Bo Oncall");

  await data(page).locator(".counts").getByRole("link", { name: "Escalation policies" }).click();
  const policies = data(page).getByRole("table", { name: "Escalation policies" });
  await expect(policies.getByRole("rowheader")).toHaveText(["Escalate 0"]);
  await expect(policies).toContainText("1. after 0 s: current on call; 2. after 180 s: entire team");
  expect(await page.content()).not.toContain("policy-incident-token");
});

test("Download CSV and Download JSON give the pulled data", async ({ page, javaScriptEnabled }, testInfo) => {
  const path = await newConnection(page, javaScriptEnabled, `Export ${testInfo.project.name}`, teamToken());
  await page.goto(path);
  await openSection(page, "Data");
  await lastSyncSucceeded(page);
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    data(page).getByRole("link", { name: "Download CSV" }).first().click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`export-${testInfo.project.name}-monitors.csv`);
  const text = await (await csv.createReadStream()).toArray();
  const lines = Buffer.concat(text).toString().trim().split("\r\n");
  expect(lines[0]).toBe(
    "id,name,url,type,status,check_frequency_seconds,last_checked_at,group,group_id,regions,paused_at,created_at,ssl_expiration_days,domain_expiration_days,team",
  );
  expect(lines).toHaveLength(4);

  await data(page).locator(".counts").getByRole("link", { name: "Incidents", exact: true }).click();
  await expect(data(page).getByRole("table", { name: "Incidents" })).toBeVisible();
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    data(page).getByRole("link", { name: "Download JSON" }).click(),
  ]);
  const incidents = JSON.parse(Buffer.concat(await (await json.createReadStream()).toArray()).toString());
  expect(incidents).toHaveLength(2);
  expect(incidents[0]).toHaveProperty("cause");
});
