import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface IdleGuardProps {
  /** Seconds without a touch or key before asking "Still there?" (site setting). */
  seconds: number;
  /** Seconds the question stays up before everything is wiped. */
  warnSeconds?: number;
  /** Off on the untouched language screen: there is nothing to wipe there. */
  active: boolean;
  onTimeout(): void;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Watches for a visitor who walked away. Uses the window's own timers, so a test drives it with
 * an injected clock (Playwright's page.clock) and never waits for real.
 */
export function IdleGuard({ seconds, warnSeconds = 20, active, onTimeout }: IdleGuardProps) {
  const { t } = useTranslation('kiosk');
  const [left, setLeft] = useState<number | null>(null);
  const timeout = useRef(onTimeout);
  const titleId = useId();
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    if (!active) {
      setLeft(null);
      return;
    }
    let idle: number | undefined;
    let tick: number | undefined;
    const warn = () => {
      let remaining = warnSeconds;
      setLeft(remaining);
      tick = window.setInterval(() => {
        remaining -= 1;
        if (remaining > 0) return setLeft(remaining);
        window.clearInterval(tick);
        setLeft(null);
        timeout.current();
      }, 1000);
    };
    const arm = () => {
      window.clearTimeout(idle);
      window.clearInterval(tick);
      setLeft(null);
      idle = window.setTimeout(warn, seconds * 1000);
    };
    arm();
    for (const e of ACTIVITY) window.addEventListener(e, arm, { capture: true, passive: true });
    return () => {
      window.clearTimeout(idle);
      window.clearInterval(tick);
      for (const e of ACTIVITY) window.removeEventListener(e, arm, { capture: true });
    };
  }, [active, seconds, warnSeconds]);

  useEffect(() => {
    if (left !== null) stayRef.current?.focus();
  }, [left !== null]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once when the question appears, not every second

  if (left === null) return null;
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('idle.title')}</h2>
        <p className="idle-countdown" aria-live="assertive">
          {t('idle.countdown', { count: left })}
        </p>
        {/* Any touch counts as "still here" (the activity listener re-arms the timer). */}
        <button ref={stayRef} type="button" className="button button-primary">
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
