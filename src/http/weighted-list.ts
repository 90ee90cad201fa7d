/**
 * `Accept`-style lists (RFC 9110 §12.4.2): `a/b;q=0.5, c` →
 * [{ value: "a/b", q: 0.5 }, { value: "c", q: 1 }], values lowercased, other
 * parameters dropped.
 *
 * A weight is `q=` then 0 to 1 with at most three decimals; an element whose
 * weight is anything else (`q=-1`, `q=abc`, `q=1e-9`, `q="0"`, `q=1.5`) is
 * ignored, as if it had not been sent: guessing what it meant could turn a
 * refusal into a preference.
 */
export interface Weighted {
  value: string;
  q: number;
}

const QVALUE = /^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/;

export function parseWeightedList(header: string): Weighted[] {
  const list: Weighted[] = [];
  for (const element of header.split(",")) {
    const [value = "", ...params] = element.split(";").map((part) => part.trim());
    if (value === "") continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      if (param.length < 2 || (param[0] !== "q" && param[0] !== "Q") || param[1] !== "=") continue;
      const weight = param.slice(2);
      valid = QVALUE.test(weight);
      if (valid) q = Number(weight);
      break;
    }
    if (valid) list.push({ value: value.toLowerCase(), q });
  }
  return list;
}
