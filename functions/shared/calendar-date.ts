const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a YYYY-MM-DD that names a real day (2024-02-29, not 2023-02-29 or 2023-2-1). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
