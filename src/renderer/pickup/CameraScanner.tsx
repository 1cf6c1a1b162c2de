import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import jsQR from 'jsqr';
import { cameraFailed, useCameraFrames } from '../scanner/use-camera-frames';

const SCAN_EVERY_MS = 150;

/** A slip's QR from a video frame, by the bundled jsQR. */
function decodeQr(image: ImageData): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data || null;
}

/** The laptop camera as a slip scanner at the pickup table. */
export function CameraScanner({ onScan, onClose }: { onScan(code: string): void; onClose(): void }) {
  const { t } = useTranslation('pickup');
  const video = useRef<HTMLVideoElement>(null);
  const failed = cameraFailed(useCameraFrames(video, decodeQr, onScan, SCAN_EVERY_MS));
  return (
    <div className="camera">
      {failed ? (
        <p className="notice notice-error" role="alert">
          {t('cameraFailed')}
        </p>
      ) : (
        <video ref={video} className="camera-view" aria-label={t('cameraLabel')} muted playsInline />
      )}
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('cameraStop')}
      </button>
    </div>
  );
}
