// 长辈版 (elder mode) for the phone pages, remembered on this device: larger text (18–30 px),
// roomier lines and 60 px tap targets.
import { useSyncExternalStore } from 'react';

export const ELDER_MIN = 18;
export const ELDER_MAX = 30;
export const ELDER_STEP = 2;
export const ELDER_DEFAULT = 22;

export interface ElderPrefs {
  on: boolean;
  fontSize: number;
}

const KEY = 'linli.elder';
const listeners = new Set<() => void>();
let cached: ElderPrefs = read();

function clampSize(n: number): number {
  if (!Number.isFinite(n)) return ELDER_DEFAULT;
  return Math.min(ELDER_MAX, Math.max(ELDER_MIN, Math.round(n)));
}

function read(): ElderPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<ElderPrefs> | null;
    return { on: raw?.on === true, fontSize: clampSize(Number(raw?.fontSize ?? ELDER_DEFAULT)) };
  } catch {
    return { on: false, fontSize: ELDER_DEFAULT };
  }
}

function write(next: ElderPrefs): void {
  cached = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // private mode: remembered until the page closes
  }
  listeners.forEach((l) => l());
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) {
      cached = read();
      l();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener('storage', onStorage);
  };
}

export function useElderMode() {
  const prefs = useSyncExternalStore(subscribe, () => cached);
  return {
    ...prefs,
    setOn: (on: boolean) => write({ ...cached, on }),
    setFontSize: (n: number) => write({ ...cached, fontSize: clampSize(n) }),
    canShrink: prefs.fontSize > ELDER_MIN,
    canGrow: prefs.fontSize < ELDER_MAX,
  };
}
