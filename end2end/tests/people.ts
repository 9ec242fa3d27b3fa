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

/** A token the Better Stack double accepts (team Ops), unique to the test. */
export function teamToken(): string {
  return `team_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
}

/** Opens a Settings section the way a user does: the menu with JavaScript, the page without. */
export async function openSettings(page: Page, section: string, javaScriptEnabled: boolean) {
  await page.goto("/");
  const settings = page.getByRole("link", { name: "Settings", exact: true });
  if (javaScriptEnabled) {
    // It opens the menu once the header has hydrated; a click before that follows the link.
    await expect(settings).toHaveAttribute("aria-expanded", "false");
  }
  await settings.click();
  if (javaScriptEnabled) {
    await expect(settings).toHaveAttribute("aria-expanded", "true");
  } else {
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  }
  // The open menu comes first in the page; a closed one is hidden and not matched.
  await page.getByRole("link", { name: section, exact: true }).first().click();
}

/** Creates a team with these people in it (names as shown on the team page). */
export async function createTeam(page: Page, name: string, people: string[]) {
  await page.goto("/settings/teams");
  await page.getByLabel("Team Name").fill(name);
  await page.getByRole("button", { name: "Create Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  for (const person of people) {
    await page.getByLabel(`${person} is a member`).check();
  }
  await page.getByRole("button", { name: "Save Members" }).click();
  for (const person of people) {
    await expect(page.getByLabel(`${person} is a member`)).toBeChecked();
  }
}
