import { Browser, Page, TestInfo } from "@playwright/test";
import { expect } from "./fixtures";

export const ADMIN = { name: "Ada Admin", email: "ada@acme.test", password: "correct horse battery staple" };
export const WORKSPACE = "Acme";

/** A fresh, signed-out browser for another person, with the project's mode and address. */
export async function newPerson(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { baseURL, javaScriptEnabled } = testInfo.project.use;
  // Contexts made in a test inherit the project's storageState (the Admin's cookies):
  // another person starts with none.
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    storageState: { cookies: [], origins: [] },
  });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The Admin invites someone; returns the one-time invite link. */
export async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const link = page.getByLabel("Invite link");
  await expect(link).toBeVisible();
  return link.inputValue();
}

/** Opens an invite link as a new person and joins. */
export async function join(page: Page, link: string, name: string, password: string) {
  await page.goto(link);
  await page.getByLabel("Your Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Join Workspace" }).click();
}
