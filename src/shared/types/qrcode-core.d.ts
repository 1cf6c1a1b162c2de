// The pure QR encoder inside the qrcode package. We import it directly so shared code (which
// runs in core and in the renderer) does not pull in the package's Node stream/PNG renderers.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSegment {
    data: string;
    mode: 'numeric' | 'alphanumeric' | 'byte';
  }
  export interface QrSymbol {
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number };
    version: number;
  }
  export function create(
    data: string | QrSegment[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number },
  ): QrSymbol;
}
