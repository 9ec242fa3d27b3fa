import { test, expect } from "./fixtures";
import { teamToken } from "./people";
import { newConnection } from "./stepper";
import { openSection, sections, waitForSync } from "./sections";

/** An exact time as `<time datetime>` carries it. */
const EXACT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The charts of the Overview, by the title their figure is named by. */
const CHARTS = [
  "Availability per monitor, last 30 days",
  "Incidents per day, last 90 days",
  /^Response time of /,
  "Time to acknowledge",
  "Time to resolve",
];

test("a connection's page reads top-down: its header, then each section by its link", async ({ page, javaScriptEnabled }, testInfo) => {
  const name = `Top down ${testInfo.project.name}`;
  const path = await newConnection(page, javaScriptEnabled, name, teamToken());
  await waitForSync(page, path);

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const header = page.locator(".connection-header");
  await expect(header).toContainText("Healthy");
  for (const fact of ["Source", "Privacy", "Owner", "Last sync"]) {
    await expect(header.getByRole("term").filter({ hasText: fact })).toBeVisible();
  }
  await expect(header.locator("time")).toHaveAttribute("datetime", EXACT);

  // The Overview is where the page starts.
  await expect(sections(page).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  const overview = page.getByRole("region", { name: "Overview" });
  await expect(overview).toContainText("Monitors (3)");
  await expect(overview).toContainText("Open incidents");

  await openSection(page, "Data");
  await expect(page).toHaveURL(/section=data/);
  await expect(page.getByRole("region", { name: "Data" }).getByRole("table", { name: "Monitors" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Overview" })).toHaveCount(0);
  // A table's times read as every other time does, the exact value in `datetime`.
  await page.getByRole("region", { name: "Data" }).getByRole("link", { name: "Incidents", exact: true }).click();
  const started = page.getByRole("table", { name: "Incidents" }).locator("td time").first();
  await expect(started).toHaveAttribute("datetime", EXACT);
  await expect(started).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

  await openSection(page, "Settings");
  await expect(page.getByRole("region", { name: "Name", exact: true }).getByLabel("Connection Name")).toBeVisible();
  const danger = page.getByRole("region", { name: "Danger zone" });
  await expect(danger.getByRole("button", { name: "Delete Connection" })).toBeVisible();

  await openSection(page, "History");
  const created = page.getByRole("region", { name: "History" }).getByRole("listitem").last();
  await expect(created).toContainText(`Created “${name}”`);
  await expect(created.locator("time")).toHaveAttribute("datetime", EXACT);

  // A section's address can be bookmarked.
  await page.goto(`${path}?section=settings`);
  await expect(sections(page).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
});

test("every chart of the Overview is drawn with a text alternative", async ({ page, javaScriptEnabled }, testInfo) => {
  const path = await newConnection(page, javaScriptEnabled, `Charts ${testInfo.project.name}`, teamToken());
  await waitForSync(page, path);
  for (const title of CHARTS) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure).toHaveCount(1);
    // The drawing is an image named by the caption, which also says what stands out.
    await expect(figure.getByRole("img")).toHaveAccessibleName(title instanceof RegExp ? title : new RegExp(`^${title}`));
    await expect(figure.locator("figcaption span")).not.toBeEmpty();
    await figure.getByText("Show the numbers").click();
    await expect(figure.getByRole("table")).toBeVisible();
    expect(await figure.getByRole("row").count()).toBeGreaterThan(1);
  }
  const availability = page.getByRole("figure", { name: CHARTS[0] as string });
  await expect(availability.getByRole("table")).toContainText("%");
  const incidents = page.getByRole("figure", { name: CHARTS[1] as string });
  await expect(incidents.getByRole("row")).toHaveCount(91); // a header and 90 days

  // Another monitor's response times, chosen with a plain form.
  const chooser = page.getByLabel("Response times of");
  const other = (await chooser.locator("option").allTextContents()).at(-1)!;
  await chooser.selectOption({ label: other });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByRole("figure", { name: `Response time of ${other}` })).toBeVisible();
});
