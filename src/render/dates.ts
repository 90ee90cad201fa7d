/** RFC 822 as RSS 2.0 wants it: `Fri, 21 Jan 2022 12:00:00 GMT`. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `21 January 2022`, for pages; written by hand so the bytes never depend on the runtime's ICU data. */
export function humanDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
