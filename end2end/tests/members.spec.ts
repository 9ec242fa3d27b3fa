import { test, expect } from "./fixtures";
import { invite, join, newPerson } from "./people";

test("an invited member joins with the link and an Admin changes their role", async ({ page, browser }, testInfo) => {
  const email = `bo-${testInfo.project.name}@acme.test`;
  const link = await invite(page, email, "Member");
  expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: email })).toBeVisible(); // pending invites

  const bo = await newPerson(browser, testInfo);
  await join(bo, link, "Bo Member", "bo's long password");
  await expect(bo.getByText("You are signed in to Acme as Member.")).toBeVisible();

  // The link worked once.
  const eve = await newPerson(browser, testInfo);
  await eve.goto(link);
  await expect(eve.getByRole("heading", { name: "This invite cannot be used" })).toBeVisible();

  // Members is an Admin's page.
  await bo.goto("/settings/members");
  await expect(bo.getByText("Only Admins can do that.")).toBeVisible();

  await page.goto("/settings/members");
  await page.getByLabel("Role for Bo Member").selectOption({ label: "Team Lead" });
  await page.getByRole("button", { name: "Change role for Bo Member" }).click();
  await expect(page.getByLabel("Role for Bo Member")).toHaveValue("team_lead");

  await bo.goto("/");
  await expect(bo.getByText("You are signed in to Acme as Team Lead.")).toBeVisible();
});

test("the last Admin cannot be demoted", async ({ page }) => {
  await page.goto("/settings/members");
  await page.getByLabel("Role for Ada Admin").selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Change role for Ada Admin" }).click();
  await expect(page.getByRole("alert")).toContainText("The workspace needs at least one Admin.");
});

test("removing a member signs them out", async ({ page, browser }, testInfo) => {
  const email = `cy-${testInfo.project.name}@acme.test`;
  const link = await invite(page, email, "Member");
  const cy = await newPerson(browser, testInfo);
  await join(cy, link, "Cy Removed", "cy's long password");
  await expect(cy.getByText("as Member.")).toBeVisible();

  await page.goto("/settings/members");
  await page.getByRole("link", { name: "Remove Cy Removed" }).click();
  await expect(page.getByRole("heading", { name: "Remove Cy Removed?" })).toBeVisible();
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await expect(page.getByRole("row", { name: /Cy Removed/ })).toHaveCount(0);

  await cy.goto("/");
  await expect(cy).toHaveURL(/\/login/);
});
