// Finds a Chromium for Playwright: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's
// own download (where the network allowed `npx playwright install chromium`). Null when none exists.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright throws when its browser was never downloaded.
  }
  return null;
}

export const CHROMIUM_HELP = [
  "No Chromium found for the end-to-end tests. Install one of:",
  "  Debian/Ubuntu:  apt-get install -y chromium fonts-noto-cjk",
  "  or, with network access:  npx playwright install chromium",
  "  or point CHROMIUM_PATH at any Chromium/Chrome binary.",
].join("\n");
