import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { portRange } from "../support/free-port";

const ROOT = join(import.meta.dirname, "../..");

/** freePort() `count` times in a fresh process with WIREFEED_TEST_PORTS=`range`. */
function ports(range: string, count: number): { ports: number[]; stderr: string } {
  const script = `import { freePort } from "./tests/support/free-port.ts"; const got = []; for (let i = 0; i < ${count}; i++) got.push(await freePort()); console.log(JSON.stringify(got));`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", env: { ...process.env, WIREFEED_TEST_PORTS: range } });
  return { ports: run.status === 0 ? (JSON.parse(run.stdout) as number[]) : [], stderr: run.stderr };
}

describe("test servers' ports (WIREFEED_TEST_PORTS)", () => {
  it("come from the range set, each once, until it runs out", () => {
    // A range nothing else here uses: the four ports are free, and a fifth is not there to give.
    expect(ports("47611-47614", 4).ports.sort((a, b) => a - b)).toEqual([47611, 47612, 47613, 47614]);
    expect(ports("47611-47614", 5).stderr).toContain("WIREFEED_TEST_PORTS=47611-47614: no free port left in 47611-47614 on 127.0.0.1");
  });

  it("a range written otherwise is refused, saying what was expected", () => {
    expect(portRange(undefined)).toBeUndefined();
    expect(portRange(" 9400 - 9499 ")).toEqual([9400, 9499]);
    for (const bad of ["9400", "9499-9400", "80-90", "9400-70000"]) {
      expect(() => portRange(bad)).toThrow(`WIREFEED_TEST_PORTS is "${bad}", expected a range of ports such as 9400-9499 (from 1024 to 65535, first to last)`);
    }
  });
});
