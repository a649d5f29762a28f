// The Sun's apparent longitude and the Moon's new phases, from Jean Meeus, "Astronomical Algorithms"
// (2nd ed., 1998). Times are Julian Ephemeris Days (TT) unless a name says UT. Pure arithmetic: no Date,
// no time zone of the machine. Accurate to seconds of time over 1950–2100, which is what deciding a
// calendar day in China Standard Time needs.

const RAD = Math.PI / 180;
const J2000 = 2451545.0;

/** Degrees into [0, 360). */
export function norm360(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r;
}

// VSOP87 (Bretagnon & Francou) for the Earth, truncated as in Meeus's Appendix III: each row is
// [A, B, C] for A·cos(B + C·τ), τ in Julian millennia from J2000, amplitudes in 1e-8 rad (AU for R).
// Typed in from the published series; the dropped terms move the longitude by about 1″ (≈ 25 s of time).
type Series = ReadonlyArray<readonly [number, number, number]>;
const L0: Series = [
  [175347046, 0, 0],
  [3341656, 4.6692568, 6283.07585],
  [34894, 4.6261, 12566.1517],
  [3497, 2.7441, 5753.3849],
  [3418, 2.8289, 3.5231],
  [3136, 3.6277, 77713.7715],
  [2676, 4.4181, 7860.4194],
  [2343, 6.1352, 3930.2097],
  [1324, 0.7425, 11506.7698],
  [1273, 2.0371, 529.691],
  [1199, 1.1096, 1577.3435],
  [990, 5.233, 5884.927],
  [902, 2.045, 26.298],
  [857, 3.508, 398.149],
  [780, 1.179, 5223.694],
  [753, 2.533, 5507.553],
  [505, 4.583, 18849.228],
  [492, 4.205, 775.523],
  [357, 2.92, 0.067],
  [317, 5.849, 11790.629],
  [284, 1.899, 796.298],
  [271, 0.315, 10977.079],
  [243, 0.345, 5486.778],
  [206, 4.806, 2544.314],
  [205, 1.869, 5573.143],
  [202, 2.458, 6069.777],
  [156, 0.833, 213.299],
  [132, 3.411, 2942.463],
  [126, 1.083, 20.775],
  [115, 0.645, 0.98],
  [103, 0.636, 4694.003],
  [102, 0.976, 15720.839],
  [102, 4.267, 7.114],
  [99, 6.21, 2146.17],
  [98, 0.68, 155.42],
  [86, 5.98, 161000.69],
  [85, 1.3, 6275.96],
  [85, 3.67, 71430.7],
  [80, 1.81, 17260.15],
  [79, 3.04, 12036.46],
  [75, 1.76, 5088.63],
  [74, 3.5, 3154.69],
  [74, 4.68, 801.82],
  [70, 0.83, 9437.76],
  [62, 3.98, 8827.39],
  [61, 1.82, 7084.9],
  [57, 2.78, 6286.6],
  [56, 4.39, 14143.5],
  [56, 3.47, 6279.55],
  [52, 0.19, 12139.55],
  [52, 1.33, 1748.02],
  [51, 0.28, 5856.48],
  [49, 0.49, 1194.45],
  [41, 5.37, 8429.24],
  [41, 2.4, 19651.05],
  [39, 6.17, 10447.39],
  [37, 6.04, 10213.29],
  [37, 2.57, 1059.38],
  [36, 1.71, 2352.87],
  [36, 1.78, 6812.77],
  [33, 0.59, 17789.85],
  [30, 0.44, 83996.85],
  [30, 2.74, 1349.87],
  [25, 3.16, 4690.48],
];
const L1: Series = [
  [628331966747, 0, 0],
  [206059, 2.678235, 6283.07585],
  [4303, 2.6351, 12566.1517],
  [425, 1.59, 3.523],
  [119, 5.796, 26.298],
  [109, 2.966, 1577.344],
  [93, 2.59, 18849.23],
  [72, 1.14, 529.69],
  [68, 1.87, 398.15],
  [67, 4.41, 5507.55],
  [59, 2.89, 5223.69],
  [56, 2.17, 155.42],
  [45, 0.4, 796.3],
  [36, 0.47, 775.52],
  [29, 2.65, 7.11],
  [21, 5.34, 0.98],
  [19, 1.85, 5486.78],
  [19, 4.97, 213.3],
  [17, 2.99, 6275.96],
  [16, 0.03, 2544.31],
  [16, 1.43, 2146.17],
  [15, 1.21, 10977.08],
  [12, 2.83, 1748.02],
  [12, 3.26, 5088.63],
  [12, 5.27, 1194.45],
  [12, 2.08, 4694],
  [11, 0.77, 553.57],
  [10, 1.3, 6286.6],
  [10, 4.24, 1349.87],
  [9, 2.7, 242.73],
  [9, 5.64, 951.72],
  [8, 5.3, 2352.87],
  [6, 2.65, 9437.76],
  [6, 4.67, 4690.48],
];
const L2: Series = [
  [52919, 0, 0],
  [8720, 1.0721, 6283.0758],
  [309, 0.867, 12566.152],
  [27, 0.05, 3.52],
  [16, 5.19, 26.3],
  [16, 3.68, 155.42],
  [10, 0.76, 18849.23],
  [9, 2.06, 77713.77],
  [7, 0.83, 775.52],
  [5, 4.66, 1577.34],
  [4, 1.03, 7.11],
  [4, 3.44, 5573.14],
  [3, 5.14, 796.3],
  [3, 6.05, 5507.55],
  [3, 1.19, 242.73],
  [3, 6.12, 529.69],
  [3, 0.31, 398.15],
  [3, 2.28, 553.57],
  [2, 4.38, 5223.69],
  [2, 3.75, 0.98],
];
const L3: Series = [
  [289, 5.844, 6283.076],
  [35, 0, 0],
  [17, 5.49, 12566.15],
  [3, 5.2, 155.42],
  [1, 4.72, 3.52],
  [1, 5.3, 18849.23],
  [1, 5.97, 242.73],
];
const L4: Series = [
  [114, 3.142, 0],
  [8, 4.13, 6283.08],
  [1, 3.84, 12566.15],
];
const L5: Series = [[1, 3.14, 0]];
// Only the largest terms of the radius: it enters through the aberration (20.5″/R), where 1e-4 AU is 0.002″.
const R0: Series = [
  [100013989, 0, 0],
  [1670700, 3.0984635, 6283.07585],
  [13956, 3.05525, 12566.1517],
  [3084, 5.1985, 77713.7715],
  [1628, 1.1739, 5753.3849],
  [1576, 2.8469, 7860.4194],
  [925, 5.453, 11506.77],
  [542, 4.564, 3930.21],
];
const R1: Series = [
  [103019, 1.10749, 6283.07585],
  [1721, 1.0644, 12566.1517],
];

