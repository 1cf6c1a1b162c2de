import { useEffect, useState } from 'react';
import { useApi } from './context';

/**
 * Whether calls have stopped reaching the hub while the client retries (a station on lost
 * Wi-Fi): the transport's connection state, not data, so it is no query. False until told.
 */
export function useOffline(): boolean {
  const api = useApi();
  const [offline, setOffline] = useState(false);
  useEffect(() => api.onOffline(setOffline), [api]);
  return offline;
}
