import { createServer } from "node:net";

/**
 * Ports the suites that start servers (conformance, browser) may use:
 * WIREFEED_TEST_PORTS=9400-9499 on a shared machine whose firewall or
 * neighbours allow only a range; unset, the OS picks any free one.
 */
const RANGE = portRange(process.env.WIREFEED_TEST_PORTS);
/** Handed out by this process: a server may not listen on its port yet when the next is asked for. */
const given = new Set<number>();

/** A TCP port on 127.0.0.1 that nothing listens on now: for a server a test starts. */
export async function freePort(): Promise<number> {
  if (RANGE === undefined) return listenOn(0);
  const [first, last] = RANGE;
  // From a random place in the range, so two runs started together rarely try the same ports first.
  const start = Math.floor(Math.random() * (last - first + 1));
  for (let i = 0; i <= last - first; i++) {
    const port = first + ((start + i) % (last - first + 1));
    if (given.has(port)) continue;
    try {
      given.add(await listenOn(port));
      return port;
    } catch {
      // taken: the next
    }
  }
  throw new Error(`WIREFEED_TEST_PORTS=${process.env.WIREFEED_TEST_PORTS}: no free port left in ${first}-${last} on 127.0.0.1`);
}

/** `[first, last]` of a range written `9400-9499`, or undefined when none is set; anything else throws, saying what was expected. */
export function portRange(value: string | undefined): [number, number] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const match = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(value);
  const [first, last] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(first >= 1024 && first <= last && last <= 65535)) {
    throw new Error(`WIREFEED_TEST_PORTS is "${value}", expected a range of ports such as 9400-9499 (from 1024 to 65535, first to last)`);
  }
  return [first, last];
}

/** Listen on `port` (0: any) and close again: the port, if it was free. */
function listenOn(port: number): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