function sum(series: Series, tau: number): number {
  let s = 0;
  for (const [a, b, c] of series) s += a * Math.cos(b + c * tau);
  return s;
}

/** Nutation in longitude, in degrees (Meeus ch. 22, the 0.5″ short form). */
function nutationLongitude(T: number): number {
  const omega = (125.04452 - 1934.136261 * T) * RAD;
  const Lsun = (280.4665 + 36000.7698 * T) * RAD;
  const Lmoon = (218.3165 + 481267.8813 * T) * RAD;
  return (
    (-17.2 * Math.sin(omega) - 1.32 * Math.sin(2 * Lsun) - 0.23 * Math.sin(2 * Lmoon) + 0.21 * Math.sin(2 * omega)) /
    3600
  );
}

/** The Sun's apparent geocentric longitude in degrees at a JDE (Meeus ch. 25, "higher accuracy"). */
export function sunApparentLongitude(jde: number): number {
  const tau = (jde - J2000) / 365250;
  const L =
    (sum(L0, tau) +
      tau * (sum(L1, tau) + tau * (sum(L2, tau) + tau * (sum(L3, tau) + tau * (sum(L4, tau) + tau * sum(L5, tau)))))) /
    1e8;
  const R = (sum(R0, tau) + tau * sum(R1, tau)) / 1e8;
  const T = tau * 10;
  // Geocentric = heliocentric + 180°; -0.09033″ converts VSOP87's dynamical frame to FK5 (Meeus 25.9).
  let theta = L / RAD + 180 - 0.09033 / 3600;
  theta += nutationLongitude(T) - 20.4898 / 3600 / R; // nutation, then annual aberration
  return norm360(theta);
}

/**
 * ΔT = TT − UT in seconds: the polynomials of Espenak & Meeus, "Five Millennium Canon of Solar Eclipses"
 * (NASA TP-2006-214141). Beyond the present they are a forecast; by 2100 the error may be a minute or two,
 * which matters only for a new moon or a solar term within that much of midnight.
 */
