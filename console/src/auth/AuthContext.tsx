import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated } from '../api/client';
import type { Me } from '../api/types';
import { accessOf, type Access } from '../access';

type Status = 'loading' | 'anonymous' | 'authenticated';

interface AuthState {
  status: Status;
  me: Me | null;
  access: Access;
  /** True when the operator was sent to the login because their session ended (not because they logged out). */
  expired: boolean;
  /** True right after the operator logged out themselves: the next login starts afresh, not on their last page. */
  loggedOut: boolean;
  signedIn(me: Me): void;
  /** Reads the operator again (after they changed their own settings). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Who is signed in: asks the server once at start, and forgets the operator on any 401 (session expired). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    api.quiet
      .get<Me>('/api/auth/me')
      .then((m) => {
        setMe(m);
        setStatus('authenticated');
      })
      .catch(() => setStatus('anonymous'));
    return onUnauthenticated(() => {
      setMe(null);
      setExpired(true);
      setStatus('anonymous');
    });
  }, []);

  const signedIn = useCallback((m: Me) => {
    setMe(m);
    setExpired(false);
    setLoggedOut(false);
    setStatus('authenticated');
  }, []);

  const refresh = useCallback(async () => {
    setMe(await api.get<Me>('/api/auth/me'));
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.quiet.post('/api/auth/logout');
    } finally {
      setMe(null);
      setExpired(false);
      setLoggedOut(true);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo(
    () => ({ status, me, access: accessOf(me), expired, loggedOut, signedIn, refresh, logout }),
    [status, me, expired, loggedOut, signedIn, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
