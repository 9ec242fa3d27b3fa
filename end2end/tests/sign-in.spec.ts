import { test, expect } from "./fixtures";
import { ADMIN, newPerson, signIn } from "./people";

test("a signed-out visit goes to Sign in and returns to the page afterwards", async ({ browser }, testInfo) => {
  const page = await newPerson(browser, testInfo);
  await page.goto("/settings/teams");
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fteams$/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/teams$/);
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
});

test("Sign out ends the session", async ({ browser }, testInfo) => {
  const page = await newPerson(browser, testInfo);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/settings/teams");
  await expect(page).toHaveURL(/\/login\?next=/);
});
