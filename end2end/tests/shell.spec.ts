import { test, expect } from "./fixtures";

test("the start page shows the header with a Settings control", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Plugboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
});

test("Settings opens its menu in place once the app has hydrated", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the in-place menu is the hydrated behaviour");
  await page.goto("/");
  const settings = page.getByRole("link", { name: "Settings", exact: true });
  // aria-expanded is only rendered once the wasm bundle has taken over the page.
  await expect(settings).toHaveAttribute("aria-expanded", "false");
  await settings.click();
  await expect(settings).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "All settings" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await page.keyboard.press("Escape");
  await expect(settings).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "All settings" })).toBeHidden();
});

test("Settings is a plain link to the Settings page without JavaScript", async ({ page, javaScriptEnabled }) => {
  test.skip(javaScriptEnabled, "this is the server-rendered behaviour");
  await page.goto("/");
  const settings = page.getByRole("link", { name: "Settings", exact: true });
  await expect(settings).not.toHaveAttribute("aria-expanded", /.*/);
  await settings.click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("an unknown address shows the not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the start page" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Plugboard" })).toBeVisible();
});

test("the Settings menu closes when an item is chosen and when going back", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the in-place menu is the hydrated behaviour");
  await page.goto("/");
  const settings = page.getByRole("link", { name: "Settings", exact: true });
  // Every page load hydrates the menu anew; a click before that follows the plain link.
  await expect(settings).toHaveAttribute("aria-expanded", "false");
  await settings.click();
  await page.getByRole("link", { name: "Connections", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(settings).toHaveAttribute("aria-expanded", "false");
  // The page underneath is usable: nothing is covered by a stale menu.
  await expect(page.getByRole("link", { name: "Add Connection" })).toBeVisible();

  await settings.click();
  await expect(settings).toHaveAttribute("aria-expanded", "true");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Welcome to Plugboard" })).toBeVisible();
  await expect(settings).toHaveAttribute("aria-expanded", "false");
});
