/** The load generator the bench drives (h2load): installed from Debian when missing. */
import { execFileSync, spawnSync } from "node:child_process";

/** The load generator, by command and Debian package. */
const TOOLS = [
  { command: "h2load", probe: ["--version"], pkg: "nghttp2-client" },
];

/** Make sure h2load is installed: Debian's packages when apt-get is usable, else a clear message. */
export function ensureLoadTools(): void {
  const missing = TOOLS.filter(({ command, probe }) => spawnSync(command, probe).error !== undefined).map(({ pkg }) => pkg);
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  if (root && spawnSync("apt-get", ["--version"]).error === undefined) {
    console.error(`installing Debian's ${missing.join(" ")} (apt-get update && apt-get install -y ${missing.join(" ")})…`);
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", ...missing], { stdio: "inherit" });
    return;
  }
  throw new Error(`npm run bench needs ${missing.join(" and ")}: install with \`sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}\` (Debian/Ubuntu), then run it again.`);
}
