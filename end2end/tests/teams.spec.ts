import { test, expect } from "./fixtures";

test("an Admin creates a team, adds a member and renames it", async ({ page }, testInfo) => {
  const name = `Ops ${testInfo.project.name}`;
  await page.goto("/settings/teams");
  await page.getByLabel("Team Name").fill(name);
  await page.getByRole("button", { name: "Create Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByLabel("Ada Admin is a member").check();
  await page.getByRole("button", { name: "Save Members" }).click();
  await expect(page.getByLabel("Ada Admin is a member")).toBeChecked();

  await page.getByLabel("Team Name").fill(`${name} renamed`);
  await page.getByRole("button", { name: "Rename Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${name} renamed` })).toBeVisible();

  await page.goto("/settings/teams");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `${name} renamed` }) });
  await expect(card).toContainText("Ada Admin");
});
