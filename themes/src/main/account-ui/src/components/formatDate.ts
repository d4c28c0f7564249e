/** Date and time in the user's locale, e.g. "23 Nov 2026, 10:15"; `fallback` for a missing value. */
export function formatDateTime(
  iso: string | null | undefined,
  locale: string,
  fallback = "—",
): string {
  if (!iso) return fallback;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** Date only in the user's locale, e.g. "23 Nov 2026". */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(
    new Date(iso),
  );
}

/** `yyyy-mm-dd` of the local day `days` from today, for date inputs. */
export function localDatePlusDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return toLocalDateInput(date);
}

/** `yyyy-mm-dd` of `date` in local time. */
export function toLocalDateInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end (23:59:59 local time) of the local day `yyyy-mm-dd`, as an ISO-8601 instant. */
export function endOfLocalDayIso(localDate: string): string {
  const [year, month, day] = localDate.split("-").map(Number);
  return new Date(year, month - 1, day, 23, 59, 59).toISOString();
}
