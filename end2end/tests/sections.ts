import { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Section = "Overview" | "Data" | "Settings" | "History";

/** The connection page's section links. */
export function sections(page: Page) {
  return page.getByRole("navigation", { name: "Connection sections" });
}

/** Follows a section's link on a connection's page and waits for it to be the current one. */
export async function openSection(page: Page, name: Section) {
  await sections(page).getByRole("link", { name, exact: true }).click();
  await expect(sections(page).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

/** History's entries, newest first, opening the History section. */
export async function historyEntries(page: Page) {
  await openSection(page, "History");
  return page.getByRole("region", { name: "History" }).getByRole("listitem");
}

/** Opens a connection's page until its header says its first sync finished. */
export async function waitForSync(page: Page, path: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(page.locator(".header-facts")).toContainText(/UTC \((just now|.+ ago)\)/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
