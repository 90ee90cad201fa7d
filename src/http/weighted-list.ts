/** `Accept`-style lists: `a/b;q=0.5, c` → [{ value: "a/b", q: 0.5 }, { value: "c", q: 1 }], lowercased. */
export function parseWeightedList(header: string): Array<{ value: string; q: number }> {
  return header.split(",").map((part) => {
    const [value = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.map((p) => /^q\s*=\s*([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    return { value, q: Number.isNaN(weight) ? 0 : weight };
  });
}
