import type { Credit } from "../article";
import { readNames } from "./names";

/**
 * What agencies put after the story: credits (Reuters' `(Reporting by …;
 * Editing by …)`, AP's `___` and "… contributed to this report", Bloomberg's
 * contact block), copyright lines and end marks (`Enditem`, `(END)`, `(完)`,
 * `==Kyodo`, `--IANS`, `Lusa/Fim`, AFP's `burs-pdw/tym`, dpa's `dpa ab xy`).
 * Each is one recogniser in `TRAILERS`, read from the last paragraph up.
 */
export interface Trailer {
  paragraphs: string[];
  /** The reporters the credits name (`Reporting by`, Bloomberg's reporter). */
  authors: string[];
  contributors: Credit[];
  rights?: string;
  initials?: string;
  /** The agency an end mark names (`==Kyodo`, `--IANS`, `Lusa/Fim`). */
  agency?: string;
}

/** Trailer lines are short; the patterns never see a longer paragraph. */
const MAX_TRAILER = 400;

/** A trailer being read: Bloomberg contact lines wait for the line above that says whose they are. */
interface Working extends Trailer {
  pendingContacts?: string[];
}

type Recogniser = (paragraph: string, into: Working) => boolean;

/** End marks on their own line: the agency they name, if any. */
const END_MARKS: ReadonlyArray<readonly [RegExp, string?]> = [
  [/^(?:enditem|\(end\)|\(ends\)|\(完\)|完|-\s*30\s*-|#{3}|\(more\)|more to follow|\(fin\)|\(fim\)|\(ende\))\.?$/iu],
  // Shouted only: `Fin.` may close a Spanish story's last sentence.
  [/^(?:END|ENDS|MORE|FIN|FIM|ENDE|-\s*0\s*-)$/u],
  [/^（完）$|^\(끝\)$|^انتهى\.?$/u],
  [/^==\s*kyodo$/iu, "Kyodo"],
  [/^--\s*(?:ians|आईएएनएस)$/iu, "IANS"],
  // PTI's Hindi service signs off `भाषा` and the editors' names.
  [/^भाषा(?:\s+[\p{L}\p{M}]+){0,4}$/u, "PTI"],
  [/^this report by the canadian press was first published\b.*$|^ce (?:reportage|texte|article) de la presse canadienne a été publié pour la première fois\b.*$/iu, "The Canadian Press"],
  [/^(?:this is a developing story|this story is developing|developing story)\b.*$/iu],
  [/^(?:plus d'informations à suivre|plus d’informations à suivre|más información en breve|ampliaremos|mehr in kürze|seguiranno aggiornamenti)\.?$/iu],
  [/^source text(?: for eikon)?:.*$/iu],
  [/^further company coverage:?.*$/iu],
  // Yonhap's reporter's address closing the copy.
  [/^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}$/u],
  [/^lusa\s*\/\s*fim\.?$/iu, "Lusa"],
  [/^\(ansa\)\.?$/iu, "ANSA"],
  [/^our standards:.*$/iu],
  [/^this material may not be published, broadcast, rewritten or redistributed\.?$/iu],
  [/^___+$|^—{2,}$|^-{3,}$/u],
];

/** The same marks closing the last sentence: `… said. Enditem`, `… (END)`. */
const CLOSING_MARK = /^([\s\S]*\S)\s*(?:enditem|\(end\)|\(完\)|（完）|\(끝\)|انتهى|==\s*kyodo|--\s*ians|\(ansa\)\.?)\s*$/iu;

const endMark: Recogniser = (paragraph, into) => {
  for (const [pattern, agency] of END_MARKS) {
    if (!pattern.test(paragraph)) continue;
    if (agency !== undefined) into.agency ??= agency;
    return true;
  }
  return false;
};

/** AFP `burs-pdw/tym`, EFE-style `is/mp`, Lusa `ABC // XYZ`, dpa `dpa ab xy`, PTI `PTI ABC XYZ`. */
const INITIALS: ReadonlyArray<readonly [RegExp, ((m: RegExpExecArray) => string)?]> = [
  // ANSA `COM-GU/`, askanews `Ihr/Int5`, IANS in Hindi `एसकेपी/एबीएम`.
  [/^[\p{L}\p{M}]{1,8}(?:-[\p{L}\p{M}]{1,8}){0,3}(?:\s*\/{1,2}\s*[\p{L}\p{M}\d]{1,8}(?:-[\p{L}\p{M}]{1,8}){0,3}){1,6}$|^\p{Lu}{2,5}(?:-\p{Lu}{2,5}){1,3}\/$/u],
  [/^dpa(?:[/-][a-z]{1,6})?((?:\s+[a-z0-9]{1,4}){1,6})$/iu, (m) => m[1]!.trim()],
  [/^pti((?:\s+[a-z]{2,4}){1,5})$/iu, (m) => m[1]!.trim()],
];

const initials: Recogniser = (paragraph, into) => {
  for (const [pattern, pick] of INITIALS) {
    const match = pattern.exec(paragraph);
    if (!match) continue;
    into.initials ??= pick ? pick(match) : paragraph.replace(/\s+/g, "");
    return true;
  }
  return false;
};

/** `Copyright 2026 The Associated Press. All rights reserved.`, `©2026 Bloomberg L.P.` */
const rights: Recogniser = (paragraph, into) => {
  if (!/^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b|(?:the\s+)?\p{Lu})/iu.test(paragraph)) return false;
  into.rights ??= paragraph;
  return true;
};

/** Reuters: `(Reporting by A in London and B; Additional reporting by C; Writing by D; Editing by E)`. */
const ROLES: ReadonlyArray<readonly [RegExp, string | undefined]> = [
  [/^(?:additional reporting|additional writing|additional research|información adicional|reportaje adicional)\s+(?:by|de|por)\s+/iu, "additional reporting"],
  [/^(?:reporting|reported|reportage|información|informacion|reportaje|berichterstattung|bericht|reportagem)\s+(?:by|de|par|por|von)\s+/iu, undefined],
  [/^(?:writing|written|redacción|redaccion|escrito|rédaction|redação|texto)\s+(?:by|de|par|por|von)\s+/iu, "writing"],
  [/^(?:editing|edited|edición|edicion|editado|édité|édition|redigiert|editado)\s+(?:en español\s+)?(?:by|de|par|por|von)\s+/iu, "editing"],
  [/^(?:compiled|compiling)\s+by\s+/iu, "compiled"],
  [/^(?:research|graphics?|photos?|video|translation|translated|traducción|traduction)\s+(?:by|de|par|por)\s+/iu, "research"],
];

const reutersCredits: Recogniser = (paragraph, into) => {
  const inner = /^\((.*)\)$/su.exec(paragraph)?.[1];
  if (inner === undefined) return false;
  const credits: Array<{ role: string | undefined; names: string[] }> = [];
  for (const part of inner.split(/\s*;\s*/u)) {
    const row = ROLES.find(([pattern]) => pattern.test(part));
    if (row === undefined) return false;
    const [pattern, role] = row;
    const names = readNames(part.replace(pattern, "").replace(/\.$/, ""), { wherePlaces: true });
    if (names === undefined) return false;
    credits.push({ role, names });
  }
  for (const { role, names } of credits) {
    if (role === undefined) into.authors.push(...names);
    else into.contributors.push(...names.map((name) => ({ name, role })));
  }
  return credits.length > 0;
};

/** AP: `Associated Press writers A in Paris and B contributed to this report.` */
const CONTRIBUTED =
  /^(?:(?:the\s+)?(?:associated press|ap|reuters|bloomberg|afp)\s+)?(?:staff\s+)?(?:(?:video\s*)?(?:writers?|reporters?|correspondents?|journalists?|photographers?|videojournalists?|researchers?|news researchers?)\s+)?(.+?)\s+(?:also\s+)?contributed(?:\s+(?:to|reporting to)\s+this\s+(?:report|story))?\.?$/iu;

const contributed: Recogniser = (paragraph, into) => {
  const match = CONTRIBUTED.exec(paragraph);
  const names = match ? readNames(match[1]!, { wherePlaces: true }) : undefined;
  if (names === undefined) return false;
  into.contributors.push(...names.map((name) => ({ name, role: "contributed" })));
  return true;
};

/** Bloomberg: `To contact the reporter on this story: Jane Doe in London at jdoe@bloomberg.net`, editors likewise. */
const contactLine: Recogniser = (paragraph, into) => {
  const match = /^to contact the (reporters?|editors?|authors?)\b[^:]{0,60}:\s*(.*)$/isu.exec(paragraph);
  if (match) {
    const reporters = !/^editor/iu.test(match[1]!);
    for (const who of match[2]!.split(/\s*;\s*/u)) credit(who, reporters, into);
    return true;
  }
  // A contact on its own line (`Jane Doe in London at jdoe@bloomberg.net`): held as a reporter unless an editors' line precedes it.
  if (!/^[^@\s]+(?:\s+[^@\s]+){0,8}\s+at\s+\S+@\S+$/u.test(paragraph)) return false;
  into.pendingContacts = [paragraph, ...(into.pendingContacts ?? [])];
  return true;
};

function credit(who: string, reporter: boolean, into: Working): void {
  const name = who.replace(/\s+(?:in|at)\s+.*$/u, "").trim();
  const names = name === "" ? undefined : readNames(name);
  if (names === undefined) return;
  // Editors' contacts are the desk's, like the routing lines: the reporters are the story's authors.
  if (reporter) into.authors.push(...names);
}

/** Bloomberg: `--With assistance from Erika Yoshimura.` */
const assistance: Recogniser = (paragraph, into) => {
  const match = /^-{0,2}\s*with assistance from\s+(.+?)\.?$/iu.exec(paragraph);
  const names = match ? readNames(match[1]!, { wherePlaces: true }) : undefined;
  if (names === undefined) return false;
  into.contributors.push(...names.map((name) => ({ name, role: "assistance" })));
  return true;
};

/** Arabic Reuters: `(تغطية صحفية أحمد فهمي - إعداد سلمى نجم للنشرة العربية - تحرير مروة رشاد)`. */
const arabicCredits: Recogniser = (paragraph, into) => {
  const inner = /^\((تغطية صحفية[^()]*)\)$/u.exec(paragraph)?.[1];
  if (inner === undefined) return false;
  for (const part of inner.split(/\s+-\s+/u)) {
    const match = /^(تغطية صحفية|إعداد|تحرير|شارك في التغطية)\s+(.+?)(?:\s+للنشرة العربية)?$/u.exec(part.trim());
    if (!match) continue;
    const names = match[2]!.split(/\s+و(?=\p{L})|\s*،\s*/u).map((name) => name.trim()).filter((name) => name !== "");
    if (match[1] === "تغطية صحفية") into.authors.push(...names);
    else into.contributors.push(...names.map((name) => ({ name, role: match[1]! })));
  }
  return true;
};

const TRAILERS: readonly Recogniser[] = [endMark, initials, rights, reutersCredits, arabicCredits, contributed, assistance, contactLine];

/** Take the trailers off the end of `paragraphs` (not mutated); at least one paragraph stays. */
export function splitTrailers(paragraphs: readonly string[]): Trailer {
  const body = [...paragraphs];
  const into: Working = { paragraphs: body, authors: [], contributors: [] };
  while (body.length > 1) {
    const last = body.at(-1)!.trim();
    // Credits are read bottom-up; the story lists them top-down, so each paragraph's go before those after it.
    const [authors, contributors] = [into.authors, into.contributors];
    [into.authors, into.contributors] = [[], []];
    const taken = last.length <= MAX_TRAILER && TRAILERS.some((recognise) => recognise(last, into));
    [into.authors, into.contributors] = [[...into.authors, ...authors], [...into.contributors, ...contributors]];
    if (!taken) break;
    // A contact line held, then the line that says whose: Bloomberg's editors are contributors.
    if (into.pendingContacts !== undefined && /^to contact\b/iu.test(last)) {
      for (const contact of into.pendingContacts) credit(contact, !/editor/iu.test(last), into);
      into.pendingContacts = undefined;
    }
    body.pop();
  }
  // Only the paragraph's end is read: the mark is short, and a megabyte paragraph costs nothing.
  const closing = body.at(-1)!;
  const cut = Math.max(0, closing.length - 200);
  const mark = CLOSING_MARK.exec(closing.slice(cut));
  if (mark) body[body.length - 1] = closing.slice(0, cut) + mark[1]!;
  // Xinhua in Japanese closes with its reporter: `…予定だという。（記者/王明）`.
  const last = body.at(-1)!;
  const reporter = /^([\s\S]*\S)\s*[（(](?:記者|记者)\/?([^）)]{1,40})[）)]$/u.exec(last.slice(Math.max(0, last.length - 60)));
  if (reporter) {
    body[body.length - 1] = last.slice(0, Math.max(0, last.length - 60)) + reporter[1]!;
    into.authors.push(...reporter[2]!.split(/[、,，]\s*/u));
  }
  const { pendingContacts, ...trailer } = into;
  if (pendingContacts !== undefined) return { ...trailer, paragraphs: [...body, ...pendingContacts] };
  return trailer;
}
