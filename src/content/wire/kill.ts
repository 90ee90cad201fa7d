/**
 * Kill and withdrawal notices: an agency telling clients to pull a story it
 * sent. Such a seed is refused at build time, never published.
 */

/** A notice's first word, shouted as agencies do (`KILL`, `MANDATORY KILL`, `ELIMINATE`, `WITHDRAWN`, `ANNULATION`, `ANULADA`). */
const SHOUTED = /^(?:\(?\s*)(?:MANDATORY KILL|KILL|ELIMINATE|ELIMINATION|WITHDRAWN|WITHDRAWAL|ANNULATION|ANNULÉ|ANULADA|ANULACIÓN|ELIMINAR|ANNULLATO|ANNULLA|STORNO|SPERRVERMERK|ACHTUNG)\b(?!\s+\p{Ll}+\s+\p{Ll})/u;
/** Asked in words: `Please kill the story headlined …`, `do not use`, `bitte nicht verwenden`, `Achtung … wird zurückgezogen`. */
const ASKED =
  /\b(?:please (?:kill|delete|withdraw|eliminate|disregard)|do not use|must not be used|se ruega (?:eliminar|no utilizar|anular)|favor de eliminar|eliminen la|bitte (?:nicht (?:verwenden|veröffentlichen)|löschen)|wird zurückgezogen|ist zurückgezogen|veuillez (?:supprimer|annuler|ne pas utiliser)|si prega di (?:eliminare|annullare))\b/iu;
/** How far into the copy a notice is looked for: it says so at once. */
const HEAD = 600;

/** What the notice says, when the headline or the copy's opening is a kill or withdrawal notice. */
export function killNotice(headline: string, opening: readonly string[]): string | undefined {
  for (const text of [headline, ...opening]) {
    const head = text.slice(0, HEAD);
    const match = SHOUTED.exec(head) ?? ASKED.exec(head);
    if (!match) continue;
    // `ACHTUNG` alone is an advisory (routing); only a withdrawal makes it a kill.
    if (/ACHTUNG/u.test(match[0]) && !/zurückgezogen|nicht verwenden/iu.test(head)) continue;
    return head.length > 80 ? `${head.slice(0, 77)}…` : head;
  }
  return undefined;
}

/** What the desk is told to do instead. */
export const WITHDRAW_HOW =
  "a story, not a notice: to withdraw a published story, set `status: withdrawn` in its seed's front matter, or add a seed with `status: withdrawn` and `replaces: <id of the story>`";
