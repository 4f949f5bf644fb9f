import { useEffect, useState } from 'react';
import { useApp, useConnectionState } from '../app-context.js';

/** Shown when the live connection has been down for a moment; says so when it is back and caught up. */
export function OfflineBanner() {
  const { rooms, t } = useApp();
  const state = useConnectionState(rooms);
  const [visible, setVisible] = useState(false);
  const [resynced, setResynced] = useState(false);
  useEffect(() => {
    if (state !== 'offline') {
      setVisible(false);
      return;
    }
    // A blip (a token renewal) is not worth a banner.
    const timer = setTimeout(() => setVisible(true), 800);
    return () => clearTimeout(timer);
  }, [state]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = rooms.resynced.on(() => {
      setResynced(true);
      clearTimeout(timer);
      timer = setTimeout(() => setResynced(false), 5000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [rooms]);
  return (
    <div aria-live="polite" className="banner-slot">
      {visible && (
        <div className="banner banner-offline" role="status" data-testid="offline-banner">
          {t('offlineBanner')}
        </div>
      )}
      {!visible && resynced && (
        <div className="banner banner-ok" role="status" data-testid="resynced-banner">
          {t('resyncedBanner')}
        </div>
      )}
    </div>
  );
}
