import { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Step two of Add Connection, for Better Stack Uptime. */
export const STEP_TWO = "/settings/connections/new?step=credentials&source=betterstack-uptime";

/** Add Credential: the dialog with JavaScript, its own page without. */
export async function openCredentialOverlay(page: Page, javaScriptEnabled: boolean) {
  const add = page.getByRole("link", { name: /Add Credential/ });
  if (javaScriptEnabled) {
    // It opens the dialog once the step has hydrated; a click before that follows the link.
    await expect(add).toHaveAttribute("aria-haspopup", "dialog");
  } else {
    await expect(add).not.toHaveAttribute("aria-haspopup");
  }
  await add.click();
  if (javaScriptEnabled) {
    await expect(page.getByRole("dialog", { name: "Add Credential" })).toBeVisible();
  } else {
    await expect(page.getByRole("heading", { level: 1, name: "Add Credential" })).toBeVisible();
  }
}

export async function fillCredential(page: Page, name: string, token: string) {
  await page.getByLabel("Credential Name").fill(name);
  await page.getByLabel("Credential Description").fill("Main Better Stack account");
  await page.getByLabel("API Token").fill(token);
}

export async function addCredential(page: Page, javaScriptEnabled: boolean, name: string, token: string) {
  await openCredentialOverlay(page, javaScriptEnabled);
  await fillCredential(page, name, token);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("radio", { name, exact: true })).toBeChecked();
}

export async function finishConnection(page: Page, name: string, privacy: string) {
  await page.getByLabel("Connection Name").fill(name);
  await page.getByRole("radio", { name: privacy }).check();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Finish" })).toHaveAttribute("aria-current", "step");
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/connections\/betterstack-uptime$/);
}

/** A new connection through the stepper; returns the path of its page. */
export async function newConnection(page: Page, javaScriptEnabled: boolean, name: string, token: string, privacy = "Private to Me") {
  await page.goto(STEP_TWO);
  await addCredential(page, javaScriptEnabled, `${name} token`, token);
  await finishConnection(page, name, privacy);
  const href = await page.getByRole("row", { name: new RegExp(name) }).getByRole("link", { name }).getAttribute("href");
  return href!;
}
