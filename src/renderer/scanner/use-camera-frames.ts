import { useEffect, useRef, useState, type RefObject } from 'react';

export type CameraState = 'starting' | 'scanning' | 'denied' | 'missing' | 'failed';

/** Why getUserMedia refused, in the words a volunteer can act on. */
function failure(error: unknown): CameraState {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  return 'failed';
}

export function cameraFailed(state: CameraState): boolean {
  return state === 'denied' || state === 'missing' || state === 'failed';
}

/**
 * The laptop camera as a scanner, whatever the code: opens the camera into `video`, reads a
 * frame every `everyMs` with `decode` (a bundled decoder: no network), and reports the first
 * result once, then stops. The tracks stop on a result, on unmount and on close, so the camera
 * light goes off when the panel goes away.
 */
export function useCameraFrames(
  video: RefObject<HTMLVideoElement | null>,
  decode: (image: ImageData) => string | null,
  onResult: (code: string) => void,
  everyMs: number,
): CameraState {
  const [state, setState] = useState<CameraState>('starting');
  // The latest callbacks without restarting the camera when a parent re-renders.
  const latest = useRef({ decode, onResult });
  useEffect(() => {
    latest.current = { decode, onResult };
  }, [decode, onResult]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
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
      const code = latest.current.decode(g.getImageData(0, 0, canvas.width, canvas.height));
      if (code) {
        stop();
        latest.current.onResult(code);
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
        timer = window.setInterval(scan, everyMs);
      })
      .catch((error: unknown) => {
        if (!stopped) setState(failure(error));
      });
    return stop;
  }, [video, everyMs]);

  return state;
}
