// Screenshots of every screen for a person to look at (not a test suite): 390 and 320 px,
// light and dark, Danish and English, with six weeks of realistic data and a ticked sign.
// `scripts/shots.sh` runs it and writes PNGs to tests/e2e/shots/out (not committed).
import base from "./playwright.config.mjs";

export default { ...base, testDir: "./shots", testMatch: /.*\.shot\.mjs$/, forbidOnly: false };
