import { defineConfig, devices } from "@playwright/test";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

// The suite runs twice, against two servers with their own databases: once with JavaScript
// (the hydrated app) and once without (server-rendered HTML and plain form posts).
export const MODES = [
  { name: "js", port: 3100, javaScriptEnabled: true },
  { name: "no-js", port: 3101, javaScriptEnabled: false },
] as const;

const repo = path.resolve(__dirname, "..");
const serverBin = process.env.PLUGBOARD_BIN ?? path.join(repo, "target/debug/plugboard");
const doubleBin = process.env.BETTERSTACK_DOUBLE_BIN ?? path.join(repo, "target/debug/betterstack-double");
/** The local Better Stack test double both servers talk to. */
export const DOUBLE_URL = "http://127.0.0.1:3199";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// This file is also loaded by each worker; the environment carries one run's values to them.
// A run's databases go in target/e2e, emptied when the run starts: the last run's are there to
// look at after a failure, and runs do not pile up in the temporary directory.
if (!process.env.PLUGBOARD_E2E_DIR) {
  const scratchDir = path.join(repo, "target", "e2e");
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { recursive: true });
  process.env.PLUGBOARD_E2E_DIR = scratchDir;
}
process.env.PLUGBOARD_E2E_KEY ??= crypto.randomBytes(32).toString("base64");
const scratch = process.env.PLUGBOARD_E2E_DIR;

/** Where a mode's setup project leaves the first Admin's cookies. */
export function adminStatePath(mode: string): string {
  return path.join(scratch, `${mode}-admin.json`);
}

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // One SQLite file per server and two cores: tests run one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // Per mode: a setup project runs the first run (it needs the empty database) and saves the
  // Admin's signed-in state; the mode's other tests start from it.
  projects: MODES.flatMap((mode) => {
    const use = {
      ...devices["Desktop Chrome"],
      baseURL: `http://127.0.0.1:${mode.port}`,
      javaScriptEnabled: mode.javaScriptEnabled,
    };
    return [
      { name: `${mode.name}-first-run`, testMatch: /first-run\.setup\.ts/, use },
      {
        name: mode.name,
        dependencies: [`${mode.name}-first-run`],
        use: { ...use, storageState: adminStatePath(mode.name) },
      },
    ];
  }),
  webServer: [
    {
      command: `${doubleBin} --port 3199`,
      url: `${DOUBLE_URL}/__double/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
    ...MODES.map((mode) => ({
      command: serverBin,
      cwd: repo,
      url: `http://127.0.0.1:${mode.port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
      env: {
        PATH: process.env.PATH ?? "",
        LEPTOS_SITE_ADDR: `127.0.0.1:${mode.port}`,
        DATABASE_URL: `sqlite://${scratch}/${mode.name}.db`,
        PLUGBOARD_MASTER_KEY: process.env.PLUGBOARD_E2E_KEY!,
        RUST_LOG: process.env.PLUGBOARD_E2E_LOG ?? "warn",
        BETTERSTACK_UPTIME_URL: DOUBLE_URL,
      },
    })),
  ],
});
