/**
 * The agencies wirefeed knows by name: how each is written in copy, and the
 * name it is shown by. A new agency joins here (and, if its copy has its own
 * dateline or end mark, in datelines.ts or trailers.ts).
 */
const AGENCIES: ReadonlyArray<readonly [shown: string, ...written: string[]]> = [
  ["Reuters", "reuters", "رويترز", "רויטרס", "рейтер", "路透社", "ロイター"],
  ["AP", "ap", "associated press", "the associated press"],
  ["AFP", "afp", "agence france-presse", "agence france presse"],
  ["EFE", "efe", "agencia efe"],
  ["dpa", "dpa"],
  ["dapd", "dapd"],
  ["ANSA", "ansa"],
  ["Kyodo", "kyodo", "共同"],
  ["Xinhua", "xinhua", "新华社", "新華社", "شينخوا", "синьхуа"],
  ["Yonhap", "yonhap", "연합뉴스"],
  ["PTI", "pti", "भाषा", "press trust of india"],
  ["IANS", "ians", "आईएएनएस"],
  ["AA", "aa", "anadolu", "anadolu agency"],
  ["TASS", "tass", "тасс", "itar-tass"],
  ["Bloomberg", "bloomberg", "bloomberg news"],
  ["UPI", "upi"],
  ["The Canadian Press", "cp", "the canadian press", "canadian press", "la presse canadienne"],
  ["AAP", "aap"],
  ["Lusa", "lusa", "agência lusa"],
  ["Europa Press", "europa press"],
  ["askanews", "askanews"],
  ["PA", "pa"],
  ["ATS", "ats"],
  ["Belga", "belga"],
  ["ANP", "anp"],
  ["APA", "apa"],
  ["KNA", "kna"],
  ["RIA Novosti", "ria novosti", "риа новости"],
  ["Interfax", "interfax", "интерфакс"],
  ["Ukrinform", "ukrinform"],
  ["Antara", "antara"],
  ["Bernama", "bernama"],
  ["NTB", "ntb"],
  ["TT", "tt"],
  ["STT", "stt"],
  ["Ritzau", "ritzau"],
  ["PAP", "pap"],
  ["ČTK", "ctk", "čtk"],
  ["ANA-MPA", "ana-mpa", "ana"],
  ["Agerpres", "agerpres"],
  ["IRNA", "irna"],
  ["WAFA", "wafa"],
  ["MENA", "mena"],
];

const BY_NAME = new Map<string, string>();
for (const [shown, ...written] of AGENCIES) for (const name of written) BY_NAME.set(name, shown);

/**
 * The agency's usual name for `text` as copy writes it (`REUTERS`, `dpa/lnw`,
 * `Xinhua`), or undefined when it is none wirefeed knows. Regional services
 * (`dpa/bb`, `dpa-AFX`) are their agency.
 */
export function knownAgency(text: string): string | undefined {
  const name = text.trim().replace(/\.$/, "").toLowerCase();
  return BY_NAME.get(name) ?? BY_NAME.get(name.replace(/[/-][\p{L}]{1,6}$/u, ""));
}

/** The agency as shown: a known one by its usual name, any other as written but for regional codes. */
export function agencyName(text: string): string {
  return knownAgency(text) ?? text.trim();
}
