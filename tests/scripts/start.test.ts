import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { scratchProject } from "../support/dev-server";

let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

describe("npm start", () => {
  it("on a port in use says so in one line and exits, instead of crashing wrangler's runtime", async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    cleanup.push(() => taken.close());
    const port = (taken.address() as { port: number }).port;
    const dir = scratchProject("tests/fixtures/seeds");
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const child = spawn("npm", ["start", "--silent"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PORT: String(port), WIREFEED_SEEDS: "" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((done) => child.on("exit", done));
    expect(code).toBe(1);
    expect(output).toBe(`wirefeed: port ${port} is in use (another npm start?); start on another with PORT=${port + 1} npm start\n`);
  });
});
