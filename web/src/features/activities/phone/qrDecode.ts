// Reading a QR code from a camera frame: the browser's own BarcodeDetector where it has one (fast, native), else
// jsQR (small, pure JS; WeChat's in-app browser and most Android and iOS browsers have no BarcodeDetector). Loaded
// only when the scanner opens, so the phone bundle does not carry it.

/** Reads one frame; answers the code's text or null. */
export type QrDecoder = (frame: ImageData) => Promise<string | null>;

interface DetectorLike {
  detect(source: ImageData): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = {
  new (opts: { formats: string[] }): DetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

async function nativeDecoder(): Promise<QrDecoder | null> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Ctor) return null;
  try {
    const formats = (await Ctor.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return null;
    const detector = new Ctor({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

async function jsqrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr');
  return async (frame) =>
    jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** The best decoder this browser has. */
export async function makeQrDecoder(): Promise<QrDecoder> {
  return (await nativeDecoder()) ?? jsqrDecoder();
}

/**
 * The card token in what a card's QR carries: the card's address (…/console/volunteers/card/<token>) or the bare
 * token typed from the card. Null when it cannot be one.
 */
export function cardTokenOf(text: string): string | null {
  const last = text.trim().split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? '';
  return /^[A-Za-z0-9_-]{8,64}$/.test(last) ? last : null;
}
