import { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { STEP_TWO, addCredential } from "./stepper";
import { DOUBLE_URL } from "../playwright.config";
import { historyEntries, openSection } from "./sections";

type Seen = { path: string; query: string; authorization: string | null };

/** The queries Better Stack received with `token`, oldest first. */
async function queriesWith(request: APIRequestContext, token: string): Promise<string[]> {
  const seen: Seen[] = await (await request.get(`${DOUBLE_URL}/__double/requests`)).json();
  return seen.filter((r) => r.authorization === `Bearer ${token}`).map((r) => `${r.path}?${r.query}`);
}

function teamsFact(page: Page) {
  return page.locator(".facts dt", { hasText: "Better Stack teams" }).locator("xpath=following-sibling::dd[1]");
}

test("a global token's connection reads only the teams chosen, and the choice can change", async ({ page, request, javaScriptEnabled }, testInfo) => {
  const token = `global_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  const name = `Ops only ${testInfo.project.name}`;
  await page.goto(STEP_TWO);
  await addCredential(page, javaScriptEnabled, `${name} token`, token);
  await expect(page.getByRole("radio", { name: `${name} token`, exact: true })).toHaveAccessibleDescription(
    /Global token — teams Ops, Web/,
  );

  const teams = page.getByRole("group", { name: "Better Stack teams" });
  await expect(teams.getByRole("radio", { name: "All teams" })).toBeChecked();
  await teams.getByRole("checkbox", { name: "Ops", exact: true }).check();
  if (!javaScriptEnabled) {
    await teams.getByRole("radio", { name: "Only these teams" }).check();
  }
  await expect(teams.getByRole("radio", { name: "Only these teams" })).toBeChecked();
  await page.getByLabel("Connection Name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(teamsFact(page)).toHaveText("Ops");
  const before = (await queriesWith(request, token)).length;
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page).toHaveURL(/\/connections\/betterstack-uptime$/);

  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await openSection(page, "Settings");
  await expect(teamsFact(page)).toHaveText("Ops");
  await expect.poll(async () => (await queriesWith(request, token)).length).toBeGreaterThan(before);
  const pulled = (await queriesWith(request, token)).slice(before);
  expect(pulled.filter((q) => !q.includes("team_name=Ops"))).toEqual([]);

  const form = page.getByRole("region", { name: "Better Stack teams" });
  await form.getByRole("radio", { name: "All teams" }).check();
  await form.getByRole("button", { name: "Save Teams" }).click();
  await expect(teamsFact(page)).toHaveText("All teams (Ops, Web)");
  await expect((await historyEntries(page)).first()).toContainText(
    "Changed the Better Stack teams it reads from Ops to All teams",
  );
});
