import { knownAgency } from "./agencies";
import { readNames } from "./names";

/**
 * Lines agencies put between the headline and the dateline, each recognised
 * by one small recogniser: a byline, a correction or update note, bullet
 * points, desk routing (an AP slug line, `Eds:`, `(ATTN: …)`), an embargo.
 * A new convention joins `RECOGNISERS`, with rows in tests/content/pre-dateline.test.ts.
 */
export type PreDateline =
  | { kind: "byline"; authors: string[]; agency?: string }
  | { kind: "note"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "routing" }
  | { kind: "embargo"; text: string };

/** None of these lines is long; longer ones are copy, and the patterns never see them. */
const MAX_LINE = 240;

/** `By`, `Par`, `Por`, `Von`, `Di`, `Door`, `Av`, `Af`, `Przez`, `Автор`, … and the names. */
const BYLINE = /^(?:by|par|por|von|di|door|av|af|przez|od|kirjoittanut|de|da|tarafından|автор|авторы|від|του|της|بقلم|از|מאת|作者|記者)[:\s]\s*(.+)$/iu;
/** What follows the names and is not one: `, Associated Press`, ` - Reuters`, `, AP White House Correspondent`, `Associated Press Writer`. */
const AFFILIATION =
  /(?:\s*[,(–—-]\s*|\s+)(?:(?:da|de la|de l'|de l’|der|of|for|para|pour)\s+)?(?:(?:agência|agencia|agence|agentur|agenzia|agency)\s+)?(?:(?:the\s+)?associated press|ap|reuters|afp|efe|dpa|ansa|upi|bloomberg(?: news)?|(?:the\s+)?canadian press|aap|xinhua|kyodo(?: news)?|yonhap|pti|ians|anadolu(?: agency)?|tass|lusa|europa press|askanews)\b[^,]{0,60}\)?$|\s*,\s*[^,]{0,60}\b(?:writer|correspondent|reporter|editor|columnist|corresponsal|redactor|redactora|enviado especial|enviada especial|correspondant|envoyé spécial|korrespondent|korrespondentin|redakteur|corrispondente|inviato|correspondente)\b[^,]{0,30}$/iu;

function byline(line: string): PreDateline | undefined {
  const match = BYLINE.exec(line);
  if (!match) return undefined;
  const names = match[1]!.replace(AFFILIATION, "").trim();
  // `By Reuters Staff`, `By The Associated Press`: a credit to the agency, which the story has anyway.
  if (names === "" || knownAgency(match[1]!) !== undefined || /^(?:\p{L}+\s+)?staff$/iu.test(names)) return { kind: "routing" };
  const authors = readNames(names);
  return authors === undefined ? undefined : { kind: "byline", authors };
}

/** Canadian Press: `Jordan Ellis, The Canadian Press`, `Marie-Ève Tremblay, La Presse Canadienne`: names, then the agency. */
function creditLine(line: string): PreDateline | undefined {
  const comma = line.lastIndexOf(",");
  if (comma === -1) return undefined;
  const agency = knownAgency(line.slice(comma + 1));
  const authors = agency === undefined ? undefined : readNames(line.slice(0, comma));
  return authors === undefined ? undefined : { kind: "byline", authors, agency: agency! };
}

/** Reuters and AP notes: `(Corrects paragraph 3 …)`, `UPDATES WITH …, CHANGES HEADLINE`, `(Adds quote …)`, in the languages served. */
const NOTE_VERBS =
  "corrects|correcting|corrected|adds|adding|updates|updating|recasts|refiles|refiling|changes|fixes|repeats|rewrites|removes|inserts|clarifies|replaces|restores|deletes|moves|writes through|writethru|corrige|corrigé|corrección|rectifica|rectificación|actualiza|actualización|añade|agrega|amplía|ajoute|rectificatif|actualise|berichtigt|berichtigung|ergänzt|aktualisiert|korrigiert|precisa|corregge|aggiorna|aggiunge|atualiza|acrescenta|corrige";
const NOTE_PARENS = new RegExp(String.raw`^\(\s*(?:${NOTE_VERBS})\b[^()]*(?:\([^()]*\)[^()]*)*\)$`, "iu");
const NOTE_SHOUTED = /^(?:UPDATES|ADDS|RECASTS|CHANGES|CORRECTS|REFILES|REPEATS|REWRITES|WRITES THROUGH|FIXES|INSERTS|REMOVES)\b[^a-z]*$/u;

function note(line: string): PreDateline | undefined {
  if (NOTE_PARENS.test(line)) return { kind: "note", text: line.slice(1, -1).trim() };
  if (NOTE_SHOUTED.test(line)) return { kind: "note", text: line };
  return undefined;
}

function bullet(line: string): PreDateline | undefined {
  const match = /^[*•·▪►–-]\s*(\S.*)$/u.exec(line);
  return match ? { kind: "bullet", text: match[1]!.trim() } : undefined;
}

/** AP slug lines (`BC-US--Congress-Spending, 2nd Ld-Writethru`, `AP-EU-Italy-Election`), `Eds:`, `(ATTN: …)`, `ATTENTION EDITORS`, `NOTE TO EDITORS`. */
const ROUTING = [
  /^(?:BC|AP|UR|AM|PM)-[A-Za-z]{1,12}-{1,2}[A-Za-z0-9-]+(?:[,;].*)?$/u,
  /^(?:eds?|editors?|nota (?:a los|para) editores|note aux rédactions|hinweis an die redaktionen)\s*:/iu,
  /^\(?\s*(?:attn|attention|atención|atencion|achtung|attenzione)\s*[:\s].*$/iu,
  /^(?:note to editors|advisory|sent to)\b/iu,
];

function routing(line: string): PreDateline | undefined {
  return ROUTING.some((pattern) => pattern.test(line)) ? { kind: "routing" } : undefined;
}

/** `EMBARGOED UNTIL 0001 GMT DEC 6`, `EMBARGADA HASTA …`, `SPERRFRIST …`, `EMBARGO …`, `HOLD FOR RELEASE …`. */
const EMBARGO = /^\(?\s*(?:embargoed|embargo(?:ed)?\s+(?:until|till|to|for)|embargo|embargada|embargado|sperrfrist|sous embargo|hold for release|not for (?:publication|release) (?:before|until))\b.*$/iu;

function embargo(line: string): PreDateline | undefined {
  return EMBARGO.test(line) ? { kind: "embargo", text: line.replace(/^\(\s*/, "").replace(/\s*\)$/, "") } : undefined;
}

/** In order: a line the slug-line pattern reads is routing before it is a bullet (`-` lines). */
const RECOGNISERS: ReadonlyArray<(line: string) => PreDateline | undefined> = [routing, embargo, note, byline, creditLine, bullet];

/** What `line` is, when it is one of the lines agencies put before the dateline. */
export function recognisePreDateline(line: string): PreDateline | undefined {
  if (line.length > MAX_LINE) return undefined;
  for (const recognise of RECOGNISERS) {
    const found = recognise(line);
    if (found !== undefined) return found;
  }
  return undefined;
}
