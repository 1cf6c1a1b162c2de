import { useCallback, useEffect, useState } from 'react';

export type Decode = (image: ImageData) => string | null;

/**
 * A camera decoder fetched from its own chunk when a camera opens, not with the app: the QR and
 * barcode decoders are the largest code in the renderer and most screens never open a camera.
 * Until the chunk arrives (a local file: a few milliseconds) frames decode to nothing, which
 * useCameraFrames already treats as "no code in this frame yet".
 */
export function useLazyDecoder(load: () => Promise<Decode>): Decode {
  const [decoder, setDecoder] = useState<{ decode: Decode } | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((decode) => {
      if (live) setDecoder({ decode });
    });
    return () => {
      live = false;
    };
    // Loaded once per camera panel; `load` is a module-level function in both callers.
  }, [load]);
  return useCallback((image: ImageData) => (decoder ? decoder.decode(image) : null), [decoder]);
}
