import { test, expect } from "./fixtures";
import { invite, join, newPerson, teamToken } from "./people";
import { STEP_TWO } from "./stepper";

// Someone with more connections than a page holds: 50 a page, by name, with Previous/Next
// links that work with and without JavaScript. The connections are private to a new member,
// so the other tests' lists stay as they are.
test("the connections list shows 50 a page and pages with Previous and Next", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  const email = `pager-${Date.now()}-${javaScriptEnabled ? "js" : "nojs"}@acme.test`;
  const link = await invite(page, email, "Member");
  const member = await newPerson(browser, testInfo);
  await join(member, link, "Pia Pager", "pia's long enough passphrase");

  // A token Better Stack rejects, saved without checking: each connection's first sync ends
  // at its first request, so 55 of them do not keep the server's sync slots from other tests.
  await member.goto("/settings/connections/new/credential?source=betterstack-uptime");
  const save = await member.locator("form[action*='save_credential']").getAttribute("action");
  const saved = await member.request.post(save!, {
    form: { source: "betterstack-uptime", name: "Pager token", description: "", token: `revoked_${teamToken()}`, check: "skip", return_to: "" },
    maxRedirects: 0,
  });
  expect(saved.status(), await saved.text()).toBeLessThan(400);
  await member.goto(STEP_TWO);
  const credential = await member.getByRole("radio", { name: "Pager token", exact: true }).getAttribute("value");
  // Finish's form, as the page renders it: its action is the server function to post to.
  await member.goto(`/settings/connections/new?step=finish&source=betterstack-uptime&credential=${credential}&name=x&privacy=private`);
  const action = await member.locator("form[action*='create_connection']").getAttribute("action");
  for (let n = 1; n <= 55; n++) {
    const name = `Zz paging ${String(n).padStart(3, "0")}`;
    const reply = await member.request.post(action!, {
      form: { source: "betterstack-uptime", credential: credential!, name, privacy: "private", team: "" },
      maxRedirects: 0,
    });
    expect(reply.status(), await reply.text()).toBeLessThan(400);
  }

  await member.goto("/connections/betterstack-uptime");
  const pager = member.getByRole("navigation", { name: "Connections pages" });
  await expect(pager).toContainText(/Page 1 of \d+ \(\d+ connections\)/);
  await expect(member.getByRole("row")).toHaveCount(51); // the header and 50 connections
  await expect(pager.getByRole("link", { name: "Previous" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(member).toHaveURL(/\?page=2$/);
  await expect(pager).toContainText("Page 2 of");
  await expect(pager.getByRole("link", { name: "Previous" })).toBeVisible();

  const text = (await pager.textContent())!;
  const pages = Number(/of (\d+)/.exec(text)![1]);
  await member.goto(`/connections/betterstack-uptime?page=${pages}`);
  await expect(member.getByRole("link", { name: "Zz paging 055" })).toBeVisible();
  await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(member).toHaveURL(new RegExp(`\\?page=${pages - 1}$`));
  await member.context().close();
});
