/**
 * The external clients the suite runs. A missing one fails the suite with the
 * command that installs it: conformance is never skipped.
 */
import { execFile, execFileSync } from "node:child_process";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Debian's Python, which has python3-feedparser (the pyenv python on PATH does not). */
export const SYSTEM_PYTHON = "/usr/bin/python3";

const INSTALL_HINT = "install the conformance tools with `bash scripts/ci-deps.sh` (as root)";

/** Throws unless `command` runs: `probe` are arguments that make it exit 0 quickly. */
export function requireTool(command: string, probe: string[], what: string): void {
  try {
    execFileSync(command, probe, { stdio: "ignore", timeout: 30_000 });
  } catch (error) {
    throw new Error(`${what} is missing (${command} ${probe.join(" ")} failed: ${(error as Error).message}); ${INSTALL_HINT}`);
  }
}

/** Throws unless `command` is on PATH (for tools with no quick, exit-0 probe). */
export function requireCommand(command: string, what: string): void {
  requireTool("/bin/sh", ["-c", `command -v ${command}`], what);
}

export function requireFeedparser(): void {
  requireTool(SYSTEM_PYTHON, ["-c", "import feedparser"], "Python feedparser for /usr/bin/python3 (Debian python3-feedparser)");
}

/** Run a command to completion; never throws on a non-zero exit (callers assert on it). */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
