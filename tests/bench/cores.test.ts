import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { onCpus, placement } from "../../bench/cores";

describe("bench/cores.ts", () => {
  it("gives workerd the last core and the clients the others", () => {
    expect(placement({}, 2)).toEqual({ server: "1", client: "0", all: "0-1", pinned: true });
    expect(placement({}, 8)).toEqual({ server: "7", client: "0-6", all: "0-7", pinned: true });
  });

  it("takes the cores BENCH_SERVER_CPUS and BENCH_CLIENT_CPUS name", () => {
    expect(placement({ BENCH_SERVER_CPUS: "2-3", BENCH_CLIENT_CPUS: "0,1" }, 4)).toMatchObject({ server: "2-3", client: "0,1", pinned: true });
  });

  it("refuses a core list taskset would not read, naming the variable", () => {
    expect(() => placement({ BENCH_SERVER_CPUS: "last" }, 4)).toThrow('BENCH_SERVER_CPUS is "last", expected a CPU list such as 1 or 2-3');
  });

  it("pins nothing on a single core, and says so", () => {
    expect(placement({}, 1)).toEqual({ server: "0-0", client: "0-0", all: "0-0", pinned: false });
  });

  it("runs a command on the cores it names", () => {
    const [command, args] = onCpus("0", "sh", ["-c", "taskset -pc $$"]);
    expect(execFileSync(command, args, { encoding: "utf8" })).toMatch(/current affinity list: 0\n$/);
  });
});
