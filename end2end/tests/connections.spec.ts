import { test, expect } from "./fixtures";
import { ADMIN, createTeam, invite, join, newPerson, openSettings, teamToken } from "./people";
import { STEP_TWO, addCredential, fillCredential, finishConnection, openCredentialOverlay } from "./stepper";

test("the full flow: Settings → Connections → Add Connection → Finish", async ({ page, javaScriptEnabled }) => {
  const token = teamToken();
  await openSettings(page, "Connections", javaScriptEnabled);
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await page.getByRole("link", { name: "Add Connection" }).click();

  const steps = page.getByRole("navigation", { name: "Add Connection steps" });
  await expect(steps.getByRole("listitem")).toHaveText(["1. Select Source", "2. Set Up Credentials", "3. Finish"]);
  await expect(steps.getByRole("listitem").first()).toHaveAttribute("aria-current", "step");
  await page.getByLabel("Search sources").fill("uptime");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Better Stack Uptime", exact: true }).click();
  await expect(steps.getByRole("listitem").nth(1)).toHaveAttribute("aria-current", "step");

  await openCredentialOverlay(page, javaScriptEnabled);
  await page.getByText("Where do I get this token?").click();
  await expect(page.getByText("In Better Stack, open Settings → API Tokens.")).toBeVisible();
  await fillCredential(page, "Production", token);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const tile = page.getByRole("radio", { name: "Production", exact: true });
  await expect(tile).toBeChecked();
  await expect(tile).toHaveAccessibleDescription(/Team token — Ops/);
  const label = page.locator("label.credential-tile", { hasText: "Production" });
  await expect(label).toContainText(`••••${token.slice(-4)}`);
  await expect(label).toContainText("Team token — Ops");
  await expect(label).toContainText(`by ${ADMIN.name}`);
  await expect(page.getByRole("radio", { name: "Private to Me" })).toBeChecked();

  await finishConnection(page, "Production uptime", "Shared with Workspace");
  await expect(page.getByRole("heading", { level: 1, name: "Better Stack Uptime" })).toBeVisible();
  const row = page.getByRole("row", { name: /Production uptime/ });
  await expect(row).toContainText(ADMIN.name);
  await expect(row).toContainText("Shared with Workspace");
  await expect(row).toContainText(`••••${token.slice(-4)}`);
  expect(await page.content()).not.toContain(token);

  await row.getByRole("link", { name: "Production uptime" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Production uptime" })).toBeVisible();
  expect(await page.content()).not.toContain(token);
});

test("each check outcome says what happened, and only a working or unchecked token is saved", async ({ page, javaScriptEnabled }) => {
  await page.goto(STEP_TWO);
  await openCredentialOverlay(page, javaScriptEnabled);

  await fillCredential(page, "Revoked", `revoked_${teamToken()}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const token = page.getByLabel("API Token");
  await expect(token).toHaveAccessibleDescription("Better Stack rejected this token (invalid or revoked).");
  await expect(page.getByRole("alert")).toContainText("Better Stack rejected this token");
  await expect(page.getByLabel("Credential Name")).toHaveValue("Revoked");
  await expect(token).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("API Token").fill(`telemetry_${teamToken()}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(token).toHaveAccessibleDescription("The token has no Uptime access (is it a Telemetry token?).");
  await expect(page.getByRole("button", { name: "Save without checking" })).toHaveCount(0);

  await page.getByLabel("API Token").fill(`throttled_${teamToken()}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(token).toHaveAccessibleDescription("Better Stack is limiting requests right now. Try again in 30 seconds.");

  const later = `down_${teamToken()}`;
  await page.getByLabel("Credential Name").fill("Check later");
  await page.getByLabel("API Token").fill(later);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(token).toHaveAccessibleDescription("Better Stack could not be reached.");
  // The token is never sent back to the page; without JavaScript it is typed again.
  if (!javaScriptEnabled) {
    await expect(page.getByLabel("API Token")).toHaveValue("");
    await page.getByLabel("API Token").fill(later);
  }
  await page.getByRole("button", { name: "Save without checking" }).click();
  const tile = page.locator("label.credential-tile", { hasText: "Check later" });
  await expect(tile).toContainText("Not checked");
  await expect(page.getByRole("radio", { name: "Check later", exact: true })).toBeChecked();
  await expect(page.locator("label.credential-tile", { hasText: "Revoked" })).toHaveCount(0);
});

test("a saved credential is reused for a second connection", async ({ page, javaScriptEnabled }, testInfo) => {
  const name = `Shared ${testInfo.project.name}`;
  await page.goto(STEP_TWO);
  await addCredential(page, javaScriptEnabled, name, teamToken());
  await finishConnection(page, `${name} one`, "Private to Me");

  await page.goto(STEP_TWO);
  await page.getByRole("radio", { name, exact: true }).check();
  await finishConnection(page, `${name} two`, "Private to Me");
  await expect(page.getByRole("row", { name: new RegExp(`${name} one`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${name} two`) })).toBeVisible();

  await page.goto(STEP_TWO);
  await expect(page.locator("label.credential-tile", { hasText: name })).toContainText("Used by 2 connections");
});

test("a connection shared with a team is seen by that team only", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  test.setTimeout(60_000); // two people join and two teams are made, all through the UI
  const mode = testInfo.project.name;
  const red = await newPerson(browser, testInfo);
  await join(red, await invite(page, `red-${mode}@acme.test`, "Member"), "Rita Red", "rita's long password");
  const blue = await newPerson(browser, testInfo);
  await join(blue, await invite(page, `blue-${mode}@acme.test`, "Member"), "Bill Blue", "bill's long password");
  await createTeam(page, `Red ${mode}`, [ADMIN.name, "Rita Red"]);
  await createTeam(page, `Blue ${mode}`, ["Bill Blue"]);

  await page.goto(STEP_TWO);
  await addCredential(page, javaScriptEnabled, `Red token ${mode}`, teamToken());
  await page.getByLabel("Connection Name").fill(`Red only ${mode}`);
  await page.getByRole("radio", { name: "Shared with Team" }).check();
  await page.getByLabel("Team", { exact: true }).selectOption({ label: `Red ${mode}` });
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Finish" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Red only ${mode}`) });
  await expect(row).toContainText(`Shared with Team (Red ${mode})`);
  const detail = await row.getByRole("link").getAttribute("href");

  await red.goto("/connections/betterstack-uptime");
  await expect(red.getByRole("row", { name: new RegExp(`Red only ${mode}`) })).toBeVisible();
  await blue.goto("/connections/betterstack-uptime");
  await expect(blue.getByRole("heading", { level: 1, name: "Better Stack Uptime" })).toBeVisible();
  await expect(blue.getByRole("row", { name: new RegExp(`Red only ${mode}`) })).toHaveCount(0);
  await blue.goto(detail!);
  await expect(blue.getByText("We could not find that.")).toBeVisible();
});
