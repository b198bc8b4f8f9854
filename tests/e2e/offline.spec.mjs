// Offline: after one visit the service worker serves the whole app without a network.
import { test, expect, waitForController, switchLanguage } from "./fixtures.mjs";

test("the app starts offline after one visit", async ({ page, context }) => {
  const cspErrors = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });

  await page.goto("./#/");
  await page.waitForLoadState("load");
  expect(cspErrors, "no Content-Security-Policy violations").toEqual([]);
  await expect(page.getByRole("heading", { level: 1, name: /Trinvis/ })).toBeVisible();
  await waitForController(page);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response, "the reload got a response").not.toBeNull();
  expect(response.fromServiceWorker(), "the page came from the service worker").toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: /Trinvis/ })).toBeVisible();
  // The learn pages are files of their own, precached too: they open offline in both
  // languages although they were never opened online.
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Lær", exact: true }).click();
  await page.getByRole("link", { name: "Når smerten blusser op" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Når smerten blusser op" })).toBeVisible();
  await switchLanguage(page);
  await expect(page.getByRole("heading", { level: 2 }).first()).not.toHaveText("Når smerten blusser op");
  await expect(page.getByText(/^Source: /)).toBeVisible();

  expect(cspErrors, "no Content-Security-Policy violations").toEqual([]);
  await context.setOffline(false);
});
