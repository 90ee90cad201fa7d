/**
 * A problem found in a seed, reported as `seeds/<file>:<line>: <what was
 * found>, expected <what>` so an editor can jump straight to it.
 */
export interface Problem {
  file: string;
  line: number;
  found: string;
  expected: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.found}, expected ${problem.expected}`;
}
