// Check-in rules that need no database: the rotating code's time steps, the distance to the place, and the
// minutes that count (clipped to the shift's scheduled window, so arriving early, lingering or travelling
// never count).

/**
 * The staff screen shows a new code every STEP_SECONDS; the current and the previous step are accepted, so a code lives
 * 30–60 s.
 */
export const STEP_SECONDS = 30;

export function stepAt(ms: number): number {
  return Math.floor(ms / (STEP_SECONDS * 1000));
}

/** The steps a code may come from at `ms`: the current one and the one before (a scan that crossed the boundary). */
export function acceptedSteps(ms: number): [number, number] {
  const s = stepAt(ms);
  return [s, s - 1];
}

/** When the current step's code stops being accepted (the end of the next step). */
export function codeExpiresAt(ms: number): number {
  return (stepAt(ms) + 2) * STEP_SECONDS * 1000;
}

/** Six digits from the first four bytes of an HMAC. */
export function digitsOf(mac: Uint8Array): string {
  const n = ((mac[0]! << 24) >>> 0) + (mac[1]! << 16) + (mac[2]! << 8) + mac[3]!;
  return String(n % 1_000_000).padStart(6, '0');
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad,
    dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const DEFAULT_TOLERANCE_M = 300;

/** Check-in opens an hour before the shift and closes at its end. */
export const CHECKIN_OPENS_MINUTES = 60;

export function checkinOpen(shift: { startsAt: string; endsAt: string }, nowMs: number): boolean {
  return nowMs >= Date.parse(shift.startsAt) - CHECKIN_OPENS_MINUTES * 60_000 && nowMs <= Date.parse(shift.endsAt);
}

/** The part of [in, out] inside the shift, or null when they do not meet. */
export function clipToShift(
  inAt: string,
  outAt: string,
  shift: { startsAt: string; endsAt: string },
): { startedAt: string; endedAt: string; minutes: number } | null {
  const start = Math.max(Date.parse(inAt), Date.parse(shift.startsAt));
  const end = Math.min(Date.parse(outAt), Date.parse(shift.endsAt));
  const minutes = Math.floor((end - start) / 60_000);
  if (minutes <= 0) return null;
  return {
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + minutes * 60_000).toISOString(),
    minutes,
  };
}
