import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeProductBarcode, productReader, toLuminance } from './barcode-decode';
import { cameraFailed, useCameraFrames } from './use-camera-frames';
import './camera-barcode.css';

const SCAN_EVERY_MS = 200;

/**
 * The laptop camera as a product-barcode scanner (EAN-13, EAN-8, UPC-A, UPC-E) for the stock
 * room, beside the USB scanner, read by ZXing's bundled decoder (no network, no wasm).
 */
export function CameraBarcode({ onCode, onClose }: { onCode(digits: string): void; onClose(): void }) {
  const { t } = useTranslation('inventory');
  const video = useRef<HTMLVideoElement>(null);
  const reader = useMemo(() => productReader(), []);
  const decode = useCallback(
    (image: ImageData) => decodeProductBarcode(reader, toLuminance(image.data, image.width, image.height), image.width, image.height),
    [reader],
  );
  const state = useCameraFrames(video, decode, onCode, SCAN_EVERY_MS);

  const failed = cameraFailed(state);
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
