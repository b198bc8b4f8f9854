// Playwright for Trinvis: runs against the release build in ../../dist (build it first:
// `trunk build --release` at the repo root), served statically like production.
// Browser: Debian's chromium (Playwright's own download is not reachable here).
// TRINVIS_DIST=/other/dir serves another build (used to test these specs on a stand-in).
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DIST = process.env.TRINVIS_DIST || "../../dist";
// TRINVIS_PORT lets two checkouts run their suites side by side.
const PORT = process.env.TRINVIS_PORT || "4173";

// Served as the serve command serves it: static-web-server with the config of
// scripts/serve-config.sh (precompressed files, cache headers, the CSP header).
const HERE = path.dirname(fileURLToPath(import.meta.url));
const distAbs = path.resolve(HERE, DIST);
let serverCommand = `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${DIST}`;
if (fs.existsSync(path.join(distAbs, "index.html"))) {
  const conf = path.join(os.tmpdir(), `trinvis-e2e-${PORT}.toml`);
  fs.writeFileSync(
    conf,
    execFileSync("bash", [path.join(HERE, "../../scripts/serve-config.sh"), distAbs, PORT], { encoding: "utf8" }),
  );
  serverCommand = `static-web-server --config-file ${conf}`;
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs$/,
  // CI has two cores: two workers halve the suite (tabs.spec shares its slow tests out).
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    command: serverCommand,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
