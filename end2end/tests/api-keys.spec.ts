import { test, expect } from "./fixtures";

test("a key is created with a Name, a Scope and an expiry, shown once, used, and revoked", async ({ page, request }, testInfo) => {
  const name = `Script ${testInfo.project.name} ${Date.now()}`;
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Manage").check();
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create Key" }).click();

  const shown = page.getByLabel("Your new key");
  await expect(shown).toHaveValue(/^pb_[A-Za-z0-9_-]{43}$/);
  const key = await shown.inputValue();

  const answer = await request.get("/api/v1/sources", { headers: { Authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: "betterstack-uptime" })]));

  // Shown once: the page loaded again lists the key by its first characters only.
  await page.goto("/settings/api-keys");
  await expect(page.getByLabel("Your new key")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).toContainText("Manage");
  await expect(row).not.toContainText(key);

  await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  const refused = await request.get("/api/v1/sources", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("a key without a name is refused with the message beside the field", async ({ page }) => {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(" ");
  await page.getByRole("button", { name: "Create Key" }).click();
  await expect(page.getByText("Name is required.").first()).toBeVisible();
});
