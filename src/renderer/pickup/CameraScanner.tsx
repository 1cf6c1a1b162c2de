import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import jsQR from 'jsqr';

const SCAN_EVERY_MS = 150;

/**
 * The laptop camera as a scanner: getUserMedia and jsQR, both bundled (no network). Runs only
 * while open; the stream stops on a result, on close and on unmount, so the light goes off.
 */
export function CameraScanner({ onScan, onClose }: { onScan(code: string): void; onClose(): void }) {
  const { t } = useTranslation('pickup');
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const scan = () => {
      const v = video.current;
      if (!v || stopped || v.videoWidth === 0) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      const g = canvas.getContext('2d', { willReadFrequently: true });
      if (!g) return;
      g.drawImage(v, 0, 0);
      const image = g.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (found?.data) {
        stopped = true;
        onScan(found.data);
      }
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        if (stopped) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        timer = window.setInterval(scan, SCAN_EVERY_MS);
      })
      .catch(() => setFailed(true));
    if (!navigator.mediaDevices) setFailed(true);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onScan]);

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
