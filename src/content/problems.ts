/**
 * A problem found in a seed, reported as `seeds/<file>:<line>: <what was
 * found>, expected <what>` so an editor can jump straight to it (or
 * `seeds/<file>: …` when the file itself is the problem).
 */
export interface Problem {
  file: string;
  /** Absent when the problem is the file itself (it cannot be read). */
  line?: number;
  found: string;
  expected: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.found}, expected ${problem.expected}`;
}
