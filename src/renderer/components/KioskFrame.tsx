import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface KioskFrameProps {
  siteName: string;
  title: string;
  onStartOver?: () => void;
  footer?: ReactNode;
  children: ReactNode;
}

/** Every kiosk screen: the site's name, one clear heading, "Start over" always in reach. */
export function KioskFrame({ siteName, title, onStartOver, footer, children }: KioskFrameProps) {
  const { t } = useTranslation('common');
  return (
    <div className="frame">
      <header className="frame-header">
        <span className="site-name">{siteName}</span>
        {onStartOver ? (
          <button type="button" className="button button-quiet" onClick={onStartOver}>
            {t('startOver')}
          </button>
        ) : null}
      </header>
      <main className="frame-main">
        <h1>{title}</h1>
        {children}
      </main>
      {footer ? <footer className="frame-footer">{footer}</footer> : null}
    </div>
  );
}
