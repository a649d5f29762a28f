// An audit entry's detail arrives as an object or as JSON text; both are shown as readable JSON.
export function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  let value = detail;
  if (typeof detail === 'string') {
    try {
      value = JSON.parse(detail);
    } catch {
      return detail;
    }
  }
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return '';
  return JSON.stringify(value, null, 2);
}

/** One line: "fields: idNumber, health; name: 程学忠". */
export function detailSummary(detail: unknown, max = 90): string {
  let value = detail;
  if (typeof detail === 'string') {
    try {
      value = JSON.parse(detail);
    } catch {
      value = detail;
    }
  }
  const s =
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
          .map(
            ([k, v]) =>
              `${k}: ${
                Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)
              }`,
          )
          .join('; ')
      : detailText(value).replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