export function deltaT(year: number): number {
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - (t * t) / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - (t * t) / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

/** Universal Time from a JDE. */
export function jdeToUT(jde: number): number {
  const year = 2000 + (jde - J2000) / 365.25;
  return jde - deltaT(year) / 86400;
}

const TROPICAL_YEAR = 365.242189;

/**
 * The JDE when the Sun's apparent longitude reaches `longitude` in Gregorian year `year`. Longitudes
 * 285–359° (小寒 to 惊蛰) fall before the March equinox, 0–270° after it. Newton's method on the
 * longitude (Meeus ch. 27 does the same for equinoxes): the Sun moves ~0.9856°/day, so a few steps suffice.
 */
export function solarLongitudeTime(year: number, longitude: number): number {
  const marchEquinox = 2451623.80984 + 365.24237404 * (year - 2000); // mean, Meeus table 27.b, first terms
  const ahead = longitude >= 285 ? longitude - 360 : longitude;
  let jde = marchEquinox + (ahead / 360) * TROPICAL_YEAR;
  for (let i = 0; i < 20; i++) {
    const diff = norm360(longitude - sunApparentLongitude(jde) + 180) - 180;
    const step = (diff / 360) * TROPICAL_YEAR;
    jde += step;
    if (Math.abs(step) < 1e-7) break;
  }
  return jde;
}

/**
 * The JDE of new moon number k (k = 0 is the new moon of 2000-01-06; k counts lunations), by the mean
 * phase plus the periodic and planetary corrections of Meeus ch. 49. Meeus gives a largest error of
 * about 17 s against the full lunar theory ELP-2000/82.
 */
export function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T,
    T3 = T2 * T,
    T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3) * RAD;
  const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * RAD;
  const F = (160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * RAD;
  const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3) * RAD;
  const s = Math.sin;
  jde +=
    -0.4072 * s(Mp) +
    0.17241 * E * s(M) +
    0.01608 * s(2 * Mp) +
    0.01039 * s(2 * F) +
    0.00739 * E * s(Mp - M) -
    0.00514 * E * s(Mp + M) +
    0.00208 * E * E * s(2 * M) -
    0.00111 * s(Mp - 2 * F) -
    0.00057 * s(Mp + 2 * F) +
    0.00056 * E * s(2 * Mp + M) -
    0.00042 * s(3 * Mp) +
    0.00042 * E * s(M + 2 * F) +
    0.00038 * E * s(M - 2 * F) -
    0.00024 * E * s(2 * Mp - M) -
    0.00017 * s(Om) -
    0.00007 * s(Mp + 2 * M) +
    0.00004 * s(2 * Mp - 2 * F) +
    0.00004 * s(3 * M) +
    0.00003 * s(Mp + M - 2 * F) +
    0.00003 * s(2 * Mp + 2 * F) -
    0.00003 * s(Mp + M + 2 * F) +
    0.00003 * s(Mp - M + 2 * F) -
    0.00002 * s(Mp - M - 2 * F) -
    0.00002 * s(3 * Mp + M) +
    0.00002 * s(4 * Mp);
  // Planetary arguments A1–A14 (degrees) and their amplitudes in days.
  const A: ReadonlyArray<readonly [number, number, number]> = [
    [299.77 + 0.107408 * k - 0.009173 * T2, 0, 325],
    [251.88, 0.016321, 165],
    [251.83, 26.651886, 164],
    [349.42, 36.412478, 126],
    [84.66, 18.206239, 110],
    [141.74, 53.303771, 62],
    [207.14, 2.453732, 60],
    [154.84, 7.30686, 56],
    [34.52, 27.261239, 47],
    [207.19, 0.121824, 42],
    [291.34, 1.844379, 40],
    [161.72, 24.198154, 37],
    [239.56, 25.513099, 35],
    [331.55, 3.592518, 23],
  ];
  for (const [a0, rate, amp] of A) jde += (amp / 1e6) * Math.sin((a0 + rate * k) * RAD);
  return jde;
}

/** The lunation number k of the last new moon at or before a JDE. */
export function lunationAtOrBefore(jde: number): number {
  let k = Math.floor((jde - 2451550.09766) / 29.530588861);
  while (newMoon(k + 1) <= jde) k++;
  while (newMoon(k) > jde) k--;
  return k;
}

/** The Julian Day Number of the calendar day, in China Standard Time (UTC+8), holding a JDE instant. */
export function chinaDayNumber(jde: number): number {
  return Math.floor(jdeToUT(jde) + 0.5 + 8 / 24);
}

/** A Julian Day Number as YYYY-MM-DD (proleptic Gregorian). 2440588 is 1970-01-01. */
export function dayNumberToDate(jdn: number): string {
  return new Date((jdn - 2440588) * 86400000).toISOString().slice(0, 10);
}

export function dateToDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86400000 + 2440588;
}
