import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeProductBarcode, productReader, toLuminance } from './barcode-decode';
import './camera-barcode.css';

const SCAN_EVERY_MS = 200;

type CameraState = 'starting' | 'scanning' | 'denied' | 'missing' | 'failed';

/** Why getUserMedia refused, in the words a volunteer can act on. */
function failure(error: unknown): CameraState {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  return 'failed';
}

/**
 * The laptop camera as a product-barcode scanner (EAN-13, EAN-8, UPC-A, UPC-E) for the stock
 * room, beside the USB scanner. Frames are drawn to a canvas and read by ZXing's bundled
 * decoder (no network, no wasm). It reports one code, then stops the camera; the tracks also
 * stop on close and on unmount, so the camera light goes off when the panel goes away.
 */
export function CameraBarcode({ onCode, onClose }: { onCode(digits: string): void; onClose(): void }) {
  const { t } = useTranslation('inventory');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const report = useRef(onCode);
  useEffect(() => {
    report.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const reader = productReader();
    const canvas = document.createElement('canvas');
    const stop = () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
    };
    const scan = () => {
      const v = video.current;
      if (!v || stopped || v.videoWidth === 0) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      if (!g) return;
      g.drawImage(v, 0, 0);
      const image = g.getImageData(0, 0, canvas.width, canvas.height);
      const digits = decodeProductBarcode(reader, toLuminance(image.data, image.width, image.height), image.width, image.height);
      if (digits) {
        stop();
        report.current(digits);
      }
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('missing');
      return stop;
    }
    navigator.mediaDevices
      // The back camera when there is one (a tablet); a laptop's only camera otherwise.
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => undefined);
        }
        setState('scanning');
        timer = window.setInterval(scan, SCAN_EVERY_MS);
      })
      .catch((error: unknown) => {
        if (!stopped) setState(failure(error));
      });
    return stop;
  }, []);

  const failed = state === 'denied' || state === 'missing' || state === 'failed';
  return (
    <div className="camera-barcode" role="region" aria-label={t('camera.title')}>
      {failed ? null : <video ref={video} className="camera-barcode-view" aria-label={t('camera.view')} muted playsInline />}
      {/* Beside the picture, not under it, so Stop stays on screen at 1366x768. */}
      <div className="camera-barcode-side">
        {failed ? (
          <p className="notice notice-error" role="alert">
            {t(`camera.${state}`)}
          </p>
        ) : (
          <p className="camera-barcode-hint" aria-live="polite">
            {state === 'starting' ? t('camera.starting') : t('camera.hint')}
          </p>
        )}
        <button type="button" className="button button-secondary" onClick={onClose}>
          {failed ? t('close') : t('camera.stop')}
        </button>
      </div>
    </div>
  );
}
