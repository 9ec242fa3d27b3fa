import { test, expect } from "./fixtures";
import { ADMIN, WORKSPACE } from "./people";
import { adminStatePath } from "../playwright.config";

test("the first run creates the workspace and signs its Admin in", async ({ page }, testInfo) => {
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();

  await page.getByLabel("Workspace Name").fill(WORKSPACE);
  await page.getByLabel("Your Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  // The browser itself holds back a short password (minlength comes from the same limit).
  await page.getByLabel("Password").fill("too short");
  await page.getByRole("button", { name: "Create Workspace" }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByLabel("Password")).toHaveJSProperty("validity.tooShort", true);

  // What only the server checks comes back inline, with what was typed still there.
  await page.getByLabel("Your Name").fill("   ");
  await page.getByLabel("Email").fill("ada@acme");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create Workspace" }).click();
  await expect(page.getByText("Your Name is required.")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Please correct the 2 fields marked below.");
  await expect(page.getByLabel("Workspace Name")).toHaveValue(WORKSPACE);
  await expect(page.getByLabel("Email")).toHaveValue("ada@acme");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Your Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create Workspace" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Plugboard" })).toBeVisible();
  await expect(page.getByText(`You are signed in to ${WORKSPACE} as Admin.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The first-run page is gone now.
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toHaveCount(0);

  await page.context().storageState({ path: adminStatePath(testInfo.project.name.replace(/-first-run$/, "")) });
});
